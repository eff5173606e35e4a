/**
 * Batched GEMM on operands copied whole into WebAssembly memory and multiplied there without packing
 * (`wasm/direct.wat`): products small enough for their operands to stay in cache, and thin ones (B with fewer
 * columns than one SIMD tile), where packing A in TypeScript would cost more than the product itself. A block
 * copy (`TypedArray.prototype.set`) moves a matrix in a fraction of the time a packing loop takes.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C overwritten; float64 or float32; sums in the
 * storage's precision, as in the packed kernel).
 * Layouts: A must be contiguous along its columns with evenly spaced rows (one block copy per matrix). The tiled
 * product (4 rows × 32 bytes) copies B the same way when it is laid out so, and otherwise gathers it row-major
 * (a transposed B, as in `bqd,bkd->bqk`); a thin B is gathered transposed, whatever its layout, and each
 * entry of C is then a SIMD dot product of a row of A with a column of B. Tiles past the edges of A and B read
 * zeroed padding and write padding of C that is never copied out.
 */
import type { FloatData } from "./gemm-wasm.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";
import { gatherRows, unpackBlock } from "./gemm-pack.js";
import { uniformStride } from "../offset-table.js";
import type { DirectWasm } from "../wasm/direct-instance.js";
import { roundUp } from "../round-up.js";

const rowsPerTile = 4;
const tileBytes = 32;
const alignBytes = 64;
/** The most memory one call copies its operands into. */
const maxBytes = 64 << 20;

/**
 * Whether the copied kernels are the better choice for a product by a k×n B: always for a thin B, otherwise
 * while B fits in 256 KiB, so that the tiles' reads along its rows stay in cache. Measured against the packed
 * kernel on this project's bench machine: 1.4–2.5× faster below that bound (64³ to 256³ float32, 64³ to 192³
 * float64), and up to 2.8× slower for float64 beyond it.
 *
 * @example
 * prefersCopiedGemm(2, 250, 4); //=> true (a thin product)
 * prefersCopiedGemm(512, 512, 8); //=> false (packing pays off)
 */
export function prefersCopiedGemm(n: number, k: number, elementBytes: number): boolean {
  return isThinProduct(n, elementBytes) || k * n * elementBytes <= 256 * 1024;
}

/**
 * Whether a product by a B of `n` columns is thin: narrower than one SIMD tile, so that {@link gemmCopied} runs
 * it as dot products along the depth, in lanes (an order of summation that no other kernel shares).
 *
 * @example
 * isThinProduct(2, 8); //=> true
 * isThinProduct(8, 4); //=> false (one float32 tile wide)
 */
export function isThinProduct(n: number, elementBytes: number): boolean {
  return n * elementBytes < tileBytes;
}

/**
 * Whether B lies in rows: contiguous along its columns, its rows evenly spaced and apart. The copied tiles read
 * such a B as it lies, with no packing; any other B they gather first.
 *
 * @example
 * isInRows({ data, batch: Int32Array.of(0), rows: Int32Array.of(0, 4), cols: Int32Array.of(0, 1, 2) }); //=> true
 */
export function isInRows(b: MatrixBatch): boolean {
  const n = b.cols.length;
  const rowStride = b.rows.length > 1 ? uniformStride(b.rows) : n;
  return uniformStride(b.cols) === 1 && rowStride !== undefined && rowStride >= n;
}

/**
 * Computes `c[b] = a[b]·b[b]` with the kernels of `direct.wat`. Returns false, having written nothing, when the
 * operands' layout does not suit them or the memory cannot hold the problem; the caller then uses another kernel.
 * Needs batch, m, n, k ≥ 1.
 *
 * @example
 * const wasm = directKernels();
 * if (wasm === undefined || !gemmCopied(wasm, a, b, c)) gemmTypeScript(a, b, c);
 */
