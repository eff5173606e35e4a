import { expectType } from "tsd";
import { einsum, randn, tensor, zeros, type DTypeName, type Tensor } from "typed-einsum";
import type { WriteSizeMismatch } from "../src/messages.js";

// einsum in generic code: functions and classes generic in their sizes (type parameters as dimensions) and in their
// dtype. Each result is checked exactly: `Exact` (TypeScript 6 and 7, where this file is compiled by tsc) and
// `expectType` (tsd, TypeScript 5.9) both compare identities, not assignability.
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Exact<Left, Right extends Left> = Equal<Left, Right>;
type Assert<Condition extends true> = Condition;

const W = randn([5, 3, 3], { seed: 1 });

// The article's TreeQN transition, generic in the batch.
function transition<B extends number>(zl: Tensor<[B, 3]>) {
  const next = einsum("bk,aki->bai", zl, W);
  expectType<Tensor<[B, 5, 3], "float64">>(next);
  type Checked = Assert<Exact<typeof next, Tensor<[B, 5, 3], "float64">>>;
  return next;
}
const transitioned = transition(zeros([2, 3]));
expectType<Tensor<[2, 5, 3], "float64">>(transitioned);
export type TransitionAtCallSite = Assert<Exact<typeof transitioned, Tensor<[2, 5, 3], "float64">>>;

// A generic matmul.
function matmul<M extends number, K extends number, N extends number>(a: Tensor<[M, K]>, b: Tensor<[K, N]>) {
  const product = einsum("ik,kj->ij", a, b);
  type Checked = Assert<Exact<typeof product, Tensor<[M, N], "float64">>>;
  return product;
}
const multiplied = matmul(zeros([2, 3]), zeros([3, 4]));
expectType<Tensor<[2, 4], "float64">>(multiplied);
export type MatmulAtCallSite = Assert<Exact<typeof multiplied, Tensor<[2, 4], "float64">>>;

// Attention scores, generic in four sizes.
function scores<B extends number, H extends number, T extends number, D extends number>(
  query: Tensor<[B, H, T, D]>,
  key: Tensor<[B, H, T, D]>,
) {
  const logits = einsum("bhqd,bhkd->bhqk", query, key);
  type Checked = Assert<Exact<typeof logits, Tensor<[B, H, T, T], "float64">>>;
  return logits;
}
const attention = scores(zeros([2, 4, 7, 16]), zeros([2, 4, 7, 16]));
expectType<Tensor<[2, 4, 7, 7], "float64">>(attention);
export type ScoresAtCallSite = Assert<Exact<typeof attention, Tensor<[2, 4, 7, 7], "float64">>>;

// A generic Linear layer: its written return type is accepted, and a call gives the concrete shape.
class Linear<I extends number, O extends number> {
  constructor(readonly weight: Tensor<[O, I]>) {}
  forward<B extends number>(x: Tensor<[B, I]>): Tensor<[B, O]> {
    return einsum("bi,oi->bo", x, this.weight);
  }
}
const layer = new Linear(randn([8, 3], { seed: 2 }));
const forwarded = layer.forward(zeros([5, 3]));
expectType<Tensor<[5, 8], "float64">>(forwarded);
export type LinearAtCallSite = Assert<Exact<typeof forwarded, Tensor<[5, 8], "float64">>>;
// @ts-expect-error Argument of type 'Tensor<[5, 4], "float64">' is not assignable to parameter of type 'Tensor<[5, 3], "float64">'.
layer.forward(zeros([5, 4]));

// A generic dtype is kept, with the promotion applied where it is decidable for every dtype.
function gram<D extends DTypeName, N extends number>(x: Tensor<[N, 3], D>) {
  const same = einsum("ik,jk->ij", x, x);
  type Same = Assert<Exact<typeof same, Tensor<[N, N], D>>>;
  const withInt = einsum("ik,k->i", x, tensor(new Int32Array(3), [3]));
  type WithInt = Assert<Exact<typeof withInt, Tensor<[N], D>>>;
  const withDouble = einsum("ik,k->i", x, zeros([3]));
  type WithDouble = Assert<Exact<typeof withDouble, Tensor<[N], "float64">>>;
  // with float32, the result is float64 when D is, else float32: either of the two
  const withSingle = einsum("ik,k->i", x, zeros([3], "float32"));
  type WithSingle = Assert<Exact<typeof withSingle, Tensor<[N], D | "float32">>>;
  return same;
}
const grammed = gram(zeros([4, 3], "float32"));
expectType<Tensor<[4, 4], "float32">>(grammed);
export type GramAtCallSite = Assert<Exact<typeof grammed, Tensor<[4, 4], "float32">>>;

