/**
 * The executor's plan for one (spec, path): which operands are reduced on their own and to which labels, then
 * every unary and pairwise step of the path over numbered slots, each pairwise step with its kernel plan
 * (classification, offset tables). It depends only on labels and sizes, so a repeated call with the same
 * parsed equation and path reuses it and goes straight to the kernels.
 */
import { planPair, type PairPlan } from "../kernels/contract-pair.js";
import { labelledSize } from "../kernels/labelled-data.js";
import type { NormalizedSpec } from "../parse/spec.js";
import { checkElements } from "./limits.js";

/**
 * A strided reduction (diagonal, sum-out, permutation) of the data in slot `from`, appended as a new slot.
 *
 * @example
 * const transpose: ReduceStep = { kind: "reduce", from: 0, shape: [2, 3], labels: [0, 1], keep: [1, 0] };
 */
export interface ReduceStep {
  readonly kind: "reduce";
  readonly from: number;
  readonly shape: readonly number[];
  readonly labels: readonly number[];
  readonly keep: readonly number[];
}

/**
 * A pairwise contraction of the data in slots `left` and `right`, appended as a new slot.
 *
 * @example
 * const product: PairStep = { kind: "pair", left: 0, right: 1, plan: planPair([0, 1], [1, 2], [0, 2], sizes) };
 */
export interface PairStep {
  readonly kind: "pair";
  readonly left: number;
  readonly right: number;
  readonly plan: PairPlan;
}

/**
 * How one operand enters the run: as it is (its labels already the ones it keeps, in order), or reduced.
 *
 * @example
 * const prepared: OperandStep = { asIs: true, shape: [2, 3], labels: [0, 1], keep: [0, 1] };
 */
export interface OperandStep {
  readonly asIs: boolean;
  readonly shape: readonly number[];
  readonly labels: readonly number[];
  readonly keep: readonly number[];
}

/**
 * The whole plan: slots 0 to n − 1 hold the prepared operands; each step appends one slot; `result` is the slot
 * that holds the output, in the output's label order. Every slot but the result is read by exactly one step.
 *
 * @example
 * compileRun(spec, [[2, 3], [3, 4]], [[0, 1]]).steps.length; //=> 1 for a matrix product
 */
export interface CompiledRun {
  readonly operands: readonly OperandStep[];
  readonly steps: readonly (ReduceStep | PairStep)[];
  readonly result: number;
  readonly outputShape: readonly number[];
  /** Whether the plan is small enough to keep: its offset tables are in proportion to the operands' sizes. */
  readonly worthKeeping: boolean;
  /** The element count of the largest array the run allocates, checked against `maxElements` on every call. */
  readonly largest: number;
  /** The labels each slot holds, in order. */
  readonly labelsOf: readonly (readonly number[])[];
}

/** Plans whose offset tables hold more entries than this are rebuilt on every call instead of kept. */
const keptTableEntries = 1 << 16;

/**
 * Plans the execution of `path` (opt_einsum's linear format) over operands of these shapes. Each operand is
 * first reduced on its own (diagonals, labels no one else needs, broadcast size-1 dimensions); each step of the
 * path contracts its operands pairwise from the left and appends the result, keeping the labels still needed by
 * the output, the operands outside the step, or the step's operands not yet contracted; the last step writes
 * the output's label order.
 *
 * Every array the run will allocate is sized here, before any offset table is built: one past `maxElements`
 * throws `TOO_LARGE`, naming the step. The work is linear in the number of operands and steps: the operands
 * still pending are counted per label, and a path position is found in a Fenwick tree of the pending list.
 *
 * @example
 * compileRun(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [[2, 3], [3, 2]], [[0, 1]]).result; //=> 2
 */
