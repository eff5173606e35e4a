/**
 * Packing for the GEMM kernels. An operand is copied, straight from its strided view, into panels of `width`
 * lanes: panel `q` holds, for each depth step `p`, the `width` values at lanes `q·width + r`; lanes past the
 * end are zero, so the micro-kernels only ever see whole tiles. A is packed across its rows (width MR) and along
 * its columns; B across its columns (width NR) and along its rows.
 */
import type { DataArray } from "../../tensor/dtype.js";
import { uniformStride } from "../offset-table.js";
import type { MatrixBatch } from "./gemm-problem.js";

/**
 * Storage a kernel packs into: its own scratch or a view of WebAssembly memory.
 *
 * @example
 * const target: PackTarget = new Float64Array(64);
 */
export type PackTarget = Float64Array | Float32Array | Int32Array;

/**
 * Packs `source[base + across[lane] + along[p]]` into panels of `width` lanes at `target[start…]`.
 *
 * @example
 * // the rows of the 2×2 matrix [[1, 2], [3, 4]] in one panel of width 4: 1 3 0 0 | 2 4 0 0
 * packPanels(target, 0, Float64Array.of(1, 2, 3, 4), 0, Int32Array.of(0, 2), Int32Array.of(0, 1), 4);
 */
export function packPanels(
  target: PackTarget,
  start: number,
  source: DataArray,
  base: number,
  across: Int32Array,
  along: Int32Array,
  width: number,
): void {
  const depth = along.length;
  const lanes = across.length;
  const panels = Math.ceil(lanes / width);
  const panelSize = width * depth;
  const alongStride = uniformStride(along);
  const alongStart = along[0] ?? 0;
  const acrossStride = uniformStride(across);
  if (acrossStride !== undefined && (alongStride === undefined || Math.abs(acrossStride) < Math.abs(alongStride))) {
    // The lanes are the closer neighbours in memory: read whole rows of lanes, one depth step at a time, so
    // the reads stay in order and the writes go to one open line per panel.
    const acrossStart = base + (across[0] ?? 0);
    for (let p = 0; p < depth; p++) {
      let read = acrossStart + (alongStride !== undefined ? alongStart + p * alongStride : along[p]!);
      let write = start + p * width;
      for (let panel = 0; panel < panels; panel++, write += panelSize) {
        const full = Math.min(width, lanes - panel * width);
        let r = 0;
        for (; r < full; r++, read += acrossStride) target[write + r] = source[read]!;
        for (; r < width; r++) target[write + r] = 0;
      }
    }
    return;
  }
  if (acrossStride === undefined && lanes > 1 && across[1]! - across[0]! === 1 && alongStride !== 1) {
    // Lanes from several axes whose innermost is contiguous (the columns (j, l) of a jkl operand): still read a
    // row of lanes per depth step, through the table, rather than one strided column per lane.
    for (let p = 0; p < depth; p++) {
      const row = base + (alongStride !== undefined ? alongStart + p * alongStride : along[p]!);
      let write = start + p * width;
      for (let panel = 0; panel < panels; panel++, write += panelSize) {
        const first = panel * width;
        const full = Math.min(width, lanes - first);
        let r = 0;
        for (; r < full; r++) target[write + r] = source[row + across[first + r]!]!;
        for (; r < width; r++) target[write + r] = 0;
      }
    }
    return;
  }
  for (let panel = 0; panel < panels; panel++) {
    const panelStart = start + panel * panelSize;
    for (let r = 0; r < width; r++) {
      const lane = panel * width + r;
      let write = panelStart + r;
      if (lane >= lanes) {
        for (let p = 0; p < depth; p++, write += width) target[write] = 0;
        continue;
      }
      const laneBase = base + (across[lane] ?? 0);
      if (alongStride !== undefined) {
        let read = laneBase + alongStart;
        for (let p = 0; p < depth; p++, write += width, read += alongStride) target[write] = source[read]!;
      } else {
        for (let p = 0; p < depth; p++, write += width) target[write] = source[laneBase + along[p]!]!;
      }
    }
  }
}

/** Rows at least this long are copied out with `TypedArray.prototype.set` rather than element by element. */
const blockCopyLength = 64;

/**
 * Copies the m×n block at the top left of a row-major buffer (`stride` elements between rows) into
 * `target[base + rows[i] + cols[j]]`.
 *
 * @example
 * // write a 2×2 result transposed into a row-major 2×2 array
 * unpackBlock(result, 0, Int32Array.of(0, 1), Int32Array.of(0, 2), buffer, 0, 4);
 */
export function unpackBlock(
  target: DataArray,
  base: number,
  rows: Int32Array,
  cols: Int32Array,
  buffer: PackTarget,
  bufferStart: number,
  stride: number,
): void {
  const n = cols.length;
  const colStride = uniformStride(cols);
  const colStart = cols[0] ?? 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBase = base + (rows[i] ?? 0);
    let read = bufferStart + i * stride;
    if (colStride === 1 && n >= blockCopyLength) {
      // A long contiguous row is one block copy, which converts like an element-wise store and runs at memory
      // speed; the element loop over these mixed array types stays polymorphic.
      target.set(buffer.subarray(read, read + n), rowBase + colStart);
    } else if (colStride !== undefined) {
      let write = rowBase + colStart;
      for (let j = 0; j < n; j++, write += colStride) target[write] = buffer[read++]!;
    } else {
      for (let j = 0; j < n; j++) target[rowBase + cols[j]!] = buffer[read++]!;
    }
  }
}

/**
 * Gathers one matrix of a batch row-major: `memory[at + p·ld + j] = M[p][j]`, and zero for `cols ≤ j < ld`, its rows
 * `ld` apart.
 *
 * @example
 * // the 2×2 matrix [[1, 2], [3, 4]], stored transposed, into rows of 3 (the last lane zero): 1 2 0 3 4 0
 * gatherRows(memory, 0, { data: Float64Array.of(1, 3, 2, 4), batch: Int32Array.of(0), rows: Int32Array.of(0, 1), cols: Int32Array.of(0, 2) }, 0, 3);
 */
export function gatherRows(memory: PackTarget, at: number, matrix: MatrixBatch, index: number, ld: number): void {
  const source = matrix.data;
  const base = matrix.batch[index]!;
  const n = matrix.cols.length;
  for (let p = 0; p < matrix.rows.length; p++) {
    const row = base + matrix.rows[p]!;
    let write = at + p * ld;
    for (let j = 0; j < n; j++) memory[write++] = source[row + matrix.cols[j]!]!;
    memory.fill(0, write, at + (p + 1) * ld);
  }
}
