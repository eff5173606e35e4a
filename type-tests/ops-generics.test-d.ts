import { expectType } from "tsd";
import { add, cat, div, mul, sub, zeros, type BroadcastShapes, type CatShape, type Tensor } from "typed-einsum";
import type { Failure } from "../src/types/failure.js";

// The element-wise ops in generic code, generic in their sizes. Each result is checked exactly: `Exact` (TypeScript 6
// and 7, where this file is compiled by tsc) and `expectType` (tsd, TypeScript 5.9) both compare identities.
type Equal<Left, Right> = (<Probe>() => Probe extends Left ? 1 : 2) extends <Probe>() => Probe extends Right ? 1 : 2 ? true : false;
type Exact<Left, Right extends Left> = Equal<Left, Right>;
type Assert<Condition extends true> = Condition;

// A literal 1 broadcasts to a symbolic size on either side, in every binary op.
function biasFirst<B extends number>(x: Tensor<[B, 3]>, row: Tensor<[1, 3]>, column: Tensor<[B, 1]>) {
  const added = add(row, x);
  const subtracted = sub(row, x);
  const multiplied = mul(row, x);
  const divided = div(row, x);
  expectType<Tensor<[B, 3], "float64">>(added);
  expectType<Tensor<[B, 3], "float64">>(subtracted);
  expectType<Tensor<[B, 3], "float64">>(multiplied);
  expectType<Tensor<[B, 3], "float64">>(divided);
  type Checked = Assert<
    Exact<[typeof added, typeof subtracted, typeof multiplied, typeof divided], [Tensor<[B, 3], "float64">, Tensor<[B, 3], "float64">, Tensor<[B, 3], "float64">, Tensor<[B, 3], "float64">]>
  >;
  // ... and on the right, as before.
  const right = sub(x, row);
  type RightChecked = Assert<Exact<typeof right, Tensor<[B, 3], "float64">>>;
  // A 1 on each side in different dimensions: an outer broadcast.
  const outer = mul(column, row);
  expectType<Tensor<[B, 3], "float64">>(outer);
  type OuterChecked = Assert<Exact<typeof outer, Tensor<[B, 3], "float64">>>;
  const outerSwapped = add(row, column);
  type OuterSwappedChecked = Assert<Exact<typeof outerSwapped, Tensor<[B, 3], "float64">>>;
  // Leading dimensions, a scalar and the same symbol on both sides.
  const lifted = add(zeros([1, 1, 3]), x);
  type LiftedChecked = Assert<Exact<typeof lifted, Tensor<[1, B, 3], "float64">>>;
  const scaled = div(2, add(x, x));
  type ScaledChecked = Assert<Exact<typeof scaled, Tensor<[B, 3], "float64">>>;
  return added;
}
const firstAtCallSite = biasFirst(zeros([4, 3]), zeros([1, 3]), zeros([4, 1]));
expectType<Tensor<[4, 3], "float64">>(firstAtCallSite);
export type FirstAtCallSite = Assert<Exact<typeof firstAtCallSite, Tensor<[4, 3], "float64">>>;

// Two symbols, or a symbol and a size other than 1, are not the same size for every size: refused.
function mismatched<B extends number, C extends number>(x: Tensor<[B, 3]>, y: Tensor<[C, 3]>, z: Tensor<[2, 3]>) {
  // @ts-expect-error shapes [B, 3] and [C, 3] do not broadcast: dimension -2 is B in the first and C in the second
  add(x, y);
  // @ts-expect-error shapes [2, 3] and [B, 3] do not broadcast: dimension -2 is 2 in the first and B in the second
  mul(z, x);
  type Refused = Assert<BroadcastShapes<[B, 3], [C, 3]> extends Failure<string> ? true : false>;
  return [x, y, z];
}
mismatched(zeros([2, 3]), zeros([2, 3]), zeros([2, 3]));

// cat along a symbolic size gives `number` there; the other sizes stay, symbolic or not.
function joinColumns<N extends number, K extends number>(p: Tensor<[N, 1]>, r: Tensor<[N, K]>, q: Tensor<[N, 2]>) {
  const joined = cat([p, r], 1);
  const swapped = cat([r, p], -1);
  const literal = cat([p, q, p], 1);
  const rows = cat([r, r], 0);
  expectType<Tensor<[N, number], "float64">>(joined);
  expectType<Tensor<[N, 4], "float64">>(literal);
  type Checked = Assert<
    Exact<[typeof joined, typeof swapped, typeof literal, typeof rows], [Tensor<[N, number], "float64">, Tensor<[N, number], "float64">, Tensor<[N, 4], "float64">, Tensor<[number, K], "float64">]>
  >;
  type Shape = Assert<Exact<CatShape<[[N, 1], [N, K]], 1>, [N, number]>>;
  return joined;
}
const joinedAtCallSite = joinColumns(zeros([4, 1]), zeros([4, 6]), zeros([4, 2]));
expectType<Tensor<[4, number], "float64">>(joinedAtCallSite);
// Where both sizes are literals the sum is exact.
expectType<Tensor<[4, 7], "float64">>(cat([zeros([4, 1]), zeros([4, 6])], 1));
