import { expectType } from "tsd";
import { einsum, zeros, type EinsumShape, type Tensor, type ValidateEquation } from "typed-einsum";
import type {
  WriteAtColumn,
  WriteDiagonalSizeMismatch,
  WriteEllipsisBroadcast,
  WriteInvalidCharacter,
  WriteOperandCount,
  WriteRankMismatch,
  WriteRepeatedOutputLabel,
  WriteSizeMismatch,
  WriteUnknownOutputLabel,
} from "../src/messages.js";

// Symbolic dimensions: a type parameter or a branded number stands for "any size", the same one wherever it appears.
// The same symbol agrees with itself, a literal 1 broadcasts against it, and two different symbols, or a symbol and
// a literal other than 1, cannot be proved equal: a type error in the run time's words, the symbol printed by its
// brand's name, or as `<type parameter>` (no type can read a type parameter's name).
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Exact<Left, Right extends Left> = Equal<Left, Right>;
type Assert<Condition extends true> = Condition;

type Batch = number & { readonly __dim: "batch" };
type Heads = number & { readonly __dim: "heads" };
declare const batch: Tensor<[Batch, 3]>;
declare const perHead: Tensor<[Heads, 3]>;
declare const weight: Tensor<[3, 4]>;

// Branded numbers are symbols too, and keep their type through the result.
const projected = einsum("bk,kj->bj", batch, weight);
expectType<Tensor<[Batch, 4], "float64">>(projected);
export type Projected = Assert<Exact<typeof projected, Tensor<[Batch, 4], "float64">>>;
export type BatchOuter = Assert<Exact<EinsumShape<"bi,hi->bh", [[Batch, 3], [Heads, 3]]>, [Batch, Heads]>>;

// A literal 1 broadcasts against a symbol, on either side; `number` stays unknown and takes the symbol's place.
function broadcast<N extends number>(column: Tensor<[N, 1]>, row: Tensor<[1, N]>, unit: Tensor<[1, 1]>, loose: Tensor<[number, 3]>) {
  const square = einsum("ij,ij->ij", column, row);
  type Square = Assert<Exact<typeof square, Tensor<[N, N], "float64">>>;
  const widened = einsum("ij,jk->ik", row, zeros([1, 5]));
  type Widened = Assert<Exact<typeof widened, Tensor<[1, 5], "float64">>>;
  const known = einsum("ik,jk->ij", unit, loose);
  type Known = Assert<Exact<typeof known, Tensor<[1, number], "float64">>>;
  const mixed = einsum("ij,kj->ik", loose, column);
  type Mixed = Assert<Exact<typeof mixed, Tensor<[number, N], "float64">>>;
  return square;
}
export type BroadcastAtCallSite = Assert<Exact<ReturnType<typeof broadcast<7>>, Tensor<[7, 7], "float64">>>;

// Symbols under an ellipsis broadcast too, and keep their place in the output.
function batched<B extends number, T extends number>(x: Tensor<[B, T, 3]>, y: Tensor<[B, 1, 3]>) {
  const summed = einsum("...k,...k->...", x, y);
  type Summed = Assert<Exact<typeof summed, Tensor<[B, T], "float64">>>;
  const moved = einsum("b...->...b", x);
  type Moved = Assert<Exact<typeof moved, Tensor<[T, 3, B], "float64">>>;
  return summed;
}
export type BatchedAtCallSite = Assert<Exact<ReturnType<typeof batched<2, 9>>, Tensor<[2, 9], "float64">>>;

