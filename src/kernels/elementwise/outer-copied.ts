/**
 * The outer product `C[b][i][j] = A[b][i]·B[b][j]` in WebAssembly SIMD (`outer_*` of `wasm/direct.wat`) for
 * float data whose C rows are contiguous and laid one after another: the two vectors are copied into the
 * module's memory, blocks of rows are computed there, small enough to stay in cache, and each block is copied
 * out with one block copy.
 */
import type { FloatData } from "../gemm/gemm-wasm.js";
import type { MatrixBatch } from "../gemm/gemm-problem.js";
import { uniformStride } from "../offset-table.js";
import type { DirectWasm } from "../wasm/direct-instance.js";
import { roundUp } from "../round-up.js";

/** Elements of C per block: 64 KiB of float32 or 128 KiB of float64. */
const blockElements = 16384;
/** Below this many elements of C, plain loops are as fast. */
const minimumElements = 1024;

/**
 * Computes `c[b] = a[b] ⊗ b[b]` (a's rows times b's columns, depth 1) with the module's kernel. Returns false,
 * having written nothing, when the layout does not suit it, the product is too small to gain, or the memory
 * cannot hold it; the caller then runs its own loop.
 *
 * @example
 * const wasm = directKernels();
 * if (wasm === undefined || !outerCopied(wasm, a, b, c)) outerInTypeScript(a, b, c);
 */
export function outerCopied(
  wasm: DirectWasm,
  a: MatrixBatch<FloatData>,
  b: MatrixBatch<FloatData>,
  c: MatrixBatch<FloatData>,
): boolean {
  const m = a.rows.length;
  const n = b.cols.length;
  if (m * n < minimumElements || n === 0) return false;
  if (uniformStride(b.cols) !== 1 || uniformStride(c.cols) !== 1 || (m > 1 && uniformStride(c.rows) !== n)) return false;
  const double = c.data instanceof Float64Array;
  const bytes = double ? 8 : 4;
  const rowsPerBlock = Math.max(1, Math.min(m, Math.floor(blockElements / n)));
  const yAt = m;
  const cAt = roundUp(m + n, 16);
  if (!wasm.reserve((cAt + rowsPerBlock * n) * bytes)) return false;
  const memory = double ? wasm.float64View() : wasm.float32View();
  const kernel = double ? wasm.outerFloat64 : wasm.outerFloat32;
  const x = a.data;
  for (let matrix = 0; matrix < c.batch.length; matrix++) {
    const xBase = a.batch[matrix]! + a.cols[0]!;
    for (let i = 0; i < m; i++) memory[i] = x[xBase + a.rows[i]!]!;
    const yStart = b.batch[matrix]! + b.rows[0]! + b.cols[0]!;
    memory.set(b.data.subarray(yStart, yStart + n), yAt);
    const cStart = c.batch[matrix]! + c.rows[0]! + c.cols[0]!;
    for (let first = 0; first < m; first += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, m - first);
      kernel(first * bytes, rows, yAt * bytes, n, cAt * bytes);
      c.data.set(memory.subarray(cAt, cAt + rows * n), cStart + first * n);
    }
  }
  return true;
}
