import { expectType } from "tsd";
import { contractExpression, einsum, zeros, type OperandAtFault, type OperandParameters, type Refusal, type Tensor } from "typed-einsum";
import type {
  WriteDiagonalSizeMismatch,
  WriteEllipsisBroadcast,
  WriteInvalidCharacter,
  WriteOperandCount,
  WriteRankBelowEllipsis,
  WriteRankMismatch,
  WriteRepeatedOutputLabel,
  WriteSizeMismatch,
} from "../src/messages.js";

// A size or rank that does not fit is an error on the operand at fault; a mistake of the equation stays on the
// equation. Each call below is written one argument a line, with `@ts-expect-error` above the argument that must
// carry the error: an error on another line, or none, fails this file under TypeScript 5.9, 6 and 7.
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Assert<Condition extends true> = Condition;

// the operand each message blames, as the run time's message names it
export type SizeBlamesLater = Assert<Equal<OperandAtFault<WriteSizeMismatch<"j", 0, 3, 2, 4>>, 2>>;
export type SymbolicSizeBlamesLater = Assert<Equal<OperandAtFault<WriteSizeMismatch<"k", 0, "K", 1, "J">>, 1>>;
export type RankBlamesItsOperand = Assert<Equal<OperandAtFault<WriteRankMismatch<1, 2, "ijk", 3>>, 1>>;
export type RankOfOneDimension = Assert<Equal<OperandAtFault<WriteRankMismatch<3, 2, "i", 1>>, 3>>;
export type EllipsisRankBlamesItsOperand = Assert<Equal<OperandAtFault<WriteRankBelowEllipsis<2, 1, "...ij", 2>>, 2>>;
export type DiagonalBlamesItsOperand = Assert<Equal<OperandAtFault<WriteDiagonalSizeMismatch<"i", 1, 2, 3>>, 1>>;
export type BroadcastBlamesLater = Assert<Equal<OperandAtFault<WriteEllipsisBroadcast<0, 2, 1, 3>>, 1>>;
export type GrammarBlamesNone = Assert<Equal<OperandAtFault<WriteInvalidCharacter<"1", 4>>, never>>;
export type CountBlamesNone = Assert<Equal<OperandAtFault<WriteOperandCount<2, 1>>, never>>;
export type OutputBlamesNone = Assert<Equal<OperandAtFault<WriteRepeatedOutputLabel<"i">>, never>>;

// the parameters: the operand's own type, or the message where it is blamed; the options as they are
// (marked as a refusal, so that the editor never offers the message as a completion)
type Mismatch = WriteSizeMismatch<"j", 0, 3, 1, 4>;
export type Blamed = Assert<
  Equal<OperandParameters<[Tensor<[2, 3]>, Tensor<[4, 5]>, { optimize: false }], Mismatch>, [Tensor<[2, 3]>, Mismatch & Refusal, { optimize: false }]>
>;
export type Listed = Assert<
  Equal<OperandParameters<[[Tensor<[2, 3]>, Tensor<[4, 5]>], { optimize: false }], Mismatch>, [[Tensor<[2, 3]>, Mismatch & Refusal], { optimize: false }]>
>;
export type EquationOnly = Assert<
  Equal<OperandParameters<[Tensor<[2, 3]>, Tensor<[4, 5]>], WriteRepeatedOutputLabel<"i">>, [Tensor<[2, 3]>, Tensor<[4, 5]>]>
>;

const a = zeros([2, 3]);
const b = zeros([3, 4]);
const b4 = zeros([4, 5]);

// a size mismatch: on the later operand
einsum(
  "ij,jk->ik",
  a,
  // @ts-expect-error label 'j' has size 3 in operand 0 but 4 in operand 1
  b4,
);
// among three operands, on the one that disagrees with an earlier one
einsum(
  "ij,jk,kl->il",
  a,
  b,
  // @ts-expect-error label 'k' has size 4 in operand 1 but 5 in operand 2
  zeros([5, 2]),
);
// a rank mismatch: on the operand whose rank differs
einsum(
  "ij,jk,k->i",
  a,
  b,
  // @ts-expect-error operand 2 has rank 2 but its term 'k' names 1 dimension
  b,
);
einsum(
  "...ij,jk",
  // @ts-expect-error operand 0 has rank 1 but its term '...ij' needs at least 2 dimensions
  zeros([3]),
  b,
);
// a label repeated in one operand with unequal sizes: on that operand
einsum(
  "ii,i",
  // @ts-expect-error label 'i' repeats in operand 0 with unequal sizes 2 and 3
  a,
  zeros([2]),
);
// ellipsis dimensions that do not broadcast: on the later operand
einsum(
  "...i,...i",
  zeros([2, 3]),
  // @ts-expect-error the ellipsis dimensions do not broadcast: size 2 in operand 0 against 4 in operand 1
  zeros([4, 3]),
);
// an options object after the operands changes nothing
einsum(
  "ij,jk->ik",
  a,
  // @ts-expect-error label 'j' has size 3 in operand 0 but 4 in operand 1
  b4,
  { optimize: "greedy" },
);
// the operand-list form: on the list's element
einsum("ij,jk->ik", [
  a,
  // @ts-expect-error label 'j' has size 3 in operand 0 but 4 in operand 1
  b4,
]);
// an operand typed by a union: on the operand when a member is refused
declare const eitherHeight: Tensor<[3, 4]> | Tensor<[5, 4]>;
einsum(
  "ij,jk->ik",
  a,
  // @ts-expect-error label 'j' has size 3 in operand 0 but 5 in operand 1
  eitherHeight,
);
// generic code: a symbol against another size, on the later operand
export function mismatched<K extends number>(x: Tensor<[2, K]>) {
  return einsum(
    "ik,kj->ij",
    x,
    // @ts-expect-error label 'k' has size <type parameter> in operand 0 but 3 in operand 1
    b,
  );
}

// mistakes of the equation stay on the equation
einsum(
  // @ts-expect-error output label 'i' appears more than once
  "ij,jk->ii",
  a,
  b,
);
einsum(
  // @ts-expect-error the equation has 2 input terms but the call gives 1 operand
  "ij,jk->ik",
  a,
);
einsum(
  // @ts-expect-error invalid character '1'
  "ij,j1->i",
  a,
  b,
);

// contractExpression: on the planned shape at fault, or on the equation
contractExpression(
  "ij,jk->ik",
  [2, 3],
  // @ts-expect-error label 'j' has size 3 in operand 0 but 4 in operand 1
  [4, 4],
  { optimize: "greedy" },
);
contractExpression(
  "ijk,jk->ik",
  // @ts-expect-error operand 0 has rank 2 but its term 'ijk' names 3 dimensions
  [2, 3],
  [3, 4],
);
contractExpression(
  // @ts-expect-error output label 'i' appears more than once, at column 9
  "ij,jk->ii",
  [2, 3],
  [3, 4],
);

// the result of an accepted call is unchanged
expectType<Tensor<[2, 4], "float64">>(einsum("ij,jk->ik", a, b));
expectType<Tensor<[2, 4], "float64">>(einsum("ij,jk->ik", [a, b], { optimize: "greedy" }));
expectType<Tensor<[2, 4], "float64">>(contractExpression("ij,jk->ik", [2, 3], [3, 4], { optimize: "dp" })(a, b));
