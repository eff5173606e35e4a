/**
 * Products with a thin or shallow side, which the tiled kernels handle badly: an A of fewer rows than one tile
 * (`gd,de->ge`), a depth of at most 32 bytes (`ag,bg->ab`, an outer product of rank 2, whose tiles write a padded
 * C that must be copied out row by row), and a B of fewer columns than one tile whose A is stored transposed
 * (`de,dg->eg`, which the packed kernel would rearrange element by element). These three are the steps of the
 * gradient of a thin product. The last is the first after transposing the whole product, `Cᵀ = Bᵀ·Aᵀ`, which
 * costs nothing on strided views. All run on the row kernel of `wasm/rows.wat`: each row of C is summed from the
 * rows of B, weighted by that row of A.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C overwritten; float64 or float32; sums in the
 * storage's precision). Each entry of C is summed in depth order from zero, as the tiled and packed kernels do
 * (except a thin A by a B stored transposed, which becomes a thin product of `gemm-copied.ts`, summed in lanes);
 * the choice of kernel never depends on the thread count. Layouts: A and B are copied into WebAssembly memory with
 * one block copy per matrix when their rows are contiguous and evenly spaced, and gathered row-major otherwise; C
 * is computed in chunks of rows that stay in cache and copied out with one block copy when it is contiguous.
 */
import { directKernels, preferredBackend } from "../backend.js";
import { uniformStride } from "../offset-table.js";
import { kernelVariant } from "../wasm/kernel-variant.js";
import { loadRowsWasm } from "../wasm/rows-instance.js";
import { gemmCopied } from "./gemm-copied.js";
import { gatherRows, unpackBlock } from "./gemm-pack.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";
import type { FloatData } from "./gemm-wasm.js";
import { roundUp } from "../round-up.js";

/** Products with fewer rows than this read B once per row (the tiled kernels work on 4 rows at a time). */
const thinRows = 4;
/** Depths of at most this many bytes make a shallow product. */
const shallowBytes = 32;
/** The most memory the copies of A and B take; larger products go to the other kernels. */
const maxOperandBytes = 64 << 20;
/** The size of one chunk of C's rows. */
const chunkBytes = 1 << 18;

/**
 * Whether {@link gemmThin} takes a product: A thin, the depth shallow, or B thin with A stored column-major.
 *
 * @example
 * isThinOrShallow(2, 250, 250, 8, false); //=> true (two rows)
 * isThinOrShallow(250, 250, 2, 8, false); //=> true (a depth of 16 bytes)
 * isThinOrShallow(250, 2, 250, 8, true); //=> true (A transposed, B thin)
 * isThinOrShallow(64, 64, 64, 8, false); //=> false
 */
export function isThinOrShallow(m: number, n: number, k: number, elementBytes: number, columnMajorA: boolean): boolean {
  return m < thinRows || k * elementBytes <= shallowBytes || (n < thinRows && columnMajorA);
}

/**
 * Computes `c[b] = a[b]·b[b]` when {@link isThinOrShallow} holds. Returns false, having written nothing, for any
 * other product, where WebAssembly SIMD is unavailable or not preferred, or when the operands would take more than
 * 64 MiB of its memory; the caller then uses another kernel. Needs batch, m, n, k ≥ 1.
 *
 * @example
 * if (!gemmThin(a, b, c)) gemmWasm(loadGemmWasm()!, a, b, c);
 */
export function gemmThin(a: MatrixBatch<FloatData>, b: MatrixBatch<FloatData>, c: MatrixBatch<FloatData>): boolean {
  const { m, n, k } = gemmSizes(a, b);
  const bytes = c.data instanceof Float64Array ? 8 : 4;
  const columnMajorA = isColumnMajor(a);
  if (!isThinOrShallow(m, n, k, bytes, columnMajorA)) return false;
  if (m >= thinRows && k * bytes > shallowBytes) return gemmRows(transposed(b), transposed(a), transposed(c));
  if (m < thinRows && k * bytes > shallowBytes && isColumnMajor(b)) return gemmThinDots(transposed(b), transposed(a), transposed(c));
  return gemmRows(a, b, c);
}

