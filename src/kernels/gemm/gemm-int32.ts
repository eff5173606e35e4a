/**
 * Batched int32 GEMM in TypeScript, exact and wrapping like PyTorch's int32 (every product through `Math.imul`,
 * every sum through `| 0`).
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C is overwritten).
 * Blocking: `multiplyInPanels` (`gemm-panels.ts`) packs A and B into int32 panels of 4 rows and 4 columns and
 * runs depth blocks of 256 over every 4×4 tile; this file's `addTile` keeps the tile's sixteen sums in locals.
 */
import { multiplyInPanels, panelTile as tile } from "./gemm-panels.js";
import type { MatrixBatch } from "./gemm-problem.js";

let scratch = new Int32Array(0);

/**
 * Computes `c[b] = a[b]·b[b]` in wrapping int32 arithmetic.
 *
 * @example
 * gemmInt32(a, b, c); // c.data now holds the products, modulo 2^32
 */
export function gemmInt32(a: MatrixBatch<Int32Array>, b: MatrixBatch<Int32Array>, c: MatrixBatch<Int32Array>): void {
  multiplyInPanels(a, b, c, scratchOf, addTile);
}

function scratchOf(elements: number): Int32Array {
  if (scratch.length < elements) scratch = new Int32Array(elements);
  return scratch;
}

/** `work[c…] += Apanel·Bpanel` (mod 2^32) for one 4×4 tile over `depth` steps. */
function addTile(work: Int32Array, a: number, b: number, depth: number, c: number, ldc: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < depth; p++, a += tile, b += tile) {
    const b0 = work[b]!, b1 = work[b + 1]!, b2 = work[b + 2]!, b3 = work[b + 3]!;
    const a0 = work[a]!, a1 = work[a + 1]!, a2 = work[a + 2]!, a3 = work[a + 3]!;
    c00 = (c00 + Math.imul(a0, b0)) | 0; c01 = (c01 + Math.imul(a0, b1)) | 0;
    c02 = (c02 + Math.imul(a0, b2)) | 0; c03 = (c03 + Math.imul(a0, b3)) | 0;
    c10 = (c10 + Math.imul(a1, b0)) | 0; c11 = (c11 + Math.imul(a1, b1)) | 0;
    c12 = (c12 + Math.imul(a1, b2)) | 0; c13 = (c13 + Math.imul(a1, b3)) | 0;
    c20 = (c20 + Math.imul(a2, b0)) | 0; c21 = (c21 + Math.imul(a2, b1)) | 0;
    c22 = (c22 + Math.imul(a2, b2)) | 0; c23 = (c23 + Math.imul(a2, b3)) | 0;
    c30 = (c30 + Math.imul(a3, b0)) | 0; c31 = (c31 + Math.imul(a3, b1)) | 0;
    c32 = (c32 + Math.imul(a3, b2)) | 0; c33 = (c33 + Math.imul(a3, b3)) | 0;
  }
  // Int32Array stores wrap modulo 2^32, and the sum of two int32 values is exact in a double.
  work[c] = work[c]! + c00; work[c + 1] = work[c + 1]! + c01; work[c + 2] = work[c + 2]! + c02; work[c + 3] = work[c + 3]! + c03;
  c += ldc;
  work[c] = work[c]! + c10; work[c + 1] = work[c + 1]! + c11; work[c + 2] = work[c + 2]! + c12; work[c + 3] = work[c + 3]! + c13;
  c += ldc;
  work[c] = work[c]! + c20; work[c + 1] = work[c + 1]! + c21; work[c + 2] = work[c + 2]! + c22; work[c + 3] = work[c + 3]! + c23;
  c += ldc;
  work[c] = work[c]! + c30; work[c + 1] = work[c + 1]! + c31; work[c + 2] = work[c + 2]! + c32; work[c + 3] = work[c + 3]! + c33;
}
