import { record } from "../autograd/graph.js";
import { allocate, type DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import type { NormalizeDim } from "../ops-types/dims.js";
import type { FloatDType } from "../ops-types/dtypes.js";
import type { Checked } from "../ops-types/shape-edits.js";
import { normalizeDim } from "./normalize-dim.js";
import { floatDType, looseTensor, tensorInput } from "./operand.js";

/**
 * The softmax along `dim`: `exp(x) / Σ exp(x)` over that dimension, computed stably (the largest value is
 * subtracted first). Its gradient is `y · (g − Σ g·y)` along `dim`. A dim out of range is a type error with the run
 * time's message.
 *
 * @example
 * softmax(zeros([3, 5]), 1); //=> Tensor<[3, 5], "float64">
 * softmax(tensor([[0, 0]]), -1).toArray(); //=> [[0.5, 0.5]]
 * // @ts-expect-error dimension 2 is out of range for rank 2: expected one from -2 to 1
 * softmax(zeros([3, 5]), 2);
 */
export function softmax<Shape extends readonly number[], DType extends DTypeName, const Dim extends number>(
  x: Tensor<Shape, DType>,
  dim: Checked<NormalizeDim<Dim, Shape["length"], Shape["length"]>, Dim>,
): Tensor<Shape, FloatDType<DType>> {
  const input = tensorInput(x, 0);
  const shape = input.shape;
  const axis = normalizeDim(dim, shape.length, Math.max(shape.length, 1));
  const width = shape[axis] ?? 1;
  const inner = shape.slice(axis + 1).reduce((product, size) => product * size, 1);
  const outer = width * inner === 0 ? 0 : input.size / (width * inner);
  const dtype = floatDType(input.dtype);
  const out = allocate(dtype, input.size);
  const data = input.data;
  alongAxis(outer, width, inner, (start) => {
    let largest = -Infinity;
    for (let step = 0; step < width; step++) largest = Math.max(largest, data[start + step * inner]!);
    let total = 0;
    for (let step = 0; step < width; step++) {
      const value = Math.exp(data[start + step * inner]! - largest);
      out[start + step * inner] = value;
      total += value;
    }
    for (let step = 0; step < width; step++) out[start + step * inner] = out[start + step * inner]! / total;
  });
  const result = looseTensor(shape, dtype, out) as Tensor<Shape, FloatDType<DType>>;
  return record(result, [input], (gradient) => {
    const back = allocate(dtype, input.size);
    alongAxis(outer, width, inner, (start) => {
      let weighted = 0;
      for (let step = 0; step < width; step++) weighted += gradient[start + step * inner]! * out[start + step * inner]!;
      for (let step = 0; step < width; step++) {
        const at = start + step * inner;
        back[at] = out[at]! * (gradient[at]! - weighted);
      }
    });
    return [back];
  });
}

/** Calls `visit(start)` for the first element of every line along the axis (`width` elements `inner` apart). */
function alongAxis(outer: number, width: number, inner: number, visit: (start: number) => void): void {
  for (let block = 0; block < outer; block++) {
    for (let offset = 0; offset < inner; offset++) visit(block * width * inner + offset);
  }
}
