/**
 * The pairwise step: `result[keep] = Σ left·right` over every label not kept. Labels only one side holds and
 * that are not kept are summed out first (a strided reduction); the rest are batch, kept-left (rows),
 * kept-right (columns) and contracted (depth) labels, and the step becomes one batched product
 * `C[b] = A[b]·B[b]` whose operands are strided views of the inputs and whose C is the result itself, written in
 * the `keep` order through its strides. Hadamard, outer and dot products run as direct loops; the rest as a GEMM.
 */
import type { DataArray } from "../tensor/dtype.js";
import { gemm } from "./gemm.js";
import type { MatrixBatch } from "./gemm-problem.js";
import { allocateLike, labelledSize, type LabelledData } from "./labelled-data.js";
import { offsetTable, rowMajorStrides } from "./offset-table.js";
import { classifyPair } from "./pairwise-classes.js";
import { dotLoop, hadamardLoop, outerLoop } from "./pairwise-loops.js";
import { reduceStrided } from "./strided-reduce.js";

/**
 * Contracts two labelled row-major arrays of one dtype; the result holds the labels `keep` in that order.
 * The inputs are never written. A large float GEMM may use up to `threads` threads (1 by default).
 *
 * @example
 * // matrix product "ik,kj->ij" with i = 2, k = 3, j = 4 (labels i = 0, k = 1, j = 2)
 * contractLabelled({ data: a, labels: [0, 1] }, { data: b, labels: [1, 2] }, [0, 2], [2, 3, 4]);
 * //=> { data: Float64Array(8) [...], labels: [0, 2] }
 */
export function contractLabelled<Data extends DataArray>(
  left: LabelledData<Data>,
  right: LabelledData<Data>,
  keep: readonly number[],
  sizes: readonly number[],
  threads = 1,
): LabelledData<Data> {
  const out = allocateLike(left.data, labelledSize(keep, sizes));
  const result = { data: out, labels: keep.slice() };
  if (out.length === 0) return result;

  const classes = classifyPair(left.labels, right.labels, keep);
  const a = sumOut(left, classes.summedLeft, sizes);
  const b = sumOut(right, classes.summedRight, sizes);
  const { batch, contracted } = classes;
  // Put the output's contiguous label on the column side, so C is written along its rows.
  const lastKept = keep[keep.length - 1];
  const swap = lastKept !== undefined && classes.keptLeft.includes(lastKept);
  const [rowSide, colSide] = swap ? [b, a] : [a, b];
  const rows = swap ? classes.keptRight : classes.keptLeft;
  const cols = swap ? classes.keptLeft : classes.keptRight;

  const rowStrides = stridesByLabel(rowSide.labels, sizes);
  const colStrides = stridesByLabel(colSide.labels, sizes);
  const outStrides = stridesByLabel(keep, sizes);
  const table = (group: readonly number[], strides: ReadonlyMap<number, number>): Int32Array =>
    offsetTable(
      group.map((label) => sizes[label] ?? 1),
      group.map((label) => strides.get(label) ?? 0),
    );
  const aView: MatrixBatch = {
    data: rowSide.data,
    batch: table(batch, rowStrides),
    rows: table(rows, rowStrides),
    cols: table(contracted, rowStrides),
  };
  const bView: MatrixBatch = {
    data: colSide.data,
    batch: table(batch, colStrides),
    rows: table(contracted, colStrides),
    cols: table(cols, colStrides),
  };
  const cView: MatrixBatch = {
    data: out,
    batch: table(batch, outStrides),
    rows: table(rows, outStrides),
    cols: table(cols, outStrides),
  };
  if (rows.length === 0 && cols.length === 0) {
    if (contracted.length === 0) hadamardLoop(aView, bView, cView);
    else dotLoop(aView, bView, cView);
  } else if (contracted.length === 0) {
    outerLoop(aView, bView, cView);
  } else {
    gemm(aView, bView, cView, threads);
  }
  return result;
}

function sumOut<Data extends DataArray>(
  operand: LabelledData<Data>,
  summed: readonly number[],
  sizes: readonly number[],
): LabelledData<Data> {
  if (summed.length === 0) return operand;
  const shape = operand.labels.map((label) => sizes[label] ?? 1);
  const keep = operand.labels.filter((label) => !summed.includes(label));
  return reduceStrided(operand.data, shape, operand.labels, keep, sizes);
}

function stridesByLabel(labels: readonly number[], sizes: readonly number[]): Map<number, number> {
  const strides = rowMajorStrides(labels.map((label) => sizes[label] ?? 1));
  return new Map(labels.map((label, axis) => [label, strides[axis]!]));
}
