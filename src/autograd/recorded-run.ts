/**
 * The recorded run of an einsum: a forward pass that keeps every intermediate of the compiled plan, and the
 * backward pass that walks the plan once in reverse (see `einsum-recorded.ts`). Sliced runs use both per slice.
 */
import { castData } from "../execute/cast.js";
import type { PairStep, CompiledRun } from "../execute/compiled-run.js";
import { checkMaxElements } from "../execute/limits.js";
import type { Operand } from "../execute/operand.js";
import { compiledRun } from "../execute/run-path.js";
import { planPair, runPair, type PairPlan } from "../kernels/contract-pair.js";
import { reduceStrided } from "../kernels/reductions/strided-reduce.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { DataArray, DTypeName } from "../tensor/dtype.js";
import { expandReduced } from "./expand-reduced.js";
import { requiresGrad } from "./graph.js";

/**
 * Which operands of a call a backward pass computes gradients for: those the engine needs that require grad.
 *
 * @example
 * neededOperands([leaf, constant], [true, true]); //=> [true, false]
 */
export function neededOperands(operands: readonly unknown[], needed: readonly boolean[]): boolean[] {
  return operands.map((operand, index) => needed[index] === true && requiresGrad(operand));
}

/**
 * The forward pass of an einsum kept for its backward pass: the compiled run, and every slot's data (the operands
 * in `dtype` after their own reductions, then each step's result).
 *
 * @example
 * const { run, slots } = forwardKeeping(spec, operands, [[0, 1]], "float64");
 * slots[run.result]; // the result's data
 */
export function forwardKeeping(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  path: readonly (readonly number[])[],
  dtype: DTypeName,
  threads = 1,
  maxElements = checkMaxElements(undefined),
  observe?: (elements: number) => void,
): { run: CompiledRun; slots: DataArray[] } {
  const run = compiledRun(spec, operands, path, maxElements);
  const slots: DataArray[] = run.operands.map((prepared, index) => {
    const data = castData(operands[index]!.data, dtype);
    return prepared.asIs ? data : reduceStrided(data, prepared.shape, prepared.labels, prepared.keep, spec.sizes).data;
  });
  for (const step of run.steps) {
    slots.push(
      step.kind === "reduce"
        ? reduceStrided(slots[step.from]!, step.shape, step.labels, step.keep, spec.sizes).data
        : runPair(step.plan, slots[step.left]!, slots[step.right]!, threads),
    );
    observe?.(slots[slots.length - 1]!.length);
  }
  return { run, slots };
}

/**
 * Carries the output's gradient back through the run's steps, then through each operand's own reduction: the
 * gradient of each operand marked `needed` (zeros where the output does not depend on it), `undefined` for the
 * others. `observe` is told the element count of each intermediate's gradient (not the operands').
 *
 * @example
 * const { run, slots } = forwardKeeping(spec, operands, [[0, 1]], "float64");
 * backwardThroughRun(run, spec, slots, outputGradient, [true, false], 1); //=> [gradient of operand 0, undefined]
 */
export function backwardThroughRun(
  run: CompiledRun,
  spec: NormalizedSpec,
  slots: readonly DataArray[],
  gradient: DataArray,
  needed: readonly boolean[],
  threads: number,
  observe?: (elements: number) => void,
): (DataArray | undefined)[] {
  const operandCount = run.operands.length;
  const wanted = slotsLeadingTo(run, needed);
  const labelsOf = slotLabels(run);
  const slotGradients: (DataArray | undefined)[] = new Array(slots.length);
  slotGradients[run.result] = gradient;
  const add = (slot: number, data: DataArray): void => {
    if (slot >= operandCount) observe?.(data.length);
    const earlier = slotGradients[slot];
    if (earlier === undefined) {
      slotGradients[slot] = data;
      return;
    }
    const sum = earlier === gradient ? earlier.slice() : earlier;
    for (let index = 0; index < sum.length; index++) sum[index] = sum[index]! + data[index]!;
    slotGradients[slot] = sum;
  };
  for (let index = run.steps.length - 1; index >= 0; index--) {
    const step = run.steps[index]!;
    const outgoing = slotGradients[operandCount + index];
    if (outgoing === undefined) continue;
    if (step.kind === "reduce") {
      if (wanted[step.from]) add(step.from, expandReduced(outgoing, step.keep, spec.sizes, step.shape, step.labels));
      continue;
    }
    const plans = pairGradientPlans(step, labelsOf, spec.sizes);
    if (wanted[step.left]) add(step.left, throughPair(plans.left, outgoing, slots[step.right]!, threads));
    if (wanted[step.right]) add(step.right, throughPair(plans.right, outgoing, slots[step.left]!, threads));
  }
  return run.operands.map((prepared, index) => {
    const reaching = slotGradients[index];
    if (!needed[index]) return undefined;
    const shape = prepared.shape;
    if (reaching === undefined) return new Float64Array(shape.reduce((product, size) => product * size, 1));
    return prepared.asIs ? reaching : expandReduced(reaching, prepared.keep, spec.sizes, shape, prepared.labels);
  });
}

/** Which slots lead to an operand that needs a gradient: only their gradients are computed. */
function slotsLeadingTo(run: CompiledRun, needed: readonly boolean[]): boolean[] {
  const wanted = run.operands.map((_, index) => needed[index] === true);
  for (const step of run.steps) {
    wanted.push(step.kind === "reduce" ? wanted[step.from]! : wanted[step.left]! || wanted[step.right]!);
  }
  return wanted;
}

/** The gradient of one side of a pairwise step: a product into the side's labels, then a broadcast over labels it summed alone. */
interface SideGradient {
  readonly plan: PairPlan;
  readonly labels: readonly number[];
  readonly reached: readonly number[];
  readonly sizes: readonly number[];
}

const gradientPlans = new WeakMap<PairStep, { left: SideGradient; right: SideGradient }>();

/** Each slot's labels, in order: a prepared operand's kept labels, then each step's result labels. */
function slotLabels(run: CompiledRun): (readonly number[])[] {
  const labels = run.operands.map((prepared) => prepared.keep);
  for (const step of run.steps) labels.push(step.kind === "reduce" ? step.keep : step.plan.keep);
  return labels;
}

function pairGradientPlans(
  step: PairStep,
  labelsOf: readonly (readonly number[])[],
  sizes: readonly number[],
): { left: SideGradient; right: SideGradient } {
  let plans = gradientPlans.get(step);
  if (plans === undefined) {
    const left = labelsOf[step.left] ?? [];
    const right = labelsOf[step.right] ?? [];
    const keep = step.plan.keep;
    plans = { left: sideGradient(left, right, keep, sizes), right: sideGradient(right, left, keep, sizes) };
    gradientPlans.set(step, plans);
  }
  return plans;
}

function sideGradient(own: readonly number[], other: readonly number[], keep: readonly number[], sizes: readonly number[]): SideGradient {
  // A label of this side that neither the result nor the other side holds was summed here alone: it comes back by broadcasting.
  const reached = own.filter((label) => keep.includes(label) || other.includes(label));
  return { plan: planPair(keep, other, reached, sizes), labels: own, reached, sizes };
}

function throughPair(side: SideGradient, outgoing: DataArray, other: DataArray, threads: number): DataArray {
  const product = runPair(side.plan, outgoing, other, threads);
  if (side.reached.length === side.labels.length) return product;
  return expandReduced(product, side.reached, side.sizes, side.labels.map((label) => side.sizes[label] ?? 1), side.labels);
}