// ---- refusals ---------------------------------------------------------------------------------------------------
function refusals<K extends number, J extends number, N extends number>(
  left: Tensor<[2, K]>,
  right: Tensor<[J, 3]>,
  square: Tensor<[N, K]>,
) {
  // two different type parameters on one label
  // @ts-expect-error label 'k' has size <type parameter> in operand 0 but <type parameter> in operand 1
  einsum("ik,kj->ij", left, right);
  type TwoSymbols = Assert<
    Exact<ValidateEquation<"ik,kj->ij", [[2, K], [J, 3]]>, WriteSizeMismatch<"k", 0, "<type parameter>", 1, "<type parameter>">>
  >;
  // a type parameter against a literal other than 1
  // @ts-expect-error label 'k' has size <type parameter> in operand 0 but 3 in operand 1
  einsum("ik,kj->ij", left, weight);
  type SymbolAndLiteral = Assert<Exact<ValidateEquation<"ik,kj->ij", [[2, K], [3, 4]]>, WriteSizeMismatch<"k", 0, "<type parameter>", 1, 3>>>;
  // a diagonal of two different symbols
  // @ts-expect-error label 'i' repeats in operand 0 with unequal sizes <type parameter> and <type parameter>
  einsum("ii->i", square);
  type Diagonal = Assert<
    Exact<ValidateEquation<"ii->i", [[N, K]]>, WriteDiagonalSizeMismatch<"i", 0, "<type parameter>", "<type parameter>">>
  >;
  // ellipsis dimensions that do not broadcast
  // @ts-expect-error the ellipsis dimensions do not broadcast: size <type parameter> in operand 0 against 3 in operand 1
  einsum("...,...->...", right, zeros([3, 3]));
  type Ellipsis = Assert<Exact<ValidateEquation<"...,...->...", [[J, 3], [3, 3]]>, WriteEllipsisBroadcast<0, "<type parameter>", 1, 3>>>;
  // the rank, the operand count, the output and the grammar are checked as in literal code
  // @ts-expect-error operand 0 has rank 2 but its term 'ikl' names 3 dimensions
  einsum("ikl,kj->ij", left, right);
  type Rank = Assert<Exact<ValidateEquation<"ikl,kj->ij", [[2, K], [J, 3]]>, WriteRankMismatch<0, 2, "ikl", 3>>>;
  // @ts-expect-error the equation has 2 input terms but the call gives 1 operand
  einsum("ik,kj->ij", left);
  type Count = Assert<Exact<ValidateEquation<"ik,kj->ij", [[2, K]]>, WriteAtColumn<WriteOperandCount<2, 1>, 5>>>;
  // @ts-expect-error output label 'z' does not appear in any input
  einsum("ik->iz", left);
  type Unknown = Assert<Exact<ValidateEquation<"ik->iz", [[2, K]]>, WriteAtColumn<WriteUnknownOutputLabel<"z">, 5>>>;
  // @ts-expect-error output label 'k' appears more than once
  einsum("ik->kk", left);
  type Repeated = Assert<Exact<ValidateEquation<"ik->kk", [[2, K]]>, WriteAtColumn<WriteRepeatedOutputLabel<"k">, 5>>>;
  // @ts-expect-error invalid character '1' at column 2: labels are the letters a-z and A-Z
  einsum("i1->i", left);
  type Character = Assert<Exact<ValidateEquation<"i1->i", [[2, K]]>, WriteInvalidCharacter<"1", 1>>>;
  return left;
}
refusals(zeros([2, 3]), zeros([3, 3]), zeros([3, 3]));

// Branded numbers are named in the message.
// @ts-expect-error label 'k' has size batch in operand 0 but heads in operand 1
einsum("ki,kj->ij", batch, perHead);
export type Branded = Assert<Exact<ValidateEquation<"ki,kj->ij", [[Batch, 3], [Heads, 3]]>, WriteSizeMismatch<"k", 0, "batch", 1, "heads">>>;
// @ts-expect-error label 'b' has size batch in operand 0 but 5 in operand 1
einsum("bk,bk->b", batch, zeros([5, 3]));
export type BrandAndLiteral = Assert<Exact<ValidateEquation<"bk,bk->b", [[Batch, 3], [5, 3]]>, WriteSizeMismatch<"b", 0, "batch", 1, 5>>>;

// ---- boundary types ---------------------------------------------------------------------------------------------
// Two symbols that are the same type are one symbol.
type Alias = Batch;
export type SameBrand = Assert<Exact<EinsumShape<"bk,bj->bkj", [[Batch, 3], [Alias, 4]]>, [Batch, 3, 4]>>;
// A variadic shape under the only term with an ellipsis: the ellipsis stands for the variadic part, which the
// result keeps where the ellipsis goes.
function overBatch<S extends number[]>(x: Tensor<[...S, 3]>, y: Tensor<[2, ...S]>) {
  const projected = einsum("...k,kj->...j", x, weight);
  type Projected = Assert<Exact<typeof projected, Tensor<[...S, 4], "float64">>>;
  const moved = einsum("...k->k...", x);
  type Moved = Assert<Exact<typeof moved, Tensor<[3, ...S], "float64">>>;
  const implicit = einsum("i...", y);
  type Implicit = Assert<Exact<typeof implicit, Tensor<[...S, 2], "float64">>>;
  // the labels must still agree with the fixed dimensions
  // @ts-expect-error label 'k' has size 3 in operand 0 but 4 in operand 1
  einsum("...k,kj->...j", x, zeros([4, 5]));
  // where it is not well defined (two terms with an ellipsis, or no ellipsis), the result is loose, with no error
  const twice = einsum("...k,...k->...", x, x);
  type Twice = Assert<Exact<typeof twice, Tensor<number[], "float64">>>;
  const unlabelled = einsum("ik,kj->ij", x, weight);
  type Unlabelled = Assert<Exact<typeof unlabelled, Tensor<number[], "float64">>>;
  return projected;
}
const overBatched = overBatch(zeros([7, 5, 3]), zeros([2, 7, 5]));
expectType<Tensor<[7, 5, 4], "float64">>(overBatched);
export type OverBatchAtCallSite = Assert<Exact<typeof overBatched, Tensor<[7, 5, 4], "float64">>>;