/**
 * A thin A by a B stored transposed (`k,ijk->ij`), transposed whole: `Cᵀ = Bᵀ·Aᵀ` is a row-major matrix by a thin
 * one, which the copied kernel runs as SIMD dot products along the depth (summed in lanes, as it sums every thin
 * product), instead of gathering B row-major.
 */
function gemmThinDots(a: MatrixBatch<FloatData>, b: MatrixBatch<FloatData>, c: MatrixBatch<FloatData>): boolean {
  const direct = directKernels();
  return direct !== undefined && gemmCopied(direct, a, b, c);
}

/** Whether a matrix runs contiguously down its columns and not along its rows: a transposed row-major matrix. */
function isColumnMajor(matrix: MatrixBatch): boolean {
  return matrix.rows.length > 1 && matrix.cols.length > 1 && uniformStride(matrix.rows) === 1 && uniformStride(matrix.cols) !== 1;
}

/** The same matrices, transposed: rows and columns swap their offset tables. */
function transposed<Data extends FloatData>(matrix: MatrixBatch<Data>): MatrixBatch<Data> {
  return { data: matrix.data, batch: matrix.batch, rows: matrix.cols, cols: matrix.rows };
}

/** Where an operand lies in WebAssembly memory: copied whole with its own row stride, or gathered row-major. */
interface Placement {
  readonly at: number;
  readonly rowStride: number;
  readonly copied: number;
  readonly block: boolean;
}

function placement(matrix: MatrixBatch, at: number): Placement {
  const rows = matrix.rows.length;
  const cols = matrix.cols.length;
  const rowStride = rows > 1 ? uniformStride(matrix.rows) : cols;
  const block = uniformStride(matrix.cols) === 1 && rowStride !== undefined && rowStride >= cols;
  const stride = block ? rowStride : cols;
  return { at, rowStride: stride, copied: (rows - 1) * stride + cols, block };
}

function place(memory: FloatData, matrix: MatrixBatch<FloatData>, index: number, where: Placement): void {
  const base = matrix.batch[index]!;
  if (where.block) {
    const start = base + matrix.rows[0]! + matrix.cols[0]!;
    memory.set(matrix.data.subarray(start, start + where.copied), where.at);
    return;
  }
  gatherRows(memory, where.at, matrix, index, matrix.cols.length);
}

function gemmRows(a: MatrixBatch<FloatData>, b: MatrixBatch<FloatData>, c: MatrixBatch<FloatData>): boolean {
  const wasm = preferredBackend() === "wasm" ? loadRowsWasm(kernelVariant()) : undefined;
  if (wasm === undefined) return false;
  const { batch, m, n, k } = gemmSizes(a, b);
  const double = c.data instanceof Float64Array;
  const bytes = double ? 8 : 4;
  const aPlace = placement(a, 0);
  const bPlace = placement(b, roundUp(aPlace.copied, 16));
  const cAt = roundUp(bPlace.at + bPlace.copied, 16);
  if ((cAt + n) * bytes > maxOperandBytes) return false;
  const chunkRows = Math.max(1, Math.min(m, Math.floor(chunkBytes / bytes / n)));
  if (!wasm.reserve((cAt + chunkRows * n) * bytes)) return false;
  const memory = double ? wasm.float64View() : wasm.float32View();
  const kernel = double ? wasm.rowsFloat64 : wasm.rowsFloat32;
  const cContiguous = uniformStride(c.cols) === 1 && (m === 1 || uniformStride(c.rows) === n);
  for (let matrix = 0; matrix < batch; matrix++) {
    place(memory, a, matrix, aPlace);
    place(memory, b, matrix, bPlace);
    const cBase = c.batch[matrix]!;
    for (let row = 0; row < m; row += chunkRows) {
      const rows = Math.min(chunkRows, m - row);
      const aRow = aPlace.at + row * aPlace.rowStride;
      kernel(rows, n, k, aRow * bytes, aPlace.rowStride * bytes, bPlace.at * bytes, bPlace.rowStride * bytes, cAt * bytes, n * bytes);
      if (cContiguous) c.data.set(memory.subarray(cAt, cAt + rows * n), cBase + c.rows[row]! + c.cols[0]!);
      else unpackBlock(c.data, cBase, c.rows.subarray(row, row + rows), c.cols, memory, cAt, n);
    }
  }
  return true;
}
