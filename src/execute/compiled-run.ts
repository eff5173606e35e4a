/**
 * The executor's plan for one (spec, path): which operands are reduced on their own and to which labels, then
 * every unary and pairwise step of the path over numbered slots, each pairwise step with its kernel plan
 * (classification, offset tables). It depends only on labels and sizes, so a repeated call with the same
 * parsed equation and path reuses it and goes straight to the kernels.
 */
import { planPair, type PairPlan } from "../kernels/contract-pair.js";
import type { NormalizedSpec } from "../parse/spec.js";

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
 * @example
 * compileRun(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [[2, 3], [3, 2]], [[0, 1]]).result; //=> 2
 */
export function compileRun(
  spec: NormalizedSpec,
  shapes: readonly (readonly number[])[],
  path: readonly (readonly number[])[],
): CompiledRun {
  const { sizes } = spec;
  const labelsOf: (readonly number[])[] = [];
  const steps: (ReduceStep | PairStep)[] = [];
  let tableEntries = 0;
  const operands = spec.inputs.map((labels, index): OperandStep => {
    const shape = shapes[index] ?? [];
    const keep = spec.inputs.length === 1 ? spec.output : keptLabels(spec, labels, shape, index);
    labelsOf.push(keep);
    // A lone operand is always copied: the result is never the caller's own data.
    return { asIs: spec.inputs.length > 1 && sameOrder(labels, keep), shape, labels, keep };
  });
  const append = (step: ReduceStep | PairStep, labels: readonly number[]): number => {
    steps.push(step);
    labelsOf.push(labels);
    return labelsOf.length - 1;
  };
  const reduceTo = (slot: number, keep: readonly number[]): number => {
    const labels = labelsOf[slot] ?? [];
    if (sameOrder(labels, keep)) return slot;
    const shape = labels.map((label) => sizes[label] ?? 0);
    return append({ kind: "reduce", from: slot, shape, labels, keep }, keep);
  };

  let pending = operands.map((_, index) => index);
  for (const step of path) {
    const chosen = step.map((position) => pending[position]).filter((slot) => slot !== undefined);
    const rest = pending.filter((_, position) => !step.includes(position));
    const keepFor = (merged: readonly number[], later: readonly number[]): readonly number[] => {
      if (rest.length === 0 && later.length === 0) return spec.output;
      const needed = new Set([...spec.output, ...[...rest, ...later].flatMap((slot) => labelsOf[slot] ?? [])]);
      return [...new Set(merged.flatMap((slot) => labelsOf[slot] ?? []))].filter((label) => needed.has(label));
    };
    const [first, ...others] = chosen;
    if (first === undefined) {
      pending = rest;
      continue;
    }
    let merged = others.length === 0 ? reduceTo(first, keepFor([first], [])) : first;
    others.forEach((next, index) => {
      const keep = keepFor([merged, next], others.slice(index + 1));
      const plan = planPair(labelsOf[merged] ?? [], labelsOf[next] ?? [], keep, sizes);
      tableEntries += plan.tableEntries;
      merged = append({ kind: "pair", left: merged, right: next, plan }, plan.keep);
    });
    pending = [...rest, merged];
  }
  const [last] = pending;
  if (last === undefined || pending.length !== 1) {
    throw new RangeError(`a complete path leaves one operand, not ${pending.length}`);
  }
  const result = reduceTo(last, spec.output);
  const outputShape = spec.output.map((label) => sizes[label] ?? 0);
  return { operands, steps, result, outputShape, worthKeeping: tableEntries <= keptTableEntries };
}

/**
 * The labels an operand keeps: those the output or another operand needs, without the size-1 dimensions that
 * broadcast (the operand is constant along them), each once, in the operand's order.
 */
function keptLabels(spec: NormalizedSpec, labels: readonly number[], shape: readonly number[], index: number): number[] {
  const wanted = new Set(spec.output);
  spec.inputs.forEach((other, position) => {
    if (position !== index) for (const label of other) wanted.add(label);
  });
  return [...new Set(labels)].filter(
    (label) => wanted.has(label) && shape[labels.indexOf(label)] === spec.sizes[label],
  );
}

function sameOrder(left: readonly number[], right: readonly number[]): boolean {
  return left.length === right.length && left.every((label, at) => label === right[at]);
}
