/**
 * Batched GEMM with every matrix of the batch copied into WebAssembly memory at once: one block copy of A's
 * data, one of B's, and, when C is laid out in order, one copy of C back out, however many matrices the batch
 * holds. The module packs each B into column blocks of 32 bytes (`pack_runs` where the block's columns lie side
 * by side, `pack_lanes` column by column otherwise, as for a transposed B), and multiplies A read in place, in
 * rows of 4, by the packed B (`direct_gemm`), one block of rows of A at a time so that it stays in L2 while
 * column blocks of B pass. Where A is a single such block, B is packed 64 KiB at a time, each group just before
 * its products, so that packed blocks are read back from cache.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C overwritten; float64 or float32; each entry one
 * running sum in depth order from zero, as in the packed kernel, so the threaded product gives the same bits).
 * Layouts: A contiguous along its columns with evenly spaced rows, B with evenly spaced rows; anything else, a
 * depth past 512, or operands past 64 MiB together, is left to the other kernels.
 */
import type { FloatData } from "./gemm-wasm.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";
import { unpackBlock } from "./gemm-pack.js";
import { uniformStride } from "../offset-table.js";
import type { DirectWasm } from "../wasm/direct-instance.js";
import { roundUp } from "../round-up.js";

const rowsPerTile = 4;
const tileBytes = 32;
const alignBytes = 64;
/** The most memory one call copies its operands into. */
const maxBytes = 64 << 20;
/** The rows of A that meet each packed column block of B together fill about this much: a share of L2. */
const rowBlockBytes = 256 * 1024;
/** B is packed this much at a time, just before its products, so that the packed blocks are read from cache. */
const packedGroupBytes = 64 * 1024;
/**
 * The deepest column block of B this kernel takes (k ≤ 512): with no depth blocking, a block must leave room in
 * L1 for the rows of A that meet it. Deeper products run on the depth-blocked packed kernel, which measured 1.5–1.8×
 * faster at 1024³.
 */
const maxPanelBytes = 16 * 1024;

/**
 * Computes `c[b] = a[b]·b[b]` with the whole batch in WebAssembly memory. Returns false, having written nothing,
 * when the operands' layout does not suit it or the memory cannot hold the problem; the caller then uses another
 * kernel. Needs batch, m, n, k ≥ 1.
 *
 * @example
 * const wasm = directKernels();
 * if (wasm === undefined || !gemmWholeBatch(wasm, a, b, c)) gemmTypeScript(a, b, c);
 */
