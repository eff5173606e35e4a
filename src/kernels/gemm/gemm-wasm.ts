/**
 * Batched GEMM through the WebAssembly SIMD kernels of `wasm/gemm.wat`.
 *
 * Contract: `C[b] = A[b]·B[b]` for every matrix of the batch (C is overwritten; float64 or float32 storage).
 * Blocking: A and B are packed straight from their strided views into WebAssembly memory (A in panels of
 * MR = 4 rows, B in panels of NR = 4 float64 or 8 float32 columns, zero-padded to whole tiles); the module then
 * runs over depth blocks of 256 and row blocks of 32 panels (128 rows) and a 4×4 or 4×8 register tile.
 * Operands too large for one pass are cut into row and column chunks of at most 64 MiB each.
 */
import type { GemmWasm } from "../wasm/gemm-instance.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";
import { packPanels, unpackBlock } from "./gemm-pack.js";
import { roundDown, roundUp } from "../round-up.js";

const rowsPerPanel = 4;
const depthBlock = 256;
const rowPanelBlock = 32;
const defaultChunkBytes = 64 << 20;

/**
 * Float storage the WebAssembly kernels handle.
 *
 * @example
 * const data: FloatData = new Float32Array(4);
 */
export type FloatData = Float64Array | Float32Array;

/**
 * Computes `c[b] = a[b]·b[b]` with the WebAssembly kernel for the dtype of `c`, in chunks of at most
 * `chunkBytes` per packed operand. Returns false, having written nothing, when the module's memory cannot hold
 * the problem; the caller then uses another kernel.
 *
 * @example
 * const wasm = loadGemmWasm();
 * if (wasm === undefined || !gemmWasm(wasm, a, b, c)) gemmTypeScript(a, b, c);
 */
export function gemmWasm(
  wasm: GemmWasm,
  a: MatrixBatch<FloatData>,
  b: MatrixBatch<FloatData>,
  c: MatrixBatch<FloatData>,
  chunkBytes = defaultChunkBytes,
): boolean {
  const { batch, m, n, k } = gemmSizes(a, b);
  if (batch === 0 || m === 0 || n === 0) return true;
  if (k === 0) return writeZeros(c), true;
  const isDouble = c.data instanceof Float64Array;
  const elementBytes = isDouble ? 8 : 4;
  const colsPerPanel = isDouble ? 4 : 8;
  const maxElements = chunkBytes / elementBytes;
  if (k * colsPerPanel > maxElements) return false;

  let rowChunk = Math.min(roundUp(m, rowsPerPanel), Math.floor(maxElements / k / rowsPerPanel) * rowsPerPanel);
  let colChunk = Math.min(roundUp(n, colsPerPanel), Math.floor(maxElements / k / colsPerPanel) * colsPerPanel);
  if (rowChunk * colChunk > maxElements) {
    rowChunk = Math.min(rowChunk, Math.max(rowsPerPanel, roundDown(Math.sqrt(maxElements), rowsPerPanel)));
    colChunk = Math.max(colsPerPanel, roundDown(maxElements / rowChunk, colsPerPanel));
  }
  const aStart = 0;
  const bStart = roundUp(aStart + rowChunk * k * elementBytes, 64);
  const cStart = roundUp(bStart + colChunk * k * elementBytes, 64);
  if (!wasm.reserve(cStart + rowChunk * colChunk * elementBytes)) return false;
  const memory = isDouble ? wasm.float64View() : wasm.float32View();
  const kernel = isDouble ? wasm.gemmFloat64 : wasm.gemmFloat32;
  const cFirst = cStart / elementBytes;

  for (let matrix = 0; matrix < batch; matrix++) {
    const aBase = a.batch[matrix]!;
    const bBase = b.batch[matrix]!;
    const cBase = c.batch[matrix]!;
    for (let row = 0; row < m; row += rowChunk) {
      const aRows = a.rows.subarray(row, row + rowChunk);
      const paddedRows = roundUp(aRows.length, rowsPerPanel);
      packPanels(memory, aStart / elementBytes, a.data, aBase, aRows, a.cols, rowsPerPanel);
      for (let col = 0; col < n; col += colChunk) {
        const bCols = b.cols.subarray(col, col + colChunk);
        const paddedCols = roundUp(bCols.length, colsPerPanel);
        packPanels(memory, bStart / elementBytes, b.data, bBase, bCols, b.rows, colsPerPanel);
        memory.fill(0, cFirst, cFirst + paddedRows * paddedCols);
        kernel(
          paddedRows / rowsPerPanel,
          paddedCols / colsPerPanel,
          k,
          aStart,
          bStart,
          cStart,
          paddedCols * elementBytes,
          depthBlock,
          rowPanelBlock,
        );
        const cRows = c.rows.subarray(row, row + rowChunk);
        unpackBlock(c.data, cBase, cRows, c.cols.subarray(col, col + colChunk), memory, cFirst, paddedCols);
      }
    }
  }
  return true;
}

function writeZeros(c: MatrixBatch<FloatData>): void {
  for (const base of c.batch) for (const row of c.rows) for (const col of c.cols) c.data[base + row + col] = 0;
}
