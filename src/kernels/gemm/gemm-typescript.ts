/**
 * Batched float GEMM in plain TypeScript, the fallback where WebAssembly SIMD is unavailable.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C is overwritten; any float storage; products
 * are summed in float64 and rounded once when stored).
 * Blocking: `multiplyInPanels` (`gemm-panels.ts`) packs A and B into float64 panels of 4 rows and 4 columns and
 * runs depth blocks of 256 over every 4×4 tile; this file's `addTile` keeps the tile's sixteen sums in locals.
 */
import { multiplyInPanels, panelTile as tile } from "./gemm-panels.js";
import type { MatrixBatch } from "./gemm-problem.js";
import type { FloatData } from "./gemm-wasm.js";

let scratch = new Float64Array(0);

/**
 * Computes `c[b] = a[b]·b[b]` for float storage.
 *
 * @example
 * gemmTypeScript(a, b, c); // c.data now holds the products
 */
export function gemmTypeScript(
  a: MatrixBatch<FloatData>,
  b: MatrixBatch<FloatData>,
  c: MatrixBatch<FloatData>,
): void {
  multiplyInPanels(a, b, c, scratchOf, addTile);
}

function scratchOf(elements: number): Float64Array {
  if (scratch.length < elements) scratch = new Float64Array(elements);
  return scratch;
}

/** `work[c…] += Apanel·Bpanel` for one 4×4 tile over `depth` steps. */
function addTile(work: Float64Array, a: number, b: number, depth: number, c: number, ldc: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < depth; p++, a += tile, b += tile) {
    const b0 = work[b]!, b1 = work[b + 1]!, b2 = work[b + 2]!, b3 = work[b + 3]!;
    const a0 = work[a]!, a1 = work[a + 1]!, a2 = work[a + 2]!, a3 = work[a + 3]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  work[c] = work[c]! + c00; work[c + 1] = work[c + 1]! + c01; work[c + 2] = work[c + 2]! + c02; work[c + 3] = work[c + 3]! + c03;
  c += ldc;
  work[c] = work[c]! + c10; work[c + 1] = work[c + 1]! + c11; work[c + 2] = work[c + 2]! + c12; work[c + 3] = work[c + 3]! + c13;
  c += ldc;
  work[c] = work[c]! + c20; work[c + 1] = work[c + 1]! + c21; work[c + 2] = work[c + 2]! + c22; work[c + 3] = work[c + 3]! + c23;
  c += ldc;
  work[c] = work[c]! + c30; work[c + 1] = work[c + 1]! + c31; work[c + 2] = work[c + 2]! + c32; work[c + 3] = work[c + 3]! + c33;
}
