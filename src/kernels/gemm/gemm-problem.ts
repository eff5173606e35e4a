import type { DataArray } from "../../tensor/dtype.js";

/**
 * A batch of strided matrices addressed through offset tables: element `(b, i, j)` is
 * `data[batch[b] + rows[i] + cols[j]]`. A matrix whose row or column index spans several axes with any strides
 * (a transposed or permuted view) is described without copying it.
 *
 * @example
 * // the 2×3 row-major matrix [[1, 2, 3], [4, 5, 6]], seen as its 3×2 transpose
 * const view: MatrixBatch<Float64Array> = {
 *   data: Float64Array.of(1, 2, 3, 4, 5, 6),
 *   batch: Int32Array.of(0),
 *   rows: Int32Array.of(0, 1, 2),
 *   cols: Int32Array.of(0, 3),
 * };
 */
export interface MatrixBatch<Data extends DataArray = DataArray> {
  readonly data: Data;
  /** The offset of each matrix of the batch. */
  readonly batch: Int32Array;
  /** The offset of each row within a matrix. */
  readonly rows: Int32Array;
  /** The offset of each column within a matrix. */
  readonly cols: Int32Array;
}

/**
 * The shape of a batched product `C[b] = A[b]·B[b]`: `batch` matrices, `A` is m×k, `B` is k×n, `C` is m×n.
 *
 * @example
 * const sizes: GemmSizes = { batch: 1, m: 2, n: 4, k: 3 };
 */
export interface GemmSizes {
  readonly batch: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
}

/**
 * The sizes of the product of `a` (batch × m × k) by `b` (batch × k × n).
 *
 * @example
 * gemmSizes(view, otherView); //=> { batch: 1, m: 3, n: 4, k: 2 }
 */
export function gemmSizes(a: MatrixBatch, b: MatrixBatch): GemmSizes {
  return { batch: a.batch.length, m: a.rows.length, n: b.cols.length, k: a.cols.length };
}