export function gemmWholeBatch(
  wasm: DirectWasm,
  a: MatrixBatch<FloatData>,
  b: MatrixBatch<FloatData>,
  c: MatrixBatch<FloatData>,
): boolean {
  const { batch, m, n, k } = gemmSizes(a, b);
  const double = c.data instanceof Float64Array;
  const bytes = double ? 8 : 4;
  const width = tileBytes / bytes;
  const lda = m > 1 ? uniformStride(a.rows) : k;
  const step = k > 1 ? uniformStride(b.rows) : 0;
  if (uniformStride(a.cols) !== 1 || lda === undefined || lda < 0 || step === undefined || step < 0) return false;
  if (k * tileBytes > maxPanelBytes) return false;
  const rowBlocks = Math.ceil(m / rowsPerTile);
  const columnBlocks = Math.ceil(n / width);
  const runs = columnsInRuns(b.cols, width);
  const starts = runs ? columnBlocks : columnBlocks * width;
  const ldc = columnBlocks * width;

  const aSpan = spanOf(a);
  const bSpan = spanOf(b);
  const aAt = 0;
  // Tiles past the last row of A, and runs past the last column of B, read a little beyond their spans.
  const bAt = roundUp(aAt + (aSpan.length + (rowsPerTile - 1) * lda + k) * bytes, alignBytes);
  const panelBytes = k * tileBytes;
  // Packing in small groups pays where A is one block of rows that stays in cache while every group passes;
  // where A takes several, B is packed whole once and each block of rows of A reads it all.
  const tilesPerCall = Math.max(1, Math.floor(rowBlockBytes / (rowsPerTile * k * bytes)));
  const inGroups = rowBlocks <= tilesPerCall;
  const blocksPerGroup = Math.max(1, Math.floor(packedGroupBytes / panelBytes));
  const groupBlocks = inGroups ? Math.min(columnBlocks, blocksPerGroup) : columnBlocks;
  const packedAt = roundUp(bAt + (bSpan.length + width) * bytes, alignBytes);
  const cAt = roundUp(packedAt + groupBlocks * panelBytes, alignBytes);
  const matrixBytes = rowBlocks * rowsPerTile * ldc * bytes;
  const startsAt = roundUp(cAt + batch * matrixBytes, alignBytes);
  const total = startsAt + starts * 4;
  if (total > maxBytes || !wasm.reserve(total)) return false;

  const memory = double ? wasm.float64View() : wasm.float32View();
  memory.set(a.data.subarray(aSpan.low, aSpan.low + aSpan.length), aAt / bytes);
  memory.set(b.data.subarray(bSpan.low, bSpan.low + bSpan.length), bAt / bytes);
  const startTable = new Int32Array(memory.buffer, startsAt, starts);
  const firstRow = b.rows[0]!;
  for (let entry = 0; entry < starts; entry++) {
    // In lanes, a padding lane past the last column reads that column again: its products land in padding of C.
    const column = runs ? entry * width : Math.min(entry, n - 1);
    startTable[entry] = (firstRow + b.cols[column]!) * bytes;
  }

  const double01 = double ? 1 : 0;
  for (let matrix = 0; matrix < batch; matrix++) {
    const source = bAt + (b.batch[matrix]! - bSpan.low) * bytes;
    const aMatrix = aAt + (a.batch[matrix]! + a.rows[0]! + a.cols[0]! - aSpan.low) * bytes;
    const cMatrix = cAt + matrix * matrixBytes;
    for (let group = 0; group < columnBlocks; group += groupBlocks) {
      const blocks = Math.min(groupBlocks, columnBlocks - group);
      const startsOfGroup = startsAt + (runs ? group : group * width) * 4;
      if (runs) wasm.packRuns(source, startsOfGroup, step * bytes, k, blocks, packedAt);
      else wasm.packLanes(double01, source, startsOfGroup, step * bytes, k, blocks, packedAt);
      for (let tile = 0; tile < rowBlocks; tile += tilesPerCall) {
        const aRows = aMatrix + tile * rowsPerTile * lda * bytes;
        const cRows = cMatrix + tile * rowsPerTile * ldc * bytes + group * tileBytes;
        const tiles = Math.min(tilesPerCall, rowBlocks - tile);
        wasm.gemm(double01, tiles, blocks, k, aRows, lda * bytes, packedAt, tileBytes, cRows, ldc * bytes, panelBytes);
      }
    }
  }
  copyOut(c, memory, cAt / bytes, matrixBytes / bytes, ldc, m, n);
  return true;
}

/** Whether each block of `width` columns (the last one as far as it goes) is a run of neighbours in memory. */
function columnsInRuns(cols: Int32Array, width: number): boolean {
  for (let first = 0; first < cols.length; first += width) {
    const end = Math.min(cols.length, first + width);
    for (let column = first + 1; column < end; column++) if (cols[column] !== cols[first]! + column - first) return false;
  }
  return true;
}

/** The first element the view reads and how many elements from there cover all it reads. */
function spanOf(view: MatrixBatch<FloatData>): { low: number; length: number } {
  const [batchLow, batchHigh] = extremes(view.batch);
  const [rowLow, rowHigh] = extremes(view.rows);
  const [colLow, colHigh] = extremes(view.cols);
  const low = batchLow + rowLow + colLow;
  return { low, length: batchHigh + rowHigh + colHigh - low + 1 };
}

function extremes(table: Int32Array): [number, number] {
  let low = table[0]!;
  let high = low;
  for (const entry of table) {
    if (entry < low) low = entry;
    if (entry > high) high = entry;
  }
  return [low, high];
}

/**
 * Copies every matrix's m×n block (rows `ldc` apart, matrices `matrixStride` apart from `at`) out to C: in one
 * block copy when C holds the batch in that very order, else matrix by matrix.
 */
function copyOut(
  c: MatrixBatch<FloatData>,
  memory: FloatData,
  at: number,
  matrixStride: number,
  ldc: number,
  m: number,
  n: number,
): void {
  const batch = c.batch.length;
  const rowsInOrder = ldc === n && uniformStride(c.cols) === 1 && (m === 1 || uniformStride(c.rows) === n);
  const first = c.rows[0]! + c.cols[0]!;
  if (rowsInOrder && matrixStride === m * n && (batch === 1 || uniformStride(c.batch) === m * n)) {
    c.data.set(memory.subarray(at, at + batch * m * n), c.batch[0]! + first);
    return;
  }
  for (let matrix = 0; matrix < batch; matrix++) {
    const from = at + matrix * matrixStride;
    if (rowsInOrder) c.data.set(memory.subarray(from, from + m * n), c.batch[matrix]! + first);
    else unpackBlock(c.data, c.batch[matrix]!, c.rows, c.cols, memory, from, ldc);
  }
}
