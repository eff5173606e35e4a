/**
 * Sums of contiguous runs of float data in WebAssembly SIMD (`sum_rows_*` of `wasm/direct.wat`): the input is
 * copied into the module's memory in chunks small enough to stay in cache, and each chunk's rows are summed in
 * float64 lanes there. A block copy and a SIMD pass together read memory several times faster than a scalar
 * TypeScript loop, which is bound by one addition per element. Sums across rows (the columns of a block of rows)
 * are added row by row into float64 accumulators in the module's memory (`add_rows_*` of `wasm/rows.wat`) the same way.
 */
import { directKernels, preferredBackend } from "../backend.js";
import { loadRowsWasm } from "../wasm/rows-instance.js";
import { kernelVariant } from "../wasm/kernel-variant.js";
import type { FloatData } from "../gemm/gemm-wasm.js";
import type { DataArray } from "../../tensor/dtype.js";
import { roundUp } from "../round-up.js";

/**
 * Elements per copied chunk: 512 KiB of float64 or 256 KiB of float32, inside L2, so that the calls and copies
 * per chunk cost little beside the sum. For 10⁷ values, chunks of 32768 took 1.08× as long (float32 and float64),
 * chunks of 131072 1.2–1.4× (past L2), and chunks of 4096 1.3×.
 *
 * @example
 * addRowSums(data, 0, 2, sumChunkElements + 1, out, 0, 1); // each row is summed in two chunks
 */
export const sumChunkElements = 65536;
/** Below this many elements, the calls and copies cost more than they save. */
const minimumElements = 256;

/**
 * Adds the sum of row r (`n` contiguous values at `start + r·n`) to `out[outStart + r·outStride]`, for
 * `rows` rows. Returns false, having written nothing, when WebAssembly SIMD is unavailable or not preferred,
 * or the work is too small to gain; the caller then sums in TypeScript.
 *
 * @example
 * // the full sum of 10⁶ values: one row
 * addRowSums(data, 0, 1, 1e6, out, 0, 0); //=> true, out[0] += Σ data
 */
export function addRowSums(
  input: FloatData,
  start: number,
  rows: number,
  n: number,
  out: DataArray,
  outStart: number,
  outStride: number,
): boolean {
  if (rows * n < minimumElements || n === 0) return false;
  const wasm = directKernels();
  if (wasm === undefined) return false;
  const double = input instanceof Float64Array;
  const bytes = double ? 8 : 4;
  const piece = Math.min(n, sumChunkElements);
  const rowsPerChunk = Math.max(1, Math.floor(sumChunkElements / n));
  const sumsAt = Math.ceil((rowsPerChunk * piece * bytes) / 8);
  if (!wasm.reserve((sumsAt + rowsPerChunk) * 8)) return false;
  const memory = double ? wasm.float64View() : wasm.float32View();
  const sums = wasm.float64View();
  const kernel = double ? wasm.sumRowsFloat64 : wasm.sumRowsFloat32;
  if (n > sumChunkElements) {
    for (let r = 0, read = start; r < rows; r++) {
      let sum = 0;
      for (let done = 0; done < n; done += piece) {
        const length = Math.min(piece, n - done);
        memory.set(input.subarray(read, read + length), 0);
        kernel(0, 1, length, sumsAt * 8);
        sum += sums[sumsAt]!;
        read += length;
      }
      const write = outStart + r * outStride;
      out[write] = out[write]! + sum;
    }
    return true;
  }
  for (let first = 0; first < rows; first += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, rows - first);
    const read = start + first * n;
    memory.set(input.subarray(read, read + count * n), 0);
    kernel(0, count, n, sumsAt * 8);
    for (let r = 0, write = outStart + first * outStride; r < count; r++, write += outStride) {
      out[write] = out[write]! + sums[sumsAt + r]!;
    }
  }
  return true;
}

/**
 * Adds the sum of column j of a block of rows (`rows` rows of `n` contiguous values, row r at `start + r·n`) to
 * `out[outStart + j·outStride]`, for every j < n. Each value is added in float64, one row after another, and each
 * column's total is added to `out` once. Returns false, having written nothing, when WebAssembly SIMD is
 * unavailable or not preferred, or the work is too small to gain; the caller then sums in TypeScript.
 *
 * @example
 * // the column sums of a 1000×300 matrix into a vector of 300
 * addColumnSums(data, 0, 1000, 300, out, 0, 1); //=> true, out[j] += Σ_r data[r·300 + j]
 */
export function addColumnSums(
  input: FloatData,
  start: number,
  rows: number,
  n: number,
  out: DataArray,
  outStart: number,
  outStride: number,
): boolean {
  if (rows * n < minimumElements || n === 0) return false;
  const wasm = preferredBackend() === "wasm" ? loadRowsWasm(kernelVariant()) : undefined;
  if (wasm === undefined) return false;
  const double = input instanceof Float64Array;
  const bytes = double ? 8 : 4;
  // Columns past one chunk's width are summed in slabs of that width, each slab's rows copied one by one.
  const width = Math.min(n, sumChunkElements);
  const rowsPerChunk = Math.max(1, Math.floor(sumChunkElements / width));
  const accAt = roundUp(rowsPerChunk * width * bytes, 64) / 8;
  if (!wasm.reserve((accAt + width) * 8)) return false;
  const memory = double ? wasm.float64View() : wasm.float32View();
  const sums = wasm.float64View();
  const kernel = double ? wasm.addRowsFloat64 : wasm.addRowsFloat32;
  for (let first = 0; first < n; first += width) {
    const slab = Math.min(width, n - first);
    sums.fill(0, accAt, accAt + slab);
    for (let row = 0; row < rows; row += rowsPerChunk) {
      const count = Math.min(rowsPerChunk, rows - row);
      const read = start + row * n + first;
      if (slab === n) memory.set(input.subarray(read, read + count * n), 0);
      else for (let r = 0; r < count; r++) memory.set(input.subarray(read + r * n, read + r * n + slab), r * slab);
      kernel(0, count, slab, accAt * 8);
    }
    for (let j = 0, write = outStart + first * outStride; j < slab; j++, write += outStride) {
      out[write] = out[write]! + sums[accAt + j]!;
    }
  }
  return true;
}
