/**
 * Direct loops for the pairwise steps that are not worth a GEMM, on the same strided views ({@link MatrixBatch}):
 * the outer product (no contracted label) and the dot product (no kept label but the batch). Each overwrites C;
 * int32 wraps like PyTorch's. A lone product is written as a sum (`x·y + 0`), so a zero result is +0 as in every
 * other path. A float outer product with contiguous result rows runs in WebAssembly SIMD instead
 * (`outer-copied.ts`).
 */
import type { DataArray } from "../../tensor/dtype.js";
import { directKernels } from "../backend.js";
import type { MatrixBatch } from "../gemm/gemm-problem.js";
import type { FloatData } from "../gemm/gemm-wasm.js";
import { outerCopied } from "./outer-copied.js";
import { uniformStride } from "../offset-table.js";

/**
 * `c[b][i][j] = a[b][i] * b[b][j]`: the product with a depth of one.
 *
 * @example
 * outerLoop(a, b, c); // "i,j->ij"
 */
export function outerLoop(a: MatrixBatch, b: MatrixBatch, c: MatrixBatch): void {
  const wraps = c.data instanceof Int32Array;
  const wasm = wraps ? undefined : directKernels();
  if (wasm !== undefined && outerCopied(wasm, a as MatrixBatch<FloatData>, b as MatrixBatch<FloatData>, c as MatrixBatch<FloatData>)) {
    return;
  }
  const aData: DataArray = a.data;
  const bData: DataArray = b.data;
  const out: DataArray = c.data;
  const m = a.rows.length;
  const n = b.cols.length;
  const aShift = a.cols[0]!;
  const bShift = b.rows[0]!;
  const bStride = uniformStride(b.cols);
  const cStride = uniformStride(c.cols);
  const uniform = bStride !== undefined && cStride !== undefined;
  for (let matrix = 0; matrix < c.batch.length; matrix++) {
    const bBase = b.batch[matrix]! + bShift;
    for (let i = 0; i < m; i++) {
      const x = aData[a.batch[matrix]! + a.rows[i]! + aShift]!;
      const cRow = c.batch[matrix]! + c.rows[i]!;
      if (uniform) {
        let read = bBase + b.cols[0]!;
        let write = cRow + c.cols[0]!;
        if (wraps) {
          for (let j = 0; j < n; j++, read += bStride, write += cStride) out[write] = Math.imul(x, bData[read]!);
        } else if (bStride === 1 && cStride === 1) {
          scaleRow(out, write, x, bData, read, n);
        } else {
          for (let j = 0; j < n; j++, read += bStride, write += cStride) out[write] = x * bData[read]! + 0;
        }
      } else {
        for (let j = 0; j < n; j++) {
          const y = bData[bBase + b.cols[j]!]!;
          out[cRow + c.cols[j]!] = wraps ? Math.imul(x, y) : x * y + 0;
        }
      }
    }
  }
}

/**
 * `out[write + j] = x · source[read + j] + 0` for `j < count`. A function of its own, so that the engine compiles
 * this loop alone, as tightly as a hand-written one (inside `outerLoop` it ran about 1.4 times slower).
 */
function scaleRow(out: DataArray, write: number, x: number, source: DataArray, read: number, count: number): void {
  const end = write + count;
  for (; write < end; write++, read++) out[write] = x * source[read]! + 0;
}

/**
 * `c[b] = Σ_p a[b][p] * b[b][p]`: the product with one row and one column.
 *
 * @example
 * dotLoop(a, b, c); // "i,i->"
 */
export function dotLoop(a: MatrixBatch, b: MatrixBatch, c: MatrixBatch): void {
  const wraps = c.data instanceof Int32Array;
  const aData: DataArray = a.data;
  const bData: DataArray = b.data;
  const k = a.cols.length;
  const aShift = a.rows[0]!;
  const bShift = b.cols[0]!;
  const cShift = c.rows[0]! + c.cols[0]!;
  const aStride = uniformStride(a.cols);
  const bStride = uniformStride(b.rows);
  const uniform = aStride !== undefined && bStride !== undefined;
  for (let matrix = 0; matrix < c.batch.length; matrix++) {
    const aBase = a.batch[matrix]! + aShift;
    const bBase = b.batch[matrix]! + bShift;
    let sum = 0;
    if (uniform) {
      let ra = aBase + (a.cols[0] ?? 0);
      let rb = bBase + (b.rows[0] ?? 0);
      if (wraps) {
        for (let p = 0; p < k; p++, ra += aStride, rb += bStride) sum = (sum + Math.imul(aData[ra]!, bData[rb]!)) | 0;
      } else {
        for (let p = 0; p < k; p++, ra += aStride, rb += bStride) sum += aData[ra]! * bData[rb]!;
      }
    } else {
      for (let p = 0; p < k; p++) {
        const x = aData[aBase + a.cols[p]!]!;
        const y = bData[bBase + b.rows[p]!]!;
        sum = wraps ? (sum + Math.imul(x, y)) | 0 : sum + x * y;
      }
    }
    c.data[c.batch[matrix]! + cShift] = sum;
  }
}
