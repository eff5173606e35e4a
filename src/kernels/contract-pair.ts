/**
 * The pairwise step: `result[keep] = Σ left·right` over every label not kept. Labels only one side holds and
 * that are not kept are summed out first (a strided reduction); the rest are batch, kept-left (rows),
 * kept-right (columns) and contracted (depth) labels, and the step becomes one batched product
 * `C[b] = A[b]·B[b]` whose operands are strided views of the inputs and whose C is the result itself, written in
 * the `keep` order through its strides. Outer and dot products run as direct loops, the Hadamard product as
 * nested strided loops (`elementwise/hadamard.ts`); the rest as a GEMM.
 *
 * The work that depends only on the labels and sizes (classification, the offset tables or loop axes, the kernel)
 * is a {@link PairPlan}, so that an executor running the same step again can keep it and skip that work.
 */
import type { DataArray } from "../tensor/dtype.js";
import { stridesOf } from "../tensor/shape.js";
import { gemm } from "./gemm/gemm.js";
import type { MatrixBatch } from "./gemm/gemm-problem.js";
import { allocateLike, labelledSize, type LabelledData } from "./labelled-data.js";
import { acquireScratch } from "./scratch-pool.js";
import { offsetTable } from "./offset-table.js";
import { classifyPair } from "./pairwise-classes.js";
import { hadamardAxes, type HadamardAxis } from "./elementwise/hadamard-axes.js";
import { hadamardStrided } from "./elementwise/hadamard.js";
import { dotLoop, outerLoop } from "./elementwise/pairwise-loops.js";
import { reduceStrided } from "./reductions/strided-reduce.js";

/** The offset tables of one strided matrix batch, without its data (see {@link MatrixBatch}). */
interface BatchTables {
  readonly batch: Int32Array;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
}

/** A sum over the labels only one side holds, run before the product. */
interface SumOut {
  readonly shape: readonly number[];
  readonly labels: readonly number[];
  readonly keep: readonly number[];
}

/**
 * Everything about a pairwise step that depends on its labels and sizes only.
 *
 * @example
 * const plan = planPair([0, 1], [1, 2], [0, 2], [2, 3, 4]); // a matrix product
 * plan.kernel; //=> "gemm"
 */
export interface PairPlan {
  /** The result's labels, in order. */
  readonly keep: readonly number[];
  /** The result's element count. */
  readonly size: number;
  readonly kernel: "empty" | "hadamard" | "dot" | "outer" | "gemm";
  /** Sums over labels only the left or the right operand holds, when there are any. */
  readonly sumLeft: SumOut | undefined;
  readonly sumRight: SumOut | undefined;
  /** Whether the right operand plays A (the rows) and the left one B. */
  readonly swap: boolean;
  /** The offset tables of the product's three views; empty for the Hadamard product, which needs none. */
  readonly a: BatchTables;
  readonly b: BatchTables;
  readonly c: BatchTables;
  /** The Hadamard product's loop axes; empty for the other kernels. */
  readonly hadamard: readonly HadamardAxis[];
  /** How many table entries the plan holds: what keeping it costs in memory. */
  readonly tableEntries: number;
}

const noTable = new Int32Array(0);
const noTables: BatchTables = { batch: noTable, rows: noTable, cols: noTable };

/**
 * Plans the pairwise step `result[keep] = Σ left·right` for operands with these labels.
 *
 * @example
 * planPair([0], [0], [], [5]).kernel; //=> "dot"
 */
