import { expectType } from "tsd";
import { einsum, zeros, type EquationParameter, type InputContinuations, type Refusal, type ValidateEquation } from "typed-einsum";
import type { WriteAtColumn, WriteOperandCount, WriteRankMismatch, WriteRepeatedOutputLabel, WriteSizeMismatch } from "../src/messages.js";

// Before the '->', einsum's equation parameter holds what may be typed next at the end of the inputs, and its
// messages are marked as refusals, so that the editor never offers one as a completion.
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Assert<Condition extends true> = Condition;

// the first term: a label per dimension of the first operand
export type Started = Assert<Equal<InputContinuations<"", [[2, 3], [3, 4]]>, "i" | "j">>;
// a complete term with more operands to come: ','
export type FirstDone = Assert<Equal<InputContinuations<"ij", [[2, 3], [3, 4]]>, "ij,">>;
// after ',': the used labels, then fresh ones, as many as the operand's dimensions left
export type SecondTerm = Assert<Equal<InputContinuations<"ij,", [[2, 3], [3, 4]]>, "ij,i" | "ij,j" | "ij,k" | "ij,l">>;
export type SecondHalf = Assert<Equal<InputContinuations<"ij,j", [[2, 3], [3, 4]]>, "ij,ji" | "ij,jk">>;
// complete inputs: '->' and the implicit output spelled out
export type Complete = Assert<Equal<InputContinuations<"ij,jk", [[2, 3], [3, 4]]>, "ij,jk->" | "ij,jk->ik">>;
export type CompleteTransform = Assert<Equal<InputContinuations<"bk,aki", [[2, 3], [5, 3, 3]]>, "bk,aki->" | "bk,aki->abi">>;
// spaces do not count as labels
export type Spaced = Assert<Equal<InputContinuations<"i j , j k", [[2, 3], [3, 4]]>, "i j , j k->" | "i j , j k->ik">>;
// a trailing '-' gets its '>'
export type Dash = Assert<Equal<InputContinuations<"ij,jk-", [[2, 3], [3, 4]]>, "ij,jk->" | "ij,jk->ik">>;
// '...' where an earlier term has one, or the operand's rank is 3 or more
export type AfterEllipsis = Assert<
  Equal<
    InputContinuations<"...ij,", [[7, 2, 3], [7, 3, 4]]>,
    "...ij,i" | "...ij,j" | "...ij,k" | "...ij,l" | "...ij,m" | "...ij,..."
  >
>;
export type RankThree = Assert<
  Equal<InputContinuations<"ij,", [[2, 3], [3, 3, 4]]>, "ij,i" | "ij,j" | "ij,k" | "ij,l" | "ij,m" | "ij,...">
>;
// a term with an ellipsis is complete and may take more labels
export type EllipsisTerm = Assert<
  Equal<
    InputContinuations<"...ij,...jk", [[7, 2, 3], [7, 3, 4]]>,
    "...ij,...jki" | "...ij,...jkl" | "...ij,...jk->" | "...ij,...jk->...ik"
  >
>;
// no operand yet: any rank, so the used labels and two fresh ones, ',' and '->'
export type NoOperands = Assert<Equal<InputContinuations<"ij", []>, "ijk" | "ijl" | "ij," | "ij->">>;
// nothing can save a size mismatch, a term past its operand's rank, a bad character, or an arrow already written
export type Sizes = Assert<Equal<InputContinuations<"ij,j", [[2, 3], [4, 4]]>, never>>;
export type PastRank = Assert<Equal<InputContinuations<"ijk", [[2, 3]]>, never>>;
export type BadCharacter = Assert<Equal<InputContinuations<"i1", [[2, 3]]>, never>>;
export type Arrow = Assert<Equal<InputContinuations<"ij->", [[2, 3]]>, never>>;

// the parameter: the message, marked, beside the continuations while the equation is not finished; a refusal that
// blames an operand leaves the equation accepted (the operand's parameter shows it), beside the continuations
export type Typing = Assert<Equal<EquationParameter<"ij,", [[2, 3], [3, 4]]>, (string & {}) | "ij,i" | "ij,j" | "ij,k" | "ij,l">>;
export type Waiting = Assert<Equal<EquationParameter<"ij", [[2, 3], [3, 4]]>, (WriteAtColumn<WriteOperandCount<1, 2>, 2> & Refusal) | "ij,">>;
export type Accepted = Assert<Equal<EquationParameter<"ij,jk", [[2, 3], [3, 4]]>, "ij,jk" | "ij,jk->" | "ij,jk->ik">>;
// a definite error is its message alone
export type Definite = Assert<Equal<EquationParameter<"ij,jk->ii", [[2, 3], [3, 4]]>, WriteAtColumn<WriteRepeatedOutputLabel<"i">, 8> & Refusal>>;
export type Mismatch = Assert<Equal<EquationParameter<"ij,jk", [[2, 3], [4, 4]]>, string & {}>>;
export type MismatchChecked = Assert<Equal<ValidateEquation<"ij,jk", [[2, 3], [4, 4]]>, WriteSizeMismatch<"j", 0, 3, 1, 4>>>;

// calls: unfinished inputs are still refused, and complete ones are typed as before
const a = zeros([2, 3]);
const b = zeros([3, 4]);
// @ts-expect-error operand 1 has rank 2 but its term '' names 0 dimensions
einsum("ij,", a, b);
// @ts-expect-error the equation has 1 input term but the call gives 2 operands
einsum("ij", a, b);
expectType<[2, 4]>(einsum("ij,jk", a, b).shape);
