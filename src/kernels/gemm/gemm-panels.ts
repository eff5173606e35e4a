/**
 * The blocked loop of both TypeScript GEMMs (float, summed in float64, and int32, wrapping): A and B are packed
 * from their strided views into panels of 4 rows and 4 columns (zero-padded), then depth blocks of 256 run over
 * every 4×4 tile, which the kernel's own `addTile` adds into C's block, before C is written back.
 */
import { packPanels, unpackBlock } from "./gemm-pack.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";

/**
 * Rows and columns of a packed panel, and of the tile that `addTile` computes.
 *
 * @example
 * panelTile; //=> 4
 */
export const panelTile = 4;
const depthBlock = 256;

/**
 * Adds the product of one row panel and one column panel over `depth` steps into the 4×4 block at `c` (rows `ldc`
 * apart), all within `work`.
 *
 * @example
 * const addTile: TileAdder<Float64Array> = (work, a, b, depth, c) => { work[c] = work[c]! + work[a]! * work[b]!; };
 */
export type TileAdder<Work extends Float64Array | Int32Array> = (
  work: Work,
  a: number,
  b: number,
  depth: number,
  c: number,
  ldc: number,
) => void;

/**
 * Computes `c[b] = a[b]·b[b]` in panels, in a work array from `workOf` (given the elements it must hold), with
 * `addTile` for the arithmetic.
 *
 * @example
 * multiplyInPanels(a, b, c, (elements) => new Float64Array(elements), addFloatTile);
 */
export function multiplyInPanels<Work extends Float64Array | Int32Array>(
  a: MatrixBatch,
  b: MatrixBatch,
  c: MatrixBatch,
  workOf: (elements: number) => Work,
  addTile: TileAdder<Work>,
): void {
  const { batch, m, n, k } = gemmSizes(a, b);
  if (batch === 0 || m === 0 || n === 0) return;
  const rowPanels = Math.ceil(m / panelTile);
  const colPanels = Math.ceil(n / panelTile);
  const bStart = rowPanels * panelTile * k;
  const cStart = bStart + colPanels * panelTile * k;
  const ldc = colPanels * panelTile;
  const needed = cStart + rowPanels * panelTile * ldc;
  const work = workOf(needed);
  for (let matrix = 0; matrix < batch; matrix++) {
    packPanels(work, 0, a.data, a.batch[matrix]!, a.rows, a.cols, panelTile);
    packPanels(work, bStart, b.data, b.batch[matrix]!, b.cols, b.rows, panelTile);
    work.fill(0, cStart, needed);
    for (let depth = 0; depth < k; depth += depthBlock) {
      const block = Math.min(depthBlock, k - depth);
      for (let colPanel = 0; colPanel < colPanels; colPanel++) {
        const bPanel = bStart + (colPanel * k + depth) * panelTile;
        for (let rowPanel = 0; rowPanel < rowPanels; rowPanel++) {
          const aPanel = (rowPanel * k + depth) * panelTile;
          addTile(work, aPanel, bPanel, block, cStart + rowPanel * panelTile * ldc + colPanel * panelTile, ldc);
        }
      }
    }
    unpackBlock(c.data, c.batch[matrix]!, c.rows, c.cols, work, cStart, ldc);
  }
}
