import type { SearchBudget } from "./budget.js";
import { stepCost } from "./cost-model.js";
import { memoryRemoved, type GreedyScore } from "./greedy.js";
import { MinHeap } from "./heap.js";
import { intersects, sizeOfLabels, type LabelSet } from "./label-set.js";
import type { SsaPath } from "./network.js";
import { bestPairCost, type Problem } from "./problem.js";

/**
 * Options of the branch-and-bound search: how many of the best-scored steps to explore at each point (`Infinity`
 * explores them all), how far behind the best partial cost a branch may fall before it is cut, the score that
 * orders the steps, and a budget (each candidate step scored is 16 trials; when it runs out, the best order found
 * so far is returned).
 *
 * @example
 * const branchAll: BranchOptions = { branches: Infinity };
 */
export interface BranchOptions {
  readonly branches?: number;
  readonly cutoffFactor?: number;
  readonly score?: GreedyScore;
  readonly budget?: SearchBudget;
}

/** The trials one candidate step costs: scoring it prices the step and forms its labels. */
const BRANCH_STEP_TRIALS = 16;

interface Branch {
  readonly score: number;
  readonly stepFlops: number;
  readonly flops: number;
  readonly size: number;
  readonly left: number;
  readonly right: number;
  readonly labels: LabelSet;
}

/**
 * opt_einsum's branch-and-bound search with exact step costs: at each point it scores every pairwise step between
 * operands that share a label (all pairs when none do), explores the best `branches` of them, and cuts a branch
 * whose cost reaches the best complete order or exceeds `cutoffFactor` times the best cost seen at the same depth.
 * Under a memory limit, a step whose result is too large ends the order with one step over all that remains.
 * Returns `undefined` when the budget runs out before any complete order is found.
 *
 * @example
 * branchSsa(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }));
 * //=> [[1, 2], [0, 3]]
 */
export function branchSsa(problem: Problem, options: BranchOptions = {}): SsaPath | undefined {
  const branches = options.branches ?? 2;
  const cutoffFactor = options.cutoffFactor ?? 4;
  const score = options.score ?? memoryRemoved;
  const budget = options.budget;
  const { sizes, isOutput, memoryLimit } = problem;
  const count = problem.operandCount;
  if (count === 1) return [];

  const labelsOf: LabelSet[] = [...problem.inputs];
  const sizeOf: number[] = labelsOf.map((labels) => sizeOfLabels(labels, sizes));
  const counts = new Int32Array(problem.labelCount);
  for (const labels of labelsOf) for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const bestProgress = new Map<number, number>();
  let best = { flops: Infinity, size: Infinity, ssa: [Array.from({ length: count }, (_, id) => id)] as SsaPath };
  const path: number[][] = [];

  const operand = (id: number) => ({ labels: labelsOf[id] as LabelSet, input: id < count ? id : -1 });

  const resultOf = (left: number, right: number): number[] => {
    const a = labelsOf[left] as LabelSet;
    const b = labelsOf[right] as LabelSet;
    const result: number[] = [];
    for (const label of new Set([...a, ...b])) {
      const inside = (a.includes(label) ? 1 : 0) + (b.includes(label) ? 1 : 0);
      if (isOutput[label] === 1 || (counts[label] as number) - inside > 0) result.push(label);
    }
    return result.sort((x, y) => x - y);
  };

  const oversizeFlops = (remaining: readonly number[]): number => {
    const union = new Set<number>();
    for (const id of remaining) for (const label of labelsOf[id] as LabelSet) union.add(label);
    const summed = [...union].some((label) => isOutput[label] !== 1);
    return stepCost(sizeOfLabels([...union], sizes), remaining.length, summed);
  };

  const iterate = (remaining: number[], flops: number, size: number): void => {
    if (budget?.exhausted === true) return;
    if (remaining.length === 1) {
      best = { flops, size, ssa: path.map((step) => [...step]) };
      return;
    }
    const depth = labelsOf.length;
    const candidates = new MinHeap<Branch>(
      (a, b) => a.score - b.score || a.stepFlops - b.stepFlops || a.flops - b.flops || a.left - b.left || a.right - b.right,
    );
    const assess = (left: number, right: number): void => {
      if (budget !== undefined && !budget.spend(BRANCH_STEP_TRIALS)) return;
      const labels = resultOf(left, right);
      const stepFlops = bestPairCost(problem, operand(left), operand(right), labels.length).cost;
      const size12 = sizeOfLabels(labels, sizes);
      const newFlops = flops + stepFlops;
      const newSize = Math.max(size, size12);
      if (!(newFlops < best.flops || (newFlops === best.flops && newSize < best.size))) return;
      const progress = bestProgress.get(depth) ?? Infinity;
      if (newFlops < progress) bestProgress.set(depth, newFlops);
      else if (newFlops > cutoffFactor * progress) return;
      if (size12 > memoryLimit) {
        const ending = flops + oversizeFlops(remaining);
        if (ending < best.flops) best = { flops: ending, size: best.size, ssa: [...path.map((s) => [...s]), [...remaining]] };
        return;
      }
      const value = score(size12, sizeOf[left] as number, sizeOf[right] as number);
      candidates.push({ score: value, stepFlops, flops: newFlops, size: newSize, left, right, labels });
    };
    for (let i = 0; i < remaining.length; i++) {
      for (let j = i + 1; j < remaining.length; j++) {
        const left = remaining[i] as number;
        const right = remaining[j] as number;
        if (intersects(labelsOf[left] as LabelSet, labelsOf[right] as LabelSet)) assess(left, right);
      }
    }
    if (candidates.size === 0) {
      for (let i = 0; i < remaining.length; i++) {
        for (let j = i + 1; j < remaining.length; j++) assess(remaining[i] as number, remaining[j] as number);
      }
    }
    for (let explored = 0; explored < branches && candidates.size > 0; explored++) {
      const next = candidates.pop() as Branch;
      const id = labelsOf.length;
      for (const label of labelsOf[next.left] as LabelSet) counts[label] = (counts[label] as number) - 1;
      for (const label of labelsOf[next.right] as LabelSet) counts[label] = (counts[label] as number) - 1;
      for (const label of next.labels) counts[label] = (counts[label] as number) + 1;
      labelsOf.push(next.labels);
      sizeOf.push(sizeOfLabels(next.labels, sizes));
      path.push([next.left, next.right]);
      iterate([...remaining.filter((r) => r !== next.left && r !== next.right), id], next.flops, next.size);
      path.pop();
      labelsOf.pop();
      sizeOf.pop();
      for (const label of next.labels) counts[label] = (counts[label] as number) - 1;
      for (const label of labelsOf[next.left] as LabelSet) counts[label] = (counts[label] as number) + 1;
      for (const label of labelsOf[next.right] as LabelSet) counts[label] = (counts[label] as number) + 1;
    }
  };
  iterate(Array.from({ length: count }, (_, id) => id), 0, 0);
  return Number.isFinite(best.flops) || budget?.exhausted !== true ? best.ssa : undefined;
}
