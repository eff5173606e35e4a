import { record } from "../autograd/graph.js";
import { castData } from "../execute/cast.js";
import type { DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import type { FloatDType } from "../ops-types/dtypes.js";
import type { Checked, ShapeOrLoose } from "../ops-types/shape-edits.js";
import type { SumShape } from "../ops-types/sum-shape.js";
import { normalizeDim } from "./normalize-dim.js";
import { mul } from "./binary.js";
import { floatDType, looseTensor, tensorInput } from "./operand.js";
import { broadcastTo, sumToShape } from "./strided.js";

/**
 * The shape left after summing over `dims` (every dimension when `undefined`): those dimensions dropped, or kept
 * as size 1 with `keepdim`. Throws `DIM_OUT_OF_RANGE` for a dimension out of range.
 *
 * @example
 * sumShape([2, 3, 4], [1], false); //=> [2, 4]
 * sumShape([2, 3, 4], [0, -1], true); //=> [1, 3, 1]
 */
export function sumShape(shape: readonly number[], dims: number | readonly number[] | undefined, keepdim: boolean): number[] {
  const listed: readonly unknown[] = dims === undefined ? shape.map((_, index) => index) : Array.isArray(dims) ? dims : [dims];
  const summed = new Set(listed.map((dim) => normalizeDim(dim, shape.length, shape.length)));
  return keepdim ? shape.map((size, index) => (summed.has(index) ? 1 : size)) : shape.filter((_, index) => !summed.has(index));
}

/** The sum over `dims`, with the summed dimensions kept as size 1 in `kept`, and the result's shape. */
function reduceSum(x: Tensor<readonly number[], DTypeName>, dims: number | readonly number[] | undefined, keepdim: boolean) {
  const kept = sumShape(x.shape, dims, true);
  const shape = keepdim ? kept : sumShape(x.shape, dims, false);
  const data = sumToShape(x.data, x.shape, kept);
  return { kept, shape, data: data === x.data ? data.slice() : data };
}

/**
 * The sum over `dims` (one dimension or a list, every dimension when left out), dropping them or, with `keepdim`,
 * keeping them as size 1. Its shape is computed at compile time.
 *
 * @example
 * sum(ones([2, 3, 4]), 1); //=> Tensor<[2, 4], "float64">
 * sum(tensor([[1, 2], [3, 4]]), 0).toArray(); //=> [4, 6]
 * sum(tensor([[1, 2], [3, 4]])).item(); //=> 10
 */
export function sum<
  Shape extends readonly number[],
  DType extends DTypeName,
  const Dims extends number | readonly number[] | undefined = undefined,
  KeepDim extends boolean = false,
>(
  x: Tensor<Shape, DType>,
  dims?: Checked<SumShape<Shape, Dims, KeepDim>, Dims>,
  keepdim?: KeepDim,
): Tensor<ShapeOrLoose<SumShape<Shape, Dims, KeepDim>>, DType> {
  const input = tensorInput(x, 0);
  const { kept, shape, data } = reduceSum(input, dims as number | readonly number[] | undefined, keepdim === true);
  const result = looseTensor(shape, input.dtype, data);
  return record(result, [input], (gradient) => [broadcastTo(gradient, kept, input.shape, input.dtype)]) as Tensor<
    ShapeOrLoose<SumShape<Shape, Dims, KeepDim>>,
    DType
  >;
}

/**
 * The mean over `dims` (every dimension when left out), as {@link sum} but divided by the number of elements
 * summed; int32 gives float32. Its gradient comes through the sum and the division.
 *
 * @example
 * mean(tensor([[1, 2], [3, 4]]), 1).toArray(); //=> [1.5, 3.5]
 */
export function mean<
  Shape extends readonly number[],
  DType extends DTypeName,
  const Dims extends number | readonly number[] | undefined = undefined,
  KeepDim extends boolean = false,
>(
  x: Tensor<Shape, DType>,
  dims?: Checked<SumShape<Shape, Dims, KeepDim>, Dims>,
  keepdim?: KeepDim,
): Tensor<ShapeOrLoose<SumShape<Shape, Dims, KeepDim>>, FloatDType<DType>> {
  const input = tensorInput(x, 0);
  const dtype = floatDType(input.dtype);
  const floated = dtype === input.dtype ? input : looseTensor(input.shape, dtype, castData(input.data, dtype));
  const total = sum(floated, dims as never, keepdim === true);
  const count = total.size === 0 ? 0 : input.size / total.size;
  return mul(total, 1 / count) as never;
}
