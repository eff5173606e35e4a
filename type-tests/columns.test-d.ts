import { expectType } from "tsd";
import { einsum, zeros, type ValidateEquation } from "typed-einsum";
import type { Column } from "../src/messages.js";

// A mistake of the equation says its column in words, counted from 1 at the equation's first character, the same
// words as the run time's (test/runtime/columns.test.ts checks the same equations there). Expected texts are written
// by hand.
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Assert<Condition extends true> = Condition;

// columns from indices, carries included, past the lookup tables of the parser
export type First = Assert<Equal<Column<0>, 1>>;
export type Carry = Assert<Equal<Column<9>, 10>>;
export type Carries = Assert<Equal<Column<199>, 200>>;
export type Long = Assert<Equal<Column<1999>, 2000>>;

// the grammar
export type Character = Assert<
  Equal<ValidateEquation<"ij,j#->i", [[2, 3], [3, 4]]>, "invalid character '#' at column 5: labels are the letters a-z and A-Z">
>;
export type SecondArrow = Assert<Equal<ValidateEquation<"ij->j->i", [[2, 3]]>, "the equation has a second '->' at column 6">>;
export type Arrow = Assert<Equal<ValidateEquation<"ij -ji", [[2, 3]]>, "the arrow at column 4 is malformed: write '->'">>;
export type Dot = Assert<Equal<ValidateEquation<"i..j->ij", [[2, 3, 4]]>, "the '.' at column 2 is not part of an ellipsis '...'">>;
export type Spaced = Assert<
  Equal<ValidateEquation<"                                                                                                                                                                                                                                                                                                            i#", [[2]]>, "invalid character '#' at column 302: labels are the letters a-z and A-Z">
>;
// the term count, at the end of the inputs
export type Count = Assert<
  Equal<ValidateEquation<"ij,jk->ik", [[2, 3]]>, "the equation has 2 input terms but the call gives 1 operand, at column 6">
>;
// the output, at the label or at the output's start, spaces counted
export type Unknown = Assert<Equal<ValidateEquation<"ij->i z", [[2, 3]]>, "output label 'z' does not appear in any input, at column 7">>;
export type Suggested = Assert<
  Equal<ValidateEquation<"ij->i J", [[2, 3]]>, "output label 'J' does not appear in any input, at column 7; did you mean 'j'?">
>;
export type Repeated = Assert<
  Equal<ValidateEquation<"ij, jk -> k i k", [[2, 3], [3, 4]]>, "output label 'k' appears more than once, at column 15">
>;
export type EllipsisMissing = Assert<
  Equal<ValidateEquation<"...ij->  ij", [[5, 2, 3]]>, "the ellipsis stands for 1 dimension but the output has no '...', at column 8">
>;
// operands' mistakes have no column: they are on the operand
export type Size = Assert<
  Equal<ValidateEquation<"ij,jk->ik", [[2, 3], [4, 5]]>, "label 'j' has size 3 in operand 0 but 4 in operand 1">
>;

// in a call, the equation's error reads the same
// @ts-expect-error output label 'k' appears more than once, at column 15
einsum("ij, jk -> k i k", zeros([2, 3]), zeros([3, 4]));
expectType<"output label 'k' appears more than once, at column 15">(
  {} as ValidateEquation<"ij, jk -> k i k", [[2, 3], [3, 4]]>,
);