// A diagonal and a trace of a square matrix of any size, and an implicit output.
function square<N extends number>(matrix: Tensor<[N, N]>) {
  const trace = einsum("ii->", matrix);
  type Trace = Assert<Exact<typeof trace, Tensor<[], "float64">>>;
  const diagonal = einsum("ii->i", matrix);
  type Diagonal = Assert<Exact<typeof diagonal, Tensor<[N], "float64">>>;
  const transposed = einsum("ji", matrix);
  type Transposed = Assert<Exact<typeof transposed, Tensor<[N, N], "float64">>>;
  return diagonal;
}
const diagonal = square(zeros([6, 6]));
export type SquareAtCallSite = Assert<Exact<typeof diagonal, Tensor<[6], "float64">>>;

// Implicit output with symbols: the labels that appear once, in ASCII order.
function outer<M extends number, N extends number>(left: Tensor<[M]>, right: Tensor<[N]>) {
  const product = einsum("i,j", left, right);
  type Product = Assert<Exact<typeof product, Tensor<[M, N], "float64">>>;
  const swapped = einsum("j,i", left, right);
  type Swapped = Assert<Exact<typeof swapped, Tensor<[N, M], "float64">>>;
  return product;
}
export type OuterAtCallSite = Assert<Exact<ReturnType<typeof outer<2, 3>>, Tensor<[2, 3], "float64">>>;

// A dot product of two vectors of one symbolic length, and the operand-list form.
function dot<N extends number>(left: Tensor<[N]>, right: Tensor<[N]>) {
  const total = einsum("i,i->", [left, right]);
  type Total = Assert<Exact<typeof total, Tensor<[], "float64">>>;
  return total;
}
export type DotAtCallSite = Assert<Exact<ReturnType<typeof dot<5>>, Tensor<[], "float64">>>;

// ---- refusals in generic code ------------------------------------------------------------------------------------
function refused<B extends number, K extends number, J extends number>(x: Tensor<[B, K]>, y: Tensor<[J, 3]>) {
  // two different symbols on one label: not provably equal
  // @ts-expect-error label 'k' has size <type parameter> in operand 0 but <type parameter> in operand 1
  einsum("bk,kj->bj", x, y);
  // the rank still counts
  // @ts-expect-error operand 0 has rank 2 but its term 'bkj' names 3 dimensions
  einsum("bkj->b", x);
  return x;
}
refused(zeros([2, 3]), zeros([3, 3]));

// The message of a mismatch between a symbol and a literal size.
function mismatch<K extends number>(x: Tensor<[2, K]>) {
  // @ts-expect-error label 'k' has size <type parameter> in operand 0 but 3 in operand 1
  return einsum("ik,kj->ij", x, zeros([3, 4]));
}
export type MismatchMessage = WriteSizeMismatch<"k", 0, "<type parameter>", 1, 3>;
mismatch(zeros([2, 3]));

// ---- boundary types ------------------------------------------------------------------------------------------------
// An equation typed `string` stays unchecked and loosely typed; a plain `number` size stays `number`.
function looseEquation(equation: string, x: Tensor<[2, 3]>) {
  const result = einsum(equation, x);
  return result;
}
expectType<Tensor<number[], "float64">>(looseEquation("ij->ji", zeros([2, 3])));
function withNumber<B extends number>(x: Tensor<[B, number]>) {
  const result = einsum("bk,aki->bai", x, W);
  type Result = Assert<Exact<typeof result, Tensor<[B, 5, 3], "float64">>>;
  return result;
}
withNumber(zeros([2, 3]));
