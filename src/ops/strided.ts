/**
 * The loops the element-wise ops share: reading an array as if broadcast to a larger shape, and summing an array
 * back onto a shape it was broadcast from (the gradient of a broadcast).
 */
import { allocate, dtypeOfData, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { forEachOffset } from "../tensor/for-each-offset.js";
import { sizeOf, stridesOf } from "../tensor/shape.js";

/**
 * The strides (in elements) that read a row-major array of `shape` at the indices of the larger `target` shape it
 * broadcasts to, right-aligned: 0 along a stretched size-1 dimension or a missing leading one.
 *
 * @example
 * broadcastStrides([3], [2, 3]); //=> [0, 1]
 */
export function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const own = stridesOf(shape);
  const offset = target.length - shape.length;
  return target.map((size, axis) => {
    const at = axis - offset;
    return at < 0 || (shape[at] === 1 && size !== 1) ? 0 : (own[at] ?? 0);
  });
}

/**
 * The data of `shape` copied out as the larger `target` shape it broadcasts to, in `dtype`; the same array when
 * nothing stretches and the dtype is its own.
 *
 * @example
 * broadcastTo(Float64Array.of(1, 2), [2], [2, 2], "float64"); //=> Float64Array [1, 2, 1, 2]
 */
export function broadcastTo(data: DataArray, shape: readonly number[], target: readonly number[], dtype: DTypeName): DataArray {
  const total = sizeOf(target);
  if (total === data.length && dtypeOfData(data) === dtype) return data;
  const out = allocate(dtype, total);
  if (total === data.length) {
    out.set(data);
    return out;
  }
  forEachOffset(target, broadcastStrides(shape, target), (flat, offset) => {
    out[flat] = data[offset]!;
  });
  return out;
}

/**
 * Sums `data` of the larger shape `from` back onto `shape`, which broadcasts to it: the gradient of
 * {@link broadcastTo}. The same array when nothing was stretched.
 *
 * @example
 * sumToShape(Float64Array.of(1, 2, 3, 4), [2, 2], [2]); //=> Float64Array [4, 6]
 */
export function sumToShape(data: DataArray, from: readonly number[], shape: readonly number[]): DataArray {
  const total = sizeOf(shape);
  if (total === data.length) return data;
  const out = allocate(dtypeOfData(data) ?? "float64", total);
  forEachOffset(from, broadcastStrides(shape, from), (flat, offset) => {
    out[offset] = out[offset]! + data[flat]!;
  });
  return out;
}