export function planPair(
  left: readonly number[],
  right: readonly number[],
  keep: readonly number[],
  sizes: readonly number[],
): PairPlan {
  const size = labelledSize(keep, sizes);
  const classes = classifyPair(left, right, keep);
  const sumOut = (labels: readonly number[], summed: readonly number[]): SumOut | undefined =>
    summed.length === 0
      ? undefined
      : { shape: labels.map((label) => sizes[label] ?? 1), labels, keep: labels.filter((label) => !summed.includes(label)) };
  const sumLeft = sumOut(left, classes.summedLeft);
  const sumRight = sumOut(right, classes.summedRight);
  const empty = { keep: keep.slice(), size, kernel: "empty", sumLeft, sumRight, swap: false, a: noTables, b: noTables, c: noTables, hadamard: [], tableEntries: 0 } as const;
  if (size === 0) return empty;
  const aLabels = sumLeft?.keep ?? left;
  const bLabels = sumRight?.keep ?? right;
  const { batch, contracted } = classes;
  if (classes.keptLeft.length === 0 && classes.keptRight.length === 0 && contracted.length === 0) {
    return { ...empty, kernel: "hadamard", hadamard: hadamardAxes(aLabels, bLabels, keep, sizes) };
  }
  // Put the output's contiguous label on the column side, so C is written along its rows.
  const lastKept = keep[keep.length - 1];
  const swap = lastKept !== undefined && classes.keptLeft.includes(lastKept);
  const [rowLabels, colLabels] = swap ? [bLabels, aLabels] : [aLabels, bLabels];
  const rows = swap ? classes.keptRight : classes.keptLeft;
  const cols = swap ? classes.keptLeft : classes.keptRight;

  const rowStrides = stridesByLabel(rowLabels, sizes);
  const colStrides = stridesByLabel(colLabels, sizes);
  const outStrides = stridesByLabel(keep, sizes);
  const table = (group: readonly number[], strides: ReadonlyMap<number, number>): Int32Array =>
    offsetTable(
      group.map((label) => sizes[label] ?? 1),
      group.map((label) => strides.get(label) ?? 0),
    );
  const a = { batch: table(batch, rowStrides), rows: table(rows, rowStrides), cols: table(contracted, rowStrides) };
  const b = { batch: table(batch, colStrides), rows: table(contracted, colStrides), cols: table(cols, colStrides) };
  const c = { batch: table(batch, outStrides), rows: table(rows, outStrides), cols: table(cols, outStrides) };
  let tableEntries = 0;
  for (const tables of [a, b, c]) tableEntries += tables.batch.length + tables.rows.length + tables.cols.length;
  const kernel = rows.length === 0 && cols.length === 0 ? "dot" : contracted.length === 0 ? "outer" : "gemm";
  return { ...empty, kernel, swap, a, b, c, tableEntries };
}

/**
 * Runs a planned pairwise step on the operands' data (one dtype, row-major in the planned labels' order) and
 * returns the result's data, newly allocated or recycled from an earlier call's intermediates (`scratch-pool.ts`). The inputs are never written. A large float GEMM may use up to
 * `threads` threads. `into`, when given, is the storage the result is written to (`plan.size` elements of the
 * operands' dtype, not one of them), and is returned.
 *
 * @example
 * runPair(planPair([0, 1], [1, 2], [0, 2], [2, 3, 4]), a, b); //=> Float64Array(8) [...]
 */
export function runPair<Data extends DataArray>(plan: PairPlan, left: Data, right: Data, threads = 1, into?: Data): Data {
  if (plan.kernel === "empty") return into ?? allocateLike(left, plan.size);
  // Every kernel below writes each element of the result, so recycled storage needs no clearing.
  const out = into ?? acquireScratch(left, plan.size);
  const a = plan.sumLeft === undefined ? left : sumOut(left, plan.sumLeft);
  const b = plan.sumRight === undefined ? right : sumOut(right, plan.sumRight);
  const aView: MatrixBatch = { data: plan.swap ? b : a, ...plan.a };
  const bView: MatrixBatch = { data: plan.swap ? a : b, ...plan.b };
  const cView: MatrixBatch = { data: out, ...plan.c };
  switch (plan.kernel) {
    case "hadamard":
      hadamardStrided(plan.hadamard, a, b, out);
      break;
    case "dot":
      dotLoop(aView, bView, cView);
      break;
    case "outer":
      outerLoop(aView, bView, cView);
      break;
    default:
      gemm(aView, bView, cView, threads);
  }
  return out;
}

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
  const plan = planPair(left.labels, right.labels, keep, sizes);
  return { data: runPair(plan, left.data, right.data, threads), labels: plan.keep.slice() };
}

function sumOut<Data extends DataArray>(data: Data, sum: SumOut): Data {
  const sizes: number[] = [];
  sum.labels.forEach((label, axis) => (sizes[label] = sum.shape[axis]!));
  return reduceStrided(data, sum.shape, sum.labels, sum.keep, sizes).data;
}

function stridesByLabel(labels: readonly number[], sizes: readonly number[]): Map<number, number> {
  const strides = stridesOf(labels.map((label) => sizes[label] ?? 1));
  return new Map(labels.map((label, axis) => [label, strides[axis]!]));
}
