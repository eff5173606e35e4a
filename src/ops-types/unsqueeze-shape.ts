import type { Successors } from "../types/length.js";
import type { NormalizeDim } from "./dims.js";
import type { InsertAt } from "./shape-edits.js";

/**
 * The type-level twin of `unsqueezeShape`: the shape with a size-1 dimension inserted at `Dim` (negative counts
 * from the end of the result, as in PyTorch), or the `Failure` with the run time's message.
 *
 * @example
 * type S = UnsqueezeShape<[2, 3], 1>; //=> [2, 1, 3]
 * type Last = UnsqueezeShape<[2, 3], -1>; //=> [2, 3, 1]
 */
export type UnsqueezeShape<Shape extends readonly number[], Dim extends number> = number[] extends Shape
  ? number[]
  : NormalizeDim<Dim, Shape["length"], Successors[Shape["length"]]> extends infer Index
    ? Index extends number
      ? number extends Index
        ? number[]
        : InsertAt<Shape, Index, 1>
      : Index
    : never;
