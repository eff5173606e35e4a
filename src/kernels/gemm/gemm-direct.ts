/**
 * Batched GEMM as three plain loops over the strided views, with no packing: the kernel for products so small
 * that packing would cost more than it saves.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C is overwritten; int32 wraps like PyTorch's).
 */
import type { DataArray } from "../../tensor/dtype.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";

/**
 * Computes `c[b] = a[b]·b[b]` directly.
 *
 * @example
 * gemmDirect(a, b, c); // c.data now holds the products
 */
export function gemmDirect(a: MatrixBatch, b: MatrixBatch, c: MatrixBatch): void {
  const { batch, m, n, k } = gemmSizes(a, b);
  const wraps = c.data instanceof Int32Array;
  const aData: DataArray = a.data;
  const bData: DataArray = b.data;
  for (let matrix = 0; matrix < batch; matrix++) {
    const aBase = a.batch[matrix]!;
    const bBase = b.batch[matrix]!;
    const cBase = c.batch[matrix]!;
    for (let i = 0; i < m; i++) {
      const aRow = aBase + a.rows[i]!;
      const cRow = cBase + c.rows[i]!;
      for (let j = 0; j < n; j++) {
        const bCol = bBase + b.cols[j]!;
        let sum = 0;
        if (wraps) {
          for (let p = 0; p < k; p++) sum = (sum + Math.imul(aData[aRow + a.cols[p]!]!, bData[bCol + b.rows[p]!]!)) | 0;
        } else {
          for (let p = 0; p < k; p++) sum += aData[aRow + a.cols[p]!]! * bData[bCol + b.rows[p]!]!;
        }
        c.data[cRow + c.cols[j]!] = sum;
      }
    }
  }
}
