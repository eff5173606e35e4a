import { expectType } from "tsd";
import { einsum, zeros, type EinsumShape, type Tensor, type ValidateEquation } from "typed-einsum";
import type { WriteSizeMismatch } from "../src/messages.js";

// An operand typed by a union of shapes is checked member by member: the call is refused when any member would be
// refused at run time, and the result is the union of the members' results, each result once.
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Exact<Left, Right extends Left> = Equal<Left, Right>;
type Assert<Condition extends true> = Condition;

declare const matrix: Tensor<[2, 3]>;
declare const eitherWidth: Tensor<[3, 4]> | Tensor<[3, 5]>;
declare const eitherHeight: Tensor<[3, 4]> | Tensor<[5, 4]>;
declare const eitherRows: Tensor<[2, 3]> | Tensor<[4, 3]>;

// every member accepted: the union of the results
const product = einsum("ij,jk->ik", matrix, eitherWidth);
expectType<Tensor<[2, 4], "float64"> | Tensor<[2, 5], "float64">>(product);
export type Product = Assert<Exact<typeof product, Tensor<[2, 4], "float64"> | Tensor<[2, 5], "float64">>>;
// `EinsumShape` takes a union of shape lists the same way
export type ProductShape = Assert<Exact<EinsumShape<"ij,jk", [[2, 3], [3, 4]] | [[2, 3], [3, 5]]>, [2, 4] | [2, 5]>>;

// members that give one result give it once
const columns = einsum("ij->j", eitherRows);
expectType<Tensor<[3], "float64">>(columns);
export type Columns = Assert<Exact<typeof columns, Tensor<[3], "float64">>>;

// two operands typed by unions: every combination is checked
declare const eitherCount: Tensor<[4, 3]> | Tensor<[1, 3]>;
const pairs = einsum("ij,kj->ik", eitherRows, eitherCount);
export type Pairs = Assert<
  Exact<typeof pairs, Tensor<[2, 4], "float64"> | Tensor<[2, 1], "float64"> | Tensor<[4, 4], "float64"> | Tensor<[4, 1], "float64">>
>;

// one member refused: the call is refused with that member's message
// @ts-expect-error label 'j' has size 3 in operand 0 but 5 in operand 1
einsum("ij,jk->ik", matrix, eitherHeight);
export type Refused = Assert<Exact<ValidateEquation<"ij,jk->ik", [[2, 3], [3, 4]] | [[2, 3], [5, 4]]>, WriteSizeMismatch<"j", 0, 3, 1, 5>>>;
// @ts-expect-error label 'j' has size 3 in operand 0 but 5 in operand 1
einsum("ij,jk->ik", [matrix, eitherHeight]);

// the completions of an accepted union are those of its members
export type Typing = Assert<
  Exact<ValidateEquation<"ij,jk->", [[2, 3], [3, 4]] | [[2, 3], [3, 5]]>, "ij,jk->" | "ij,jk->i" | "ij,jk->j" | "ij,jk->k" | "ij,jk->ik">
>;

// ---- boundary types ---------------------------------------------------------------------------------------------
// A union of identical shapes is one shape.
declare const same: Tensor<[2, 3]> | Tensor<[2, 3], "float64">;
export type Same = Assert<Exact<typeof same, Tensor<[2, 3], "float64">>>;
// A union with a shape of unknown rank gives `number[]` for that member.
declare const partlyKnown: Tensor<[2, 3]> | Tensor<number[]>;
const loose = einsum("ij->ji", partlyKnown);
export type Loose = Assert<Exact<typeof loose, Tensor<[3, 2], "float64"> | Tensor<number[], "float64">>>;
expectType<Tensor<[3, 2], "float64"> | Tensor<number[], "float64">>(einsum("ij->ji", zeros([2, 3]) as Tensor<[2, 3]> | Tensor<number[]>));
