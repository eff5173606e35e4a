/**
 * Batched float GEMM in plain TypeScript, the fallback where WebAssembly SIMD is unavailable.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C is overwritten; any float storage; products
 * are summed in float64 and rounded once when stored).
 * Blocking: A and B are packed from their strided views into float64 panels of 4 rows and 4 columns
 * (zero-padded), then depth blocks of 256 run over every 4×4 tile, whose sixteen sums stay in locals.
 */
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";
import { packPanels, unpackBlock } from "./gemm-pack.js";
import type { FloatData } from "./gemm-wasm.js";

const tile = 4;
const depthBlock = 256;
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
  const { batch, m, n, k } = gemmSizes(a, b);
  if (batch === 0 || m === 0 || n === 0) return;
  const rowPanels = Math.ceil(m / tile);
  const colPanels = Math.ceil(n / tile);
  const bStart = rowPanels * tile * k;
  const cStart = bStart + colPanels * tile * k;
  const ldc = colPanels * tile;
  const needed = cStart + rowPanels * tile * ldc;
  if (scratch.length < needed) scratch = new Float64Array(needed);
  const work = scratch;
  for (let matrix = 0; matrix < batch; matrix++) {
    packPanels(work, 0, a.data, a.batch[matrix]!, a.rows, a.cols, tile);
    packPanels(work, bStart, b.data, b.batch[matrix]!, b.cols, b.rows, tile);
    work.fill(0, cStart, needed);
    for (let depth = 0; depth < k; depth += depthBlock) {
      const block = Math.min(depthBlock, k - depth);
      for (let colPanel = 0; colPanel < colPanels; colPanel++) {
        const bPanel = bStart + (colPanel * k + depth) * tile;
        for (let rowPanel = 0; rowPanel < rowPanels; rowPanel++) {
          const aPanel = (rowPanel * k + depth) * tile;
          addTile(work, aPanel, bPanel, block, cStart + rowPanel * tile * ldc + colPanel * tile, ldc);
        }
      }
    }
    unpackBlock(c.data, c.batch[matrix]!, c.rows, c.cols, work, cStart, ldc);
  }
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
