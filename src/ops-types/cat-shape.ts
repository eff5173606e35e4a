import type { WriteCatEmpty, WriteCatShape } from "../messages.js";
import type { IsSymbolicDimension, IsUnknownDimension } from "../types/dimensions.js";
import type { Failure } from "../types/failure.js";
import type { Successors } from "../types/length.js";
import type { Zeros } from "./dims.js";
import type { NormalizeDim } from "./dims.js";
import type { ReplaceAt, SetAt } from "./shape-edits.js";

/**
 * The type-level twin of `catShape`: the shape of tensors joined along `Dim`. They must agree everywhere else; the
 * joined size is the exact sum when every size is a literal, `number` otherwise (a symbolic size among them, say).
 *
 * @example
 * type S = CatShape<[[4, 1], [4, 6]], 1>; //=> [4, 7]
 * type Refused = CatShape<[[4, 1], [3, 2]], 1>;
 * //=> Failure<"cat: tensor 1 has shape [3, 2], which does not match tensor 0's [4, 1] outside dimension 1">
 */
export type CatShape<Shapes extends readonly (readonly number[])[], Dim extends number> = number[][] extends Shapes
  ? number[]
  : Shapes extends readonly [infer First extends readonly number[], ...infer Rest extends readonly (readonly number[])[]]
    ? number[] extends First
      ? number[]
      : NormalizeDim<Dim, First["length"], First["length"]> extends infer Index
        ? Index extends number
          ? number extends Index
            ? number[]
            : CatFrom<First, Rest, Index, Dim, JoinSize<`${Index}`, [], First[Index]>, 1>
          : Index
        : never
    : Failure<WriteCatEmpty>;

type CatFrom<
  First extends readonly number[],
  Rest extends readonly (readonly number[])[],
  Index extends number,
  Dim extends number,
  Joined,
  Position extends number,
> = Rest extends readonly [infer Next extends readonly number[], ...infer More extends readonly (readonly number[])[]]
  ? ReplaceAt<Next, Index, 0> extends ReplaceAt<First, Index, 0>
    ? CatFrom<First, More, Index, Dim, JoinSize<`${Index}`, Joined, Next[Index]>, Successors[Position]>
    : Failure<WriteCatShape<Position, Next, First, Dim>>
  : SetAt<First, Index, Joined extends 0[] ? Joined["length"] : number>;

/**
 * The joined size so far with one more size added: a tuple of that many zeros while every size is a literal, and
 * `number` from the first size that is not (typed `number`, or symbolic). The predicates decide through
 * assignability (see `types/dimensions.ts`), so that a symbolic size gives `number` in generic code instead of a
 * deferred type; `Key` (the joined dimension) keeps them unevaluated until the shapes are known.
 */
type JoinSize<Key extends string, Joined, Size extends number> = Joined extends 0[]
  ? IsUnknownDimension<Key, Size> extends true
    ? number
    : IsSymbolicDimension<Key, Size> extends true
      ? number
      : [...Joined, ...Zeros<Size>]
  : number;

