import { stepCost } from "./cost-model.js";
import { sizeOfLabels, type LabelSet } from "./label-set.js";
import type { LinearPath, SsaPath } from "./network.js";
import type { Problem } from "./problem.js";
import { ssaToLinear } from "./ssa.js";

/**
 * A finished plan: the path in linear format, with the single-operand reductions that lower its cost, and the cost.
 *
 * @example
 * const plan: Plan = { path: [[0, 1]], flops: 48 };
 */
export interface Plan {
  readonly path: LinearPath;
  readonly flops: number;
}

/**
 * Turns a search's SSA path (multi-operand steps over the inputs) into a plan: walks the steps, decides for each
 * untouched input whether summing its own labels first lowers the cost of its first step, and prices the result.
 *
 * @example
 * const problem = prepareProblem({ inputs: [[0, 1], [2, 3], [4, 5]], output: [0, 2, 3, 5], sizes: [2, 3, 4, 5, 4, 3] });
 * planFromSsa(problem, [[0, 2], [1, 3]]);
 * //=> { path: [[0], [1], [1, 2], [0, 1]], flops: 162 }
 */
export function planFromSsa(problem: Problem, ssa: SsaPath): Plan {
  const { operandCount, sizes, isOutput } = problem;
  const labelsOf: LabelSet[] = [...problem.inputs];
  const untouched = new Uint8Array(operandCount).fill(1);
  const counts = new Uint32Array(problem.labelCount);
  for (const labels of problem.inputs) for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const rename = Array.from({ length: operandCount }, (_, id) => id);
  const emitted: number[][] = [];
  let nextEmitted = operandCount;
  let flops = 0;

  ssa.forEach((step) => {
    const operands = step.map((id) => labelsOf[id] as LabelSet);
    for (const labels of operands) for (const label of labels) counts[label] = (counts[label] ?? 0) - 1;
    const union = new Set<number>();
    for (const labels of operands) for (const label of labels) union.add(label);
    const result = [...union].filter((label) => isOutput[label] === 1 || (counts[label] ?? 0) > 0).sort((a, b) => a - b);
    for (const label of result) counts[label] = (counts[label] ?? 0) + 1;
    const reducible = step.filter((id) => id < operandCount && untouched[id] === 1 && problem.reducible[id] === true);
    const choice = cheapestReductions(problem, step, operands, reducible, result.length);
    for (const id of choice.reduced) {
      emitted.push([rename[id] as number]);
      rename[id] = nextEmitted++;
    }
    flops += choice.cost;
    for (const id of step) if (id < operandCount) untouched[id] = 0;
    emitted.push(step.map((id) => rename[id] as number));
    rename.push(nextEmitted++);
    labelsOf.push(result);
  });
  if (ssa.length === 0 && operandCount === 1) {
    emitted.push([0]);
    const labels = problem.inputs[0] as LabelSet;
    const result = labels.filter((label) => isOutput[label] === 1);
    flops += stepCost(sizeOfLabels(labels, sizes), 1, result.length < labels.length);
  }
  return { path: ssaToLinear(emitted, operandCount), flops };
}

/**
 * The subset of a step's reducible inputs whose reduction makes the step cheapest, and that cost (the reductions
 * included). Up to four reducible operands are tried in every combination, more only all or none.
 */
function cheapestReductions(
  problem: Problem,
  step: readonly number[],
  operands: readonly LabelSet[],
  reducible: readonly number[],
  resultCount: number,
): { cost: number; reduced: number[] } {
  const candidates: number[][] = [[]];
  if (reducible.length <= 4) {
    for (let mask = 1; mask < 1 << reducible.length; mask++) {
      candidates.push(reducible.filter((_, bit) => (mask >> bit) & 1));
    }
  } else {
    candidates.push([...reducible]);
  }
  let best = { cost: Infinity, reduced: [] as number[] };
  for (const reduced of candidates) {
    const union = new Set<number>();
    let cost = 0;
    step.forEach((id, index) => {
      const isReduced = reduced.includes(id);
      if (isReduced) cost += problem.reductionCost[id] as number;
      const labels = isReduced ? (problem.kept[id] as LabelSet) : (operands[index] as LabelSet);
      for (const label of labels) union.add(label);
    });
    cost += stepCost(sizeOfLabels([...union], problem.sizes), step.length, union.size > resultCount);
    if (cost < best.cost) best = { cost, reduced };
  }
  return best;
}
