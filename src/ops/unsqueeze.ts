import { record } from "../autograd/graph.js";
import type { DTypeName } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";
import type { Checked, ShapeOrLoose } from "../ops-types/shape-edits.js";
import type { UnsqueezeShape } from "../ops-types/unsqueeze-shape.js";
import { normalizeDim } from "./normalize-dim.js";
import { looseTensor, tensorInput } from "./operand.js";

/**
 * The shape with a size-1 dimension inserted at `dim` (negative counts from the end of the result). Throws
 * `DIM_OUT_OF_RANGE` outside `-(rank + 1)` to `rank`.
 *
 * @example
 * unsqueezeShape([2, 3], 1); //=> [2, 1, 3]
 * unsqueezeShape([2, 3], -1); //=> [2, 3, 1]
 */
export function unsqueezeShape(shape: readonly number[], dim: number): number[] {
  const index = normalizeDim(dim, shape.length, shape.length + 1);
  return [...shape.slice(0, index), 1, ...shape.slice(index)];
}

/**
 * Inserts a dimension of size 1 at `dim`, as PyTorch's `unsqueeze` (negative dims count from the end of the
 * result). The data are shared. The result's shape is computed at compile time; a dim out of range is a type error
 * with the run time's message.
 *
 * @example
 * unsqueeze(zeros([2, 3]), 1); //=> Tensor<[2, 1, 3], "float64">
 * unsqueeze(zeros([2, 3]), -1).shape; //=> [2, 3, 1]
 * // @ts-expect-error dimension 3 is out of range for rank 2: expected one from -3 to 2
 * unsqueeze(zeros([2, 3]), 3);
 */
export function unsqueeze<Shape extends readonly number[], DType extends DTypeName, const Dim extends number>(
  x: Tensor<Shape, DType>,
  dim: Checked<UnsqueezeShape<Shape, Dim>, Dim>,
): Tensor<ShapeOrLoose<UnsqueezeShape<Shape, Dim>>, DType> {
  const input = tensorInput(x, 0);
  const shape = unsqueezeShape(input.shape, dim as number);
  return record(looseTensor(shape, input.dtype, input.data), [input], (gradient) => [gradient]) as Tensor<
    ShapeOrLoose<UnsqueezeShape<Shape, Dim>>,
    DType
  >;
}
