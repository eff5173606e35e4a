import type { DataArray } from "../tensor/dtype.js";

/**
 * A contiguous row-major array whose axes are named by small-integer labels; its shape is
 * `labels.map((label) => sizes[label])`.
 *
 * @example
 * const matrix: LabelledData = { data: new Float64Array(6), labels: [0, 1] }; // with sizes [2, 3]
 */
export interface LabelledData<Data extends DataArray = DataArray> {
  readonly data: Data;
  readonly labels: readonly number[];
}

/**
 * Zeroed storage of `length` elements of the same dtype as `like`.
 *
 * @example
 * allocateLike(Float32Array.of(1), 3); //=> Float32Array [0, 0, 0]
 */
export function allocateLike<Data extends DataArray>(like: Data, length: number): Data {
  if (like instanceof Float64Array) return new Float64Array(length) as Data;
  if (like instanceof Float32Array) return new Float32Array(length) as Data;
  return new Int32Array(length) as Data;
}

/**
 * The number of elements of an array with these labels.
 *
 * @example
 * labelledSize([0, 2], [2, 3, 4]); //=> 8
 */
export function labelledSize(labels: readonly number[], sizes: readonly number[]): number {
  let size = 1;
  for (const label of labels) size *= sizes[label] ?? 1;
  return size;
}
