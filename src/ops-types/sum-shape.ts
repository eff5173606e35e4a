import type { Failure } from "../types/failure.js";
import type { NormalizeDim } from "./dims.js";
import type { ReplaceAt } from "./shape-edits.js";

/**
 * The type-level twin of `sumShape`: the shape left after summing over `Dims` (one dimension, a list, or every
 * dimension when `undefined`), those dimensions dropped or, with `KeepDim` true, kept as size 1. A dimension out of
 * range gives the `Failure` with the run time's message.
 *
 * @example
 * type S = SumShape<[2, 3, 4], 1, false>; //=> [2, 4]
 * type K = SumShape<[2, 3, 4], [0, -1], true>; //=> [1, 3, 1]
 * type All = SumShape<[2, 3], undefined, false>; //=> []
 */
export type SumShape<Shape extends readonly number[], Dims extends number | readonly number[] | undefined, KeepDim extends boolean> =
  number[] extends Shape
    ? number[]
    : boolean extends KeepDim
      ? number[]
      : SummedIndices<Shape, Dims extends undefined ? AllDims<Shape> : Dims extends number ? [Dims] : Dims> extends infer Indices
        ? [Indices] extends [Failure]
          ? Indices
          : number extends Indices
            ? number[]
            : ReplaceAt<Shape, Indices & number, KeepDim extends true ? 1 : never>
        : never;

type AllDims<Shape extends readonly number[], Dims extends number[] = []> = Dims["length"] extends Shape["length"]
  ? Dims
  : AllDims<Shape, [...Dims, Dims["length"]]>;

type SummedIndices<Shape extends readonly number[], Dims, Indices extends number = never> = number[] extends Dims
  ? number
  : Dims extends readonly [infer Dim extends number, ...infer Rest]
    ? NormalizeDim<Dim, Shape["length"], Shape["length"]> extends infer Index
      ? Index extends number
        ? SummedIndices<Shape, Rest, Indices | Index>
        : Index
      : never
    : Indices;