export function compileRun(
  spec: NormalizedSpec,
  shapes: readonly (readonly number[])[],
  path: readonly (readonly number[])[],
  maxElements?: number,
): CompiledRun {
  const { sizes } = spec;
  const isOutput = new Set(spec.output);
  const labelsOf: (readonly number[])[] = [];
  const steps: (ReduceStep | PairStep)[] = [];
  let tableEntries = 0;
  let largest = 0;
  const sized = (labels: readonly number[], describe: () => string): void => {
    const elements = labelledSize(labels, sizes);
    if (elements > largest) largest = elements;
    if (maxElements !== undefined && elements > maxElements) checkElements(describe(), elements, maxElements);
  };
  const inputCounts = countLabels(spec.inputs);
  const operands = spec.inputs.map((labels, index): OperandStep => {
    const shape = shapes[index] ?? [];
    const keep = spec.inputs.length === 1 ? spec.output : keptLabels(spec, labels, shape, inputCounts, isOutput);
    labelsOf.push(keep);
    // A lone operand is always copied: the result is never the caller's own data.
    const asIs = spec.inputs.length > 1 && sameOrder(labels, keep);
    if (!asIs) sized(keep, () => (spec.inputs.length === 1 ? "the result" : `the reduction of operand ${index}`));
    return { asIs, shape, labels, keep };
  });
  const append = (step: ReduceStep | PairStep, labels: readonly number[]): number => {
    steps.push(step);
    labelsOf.push(labels);
    return labelsOf.length - 1;
  };
  const reduceTo = (slot: number, keep: readonly number[], pathStep?: number): number => {
    const labels = labelsOf[slot] ?? [];
    if (sameOrder(labels, keep)) return slot;
    sized(keep, () => (keep === spec.output ? "the result" : `the reduction of path step ${pathStep ?? 0}`));
    const shape = labels.map((label) => sizes[label] ?? 0);
    return append({ kind: "reduce", from: slot, shape, labels, keep }, keep);
  };

  const pending = new PendingList(operands.length + path.length);
  operands.forEach((_, slot) => pending.push(slot));
  // How many pending slots hold each label: a label is still needed while one does, or the output has it.
  // Counts and marks live in arrays indexed by label, so a step allocates nothing in proportion to the network.
  const pendingCounts = new Int32Array(sizes.length);
  const laterCounts = new Int32Array(sizes.length);
  const seenMarks = new Int32Array(sizes.length);
  let mark = 0;
  const count = (slot: number, change: number): void => {
    for (const label of labelsOf[slot] ?? []) pendingCounts[label] = pendingCounts[label]! + change;
  };
  operands.forEach((_, slot) => count(slot, 1));
  path.forEach((step, stepIndex) => {
    const chosen = pending.take(step);
    for (const slot of chosen) count(slot, -1);
    const [first, ...others] = chosen;
    if (first === undefined) return;
    // Each of `others` adds its labels here and takes them away when it is merged, so the counts end at zero.
    for (const slot of others) for (const label of labelsOf[slot] ?? []) laterCounts[label] = laterCounts[label]! + 1;
    let later = others.length;
    const keepFor = (slots: readonly number[]): readonly number[] => {
      if (pending.length === 0 && later === 0) return spec.output;
      const kept: number[] = [];
      mark += 1;
      for (const slot of slots) {
        for (const label of labelsOf[slot] ?? []) {
          if (seenMarks[label] === mark) continue;
          seenMarks[label] = mark;
          if (isOutput.has(label) || pendingCounts[label]! > 0 || laterCounts[label]! > 0) kept.push(label);
        }
      }
      return kept;
    };
    let merged = others.length === 0 ? reduceTo(first, keepFor([first]), stepIndex) : first;
    for (const next of others) {
      later -= 1;
      for (const label of labelsOf[next] ?? []) laterCounts[label] = laterCounts[label]! - 1;
      const keep = keepFor([merged, next]);
      sized(keep, () => {
        const step = `${describeLabels(spec, labelsOf[merged] ?? [])},${describeLabels(spec, labelsOf[next] ?? [])}->${describeLabels(spec, keep)}`;
        return keep === spec.output ? `the result (${step})` : `the intermediate of path step ${stepIndex} (${step})`;
      });
      const plan = planPair(labelsOf[merged] ?? [], labelsOf[next] ?? [], keep, sizes);
      tableEntries += plan.tableEntries;
      merged = append({ kind: "pair", left: merged, right: next, plan }, plan.keep);
    }
    pending.push(merged);
    count(merged, 1);
  });
  if (pending.length !== 1) {
    throw new RangeError(`a complete path leaves one operand, not ${pending.length}`);
  }
  const result = reduceTo(pending.take([0])[0]!, spec.output);
  const outputShape = spec.output.map((label) => sizes[label] ?? 0);
  return { operands, steps, result, outputShape, largest, labelsOf, worthKeeping: tableEntries <= keptTableEntries };
}

/** How many operands hold each label (a label repeated inside one operand counts once). */
function countLabels(inputs: readonly (readonly number[])[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const labels of inputs) {
    for (const label of new Set(labels)) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

/**
 * The labels an operand keeps: those the output or another operand needs, without the size-1 dimensions that
 * broadcast (the operand is constant along them), each once, in the operand's order.
 */
function keptLabels(
  spec: NormalizedSpec,
  labels: readonly number[],
  shape: readonly number[],
  inputCounts: ReadonlyMap<number, number>,
  isOutput: ReadonlySet<number>,
): number[] {
  const own = new Set(labels);
  return [...own].filter(
    (label) =>
      (isOutput.has(label) || (inputCounts.get(label) ?? 0) > 1) && shape[labels.indexOf(label)] === spec.sizes[label],
  );
}

/** A step's labels as the equation would spell them, for messages. */
function describeLabels(spec: NormalizedSpec, labels: readonly number[]): string {
  return labels.map((label) => spec.labelNames[label] ?? String(label)).join("");
}

/**
 * The operands still to contract, in opt_einsum's order (positions count the pending list; results go to its
 * end). A Fenwick tree over every entry ever pushed finds the slot at a position in logarithmic time, so a path
 * of n steps costs O(n log n), not O(n²).
 */
class PendingList {
  private readonly tree: Int32Array;
  private readonly slots: number[] = [];
  length = 0;

  constructor(capacity: number) {
    this.tree = new Int32Array(capacity + 2);
  }

  push(slot: number): void {
    this.slots.push(slot);
    this.update(this.slots.length, 1);
    this.length += 1;
  }

  /** Removes the entries at these positions (positions before any removal) and returns their slots in order. */
  take(positions: readonly number[]): number[] {
    const entries = positions.map((position) => (position >= 0 && position < this.length ? this.find(position + 1) : 0));
    const slots: number[] = [];
    const taken = new Set<number>();
    for (const entry of entries) {
      if (entry === 0 || taken.has(entry)) continue;
      taken.add(entry);
      slots.push(this.slots[entry - 1]!);
      this.update(entry, -1);
      this.length -= 1;
    }
    return slots;
  }

  private update(entry: number, change: number): void {
    for (let at = entry; at < this.tree.length; at += at & -at) this.tree[at]! += change;
  }

  /** The smallest entry with `rank` live entries up to it. */
  private find(rank: number): number {
    let at = 0;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      if (at + step < this.tree.length && this.tree[at + step]! < rank) {
        at += step;
        rank -= this.tree[at]!;
      }
    }
    return at + 1;
  }
}

function sameOrder(left: readonly number[], right: readonly number[]): boolean {
  return left.length === right.length && left.every((label, at) => label === right[at]);
}
