import { sizeOf } from "./shape.js";

/**
 * Calls `visit(flat, offset)` for every element of `shape` in row-major order: `flat` its place in a contiguous
 * array of that shape, `offset` its place under `strides` (an odometer over the dimensions, one addition per
 * element).
 *
 * @example
 * const offsets: number[] = [];
 * forEachOffset([2, 3], [1, 2], (_flat, offset) => offsets.push(offset)); // offsets: [0, 2, 4, 1, 3, 5]
 */
export function forEachOffset(shape: readonly number[], strides: readonly number[], visit: (flat: number, offset: number) => void): void {
  const total = sizeOf(shape);
  if (total === 0) return;
  const rank = shape.length;
  if (rank === 0) {
    visit(0, 0);
    return;
  }
  const inner = shape[rank - 1]!;
  const innerStride = strides[rank - 1]!;
  const index = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let flat = 0; flat < total; flat += inner) {
    for (let step = 0; step < inner; step++) visit(flat + step, offset + step * innerStride);
    for (let axis = rank - 2; axis >= 0; axis--) {
      offset += strides[axis]!;
      if (++index[axis]! < shape[axis]!) break;
      offset -= strides[axis]! * shape[axis]!;
      index[axis] = 0;
    }
  }
}