export function gemmCopied(
  wasm: DirectWasm,
  a: MatrixBatch<FloatData>,
  b: MatrixBatch<FloatData>,
  c: MatrixBatch<FloatData>,
): boolean {
  const { batch, m, n, k } = gemmSizes(a, b);
  const double = c.data instanceof Float64Array;
  const bytes = double ? 8 : 4;
  const width = tileBytes / bytes;
  if (uniformStride(a.cols) !== 1) return false;
  const lda = m > 1 ? uniformStride(a.rows) : k;
  if (lda === undefined) return false;
  const thin = isThinProduct(n, bytes);
  const bRowStride = k > 1 ? uniformStride(b.rows) : n;
  const rowMajorB = !thin && isInRows(b);
  const columnBlocks = Math.ceil(n / width);
  // A B in any other layout is gathered row-major, its rows padded to whole tiles.
  const gathered = !thin && !rowMajorB;
  const ldb = thin ? k : gathered ? columnBlocks * width : bRowStride!;

  const rowBlocks = Math.ceil(m / rowsPerTile);
  const aCopied = (m - 1) * lda + k;
  const aRead = (rowBlocks * rowsPerTile - 1) * lda + k;
  const bCopied = thin || gathered ? ldb * (thin ? n : k) : (k - 1) * ldb + n;
  const bRead = thin ? bCopied : (k - 1) * ldb + columnBlocks * width;
  const ldc = thin ? n : columnBlocks * width;
  const align = alignBytes / bytes;
  const bAt = roundUp(aRead, align);
  const cAt = bAt + roundUp(bRead, align);
  const total = (cAt + rowBlocks * rowsPerTile * ldc) * bytes;
  if (total > maxBytes || !wasm.reserve(total)) return false;
  const memory = double ? wasm.float64View() : wasm.float32View();
  memory.fill(0, aCopied, aRead);
  memory.fill(0, bAt + bCopied, bAt + bRead);
  const cContiguous = ldc === n && uniformStride(c.cols) === 1 && (m === 1 || uniformStride(c.rows) === n);
  const cFirst = c.rows[0]! + c.cols[0]!;
  for (let matrix = 0; matrix < batch; matrix++) {
    const aStart = a.batch[matrix]! + a.rows[0]! + a.cols[0]!;
    memory.set(a.data.subarray(aStart, aStart + aCopied), 0);
    if (thin) {
      gatherTransposed(memory, bAt, b, matrix, k, n);
      const dot = double ? wasm.dotFloat64 : wasm.dotFloat32;
      dot(rowBlocks, n, k, 0, lda * bytes, bAt * bytes, k * bytes, cAt * bytes, ldc * bytes);
    } else {
      if (gathered) {
        gatherRows(memory, bAt, b, matrix, ldb);
      } else {
        const bStart = b.batch[matrix]! + b.rows[0]! + b.cols[0]!;
        memory.set(b.data.subarray(bStart, bStart + bCopied), bAt);
      }
      const [aBytes, bBytes, cBytes] = [lda * bytes, ldb * bytes, ldc * bytes];
      wasm.gemm(double ? 1 : 0, rowBlocks, columnBlocks, k, 0, aBytes, bAt * bytes, bBytes, cAt * bytes, cBytes, tileBytes);
    }
    if (cContiguous) c.data.set(memory.subarray(cAt, cAt + m * n), c.batch[matrix]! + cFirst);
    else unpackBlock(c.data, c.batch[matrix]!, c.rows, c.cols, memory, cAt, ldc);
  }
  return true;
}

/** `memory[at + j·k + p] = B[p][j]`: B's columns as contiguous rows. */
function gatherTransposed(
  memory: FloatData,
  at: number,
  b: MatrixBatch<FloatData>,
  matrix: number,
  k: number,
  n: number,
): void {
  const source = b.data;
  const base = b.batch[matrix]!;
  const rowStride = uniformStride(b.rows);
  for (let j = 0; j < n; j++) {
    const column = base + b.cols[j]!;
    let write = at + j * k;
    if (rowStride !== undefined) {
      for (let p = 0, read = column + b.rows[0]!; p < k; p++, read += rowStride) memory[write++] = source[read]!;
    } else {
      for (let p = 0; p < k; p++) memory[write++] = source[column + b.rows[p]!]!;
    }
  }
}
