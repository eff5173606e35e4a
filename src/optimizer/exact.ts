import type { SearchBudget } from "./budget.js";
import { stepCost } from "./cost-model.js";
import { sizeOfLabels, type LabelSet } from "./label-set.js";
import type { SsaPath } from "./network.js";
import { bestPairCost, type Problem, type StepOperand } from "./problem.js";

/**
 * The most operands the exact search takes (it visits every split of every subset: 3^n).
 *
 * @example
 * EXACT_SEARCH_LIMIT; //=> 16
 */
export const EXACT_SEARCH_LIMIT = 16;

/**
 * A contraction to solve exactly: some operands (inputs or intermediates of a larger network) and the labels the
 * final result must keep.
 *
 * @example
 * const window: ExactProblem = { operands: [{ labels: [0, 1], input: 0 }, { labels: [1, 2], input: 1 }], keep: [0, 2] };
 */
export interface ExactProblem {
  readonly operands: readonly StepOperand[];
  readonly keep: LabelSet;
}

/**
 * The cheapest contraction order of a few operands, found by dynamic programming over all subsets and all their
 * splits (outer products included), so it is exact under the cost convention. Under a memory limit, intermediates
 * larger than the limit are not formed; the search then also tries ending with one step over several operands, as
 * opt_einsum does when nothing fits. Returns the SSA path over the operands' positions and its cost, or `undefined`
 * when nothing is cheaper than `upperBound`, or when `budget` runs out (each split examined is one trial).
 *
 * @example
 * const problem = prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] });
 * exactSsa(problem, { operands: problem.inputs.map((labels, input) => ({ labels, input })), keep: problem.output });
 * //=> { ssa: [[1, 2], [0, 3]], cost: 160 }
 */
export function exactSsa(
  problem: Problem,
  exact: ExactProblem,
  upperBound = Infinity,
  budget?: SearchBudget,
): { ssa: SsaPath; cost: number } | undefined {
  const { operands, keep } = exact;
  const count = operands.length;
  if (count <= 1) return { ssa: [], cost: 0 };
  const full = count === 32 ? -1 : (1 << count) - 1;
  const subsetCount = 1 << count;

  const localOf = new Map<number, number>();
  const globalOf: number[] = [];
  const masks: number[] = [];
  operands.forEach((operand, position) => {
    for (const label of operand.labels) {
      let local = localOf.get(label);
      if (local === undefined) {
        local = globalOf.length;
        localOf.set(label, local);
        globalOf.push(label);
        masks.push(0);
      }
      masks[local] = (masks[local] as number) | (1 << position);
    }
  });
  const kept = new Uint8Array(globalOf.length);
  for (const label of keep) {
    const local = localOf.get(label);
    if (local !== undefined) kept[local] = 1;
  }

  const legs: LabelSet[] = new Array<LabelSet>(subsetCount);
  const feasible = new Uint8Array(subsetCount);
  for (let subset = 1; subset < subsetCount; subset++) {
    const labels: number[] = [];
    for (let local = 0; local < globalOf.length; local++) {
      const mask = masks[local] as number;
      if ((mask & subset) !== 0 && (kept[local] === 1 || (mask & ~subset & full) !== 0)) {
        labels.push(globalOf[local] as number);
      }
    }
    labels.sort((a, b) => a - b);
    legs[subset] = labels;
    const isSingle = (subset & (subset - 1)) === 0;
    feasible[subset] =
      isSingle || subset === full || sizeOfLabels(labels, problem.sizes) <= problem.memoryLimit ? 1 : 0;
  }

  const best = new Float64Array(subsetCount).fill(Infinity);
  const split = new Int32Array(subsetCount);
  const operandOf = (subset: number): StepOperand => {
    if ((subset & (subset - 1)) === 0) return operands[31 - Math.clz32(subset)] as StepOperand;
    return { labels: legs[subset] as LabelSet, input: -1 };
  };
  for (let position = 0; position < count; position++) best[1 << position] = 0;
  for (let subset = 1; subset < subsetCount; subset++) {
    if ((subset & (subset - 1)) === 0 || feasible[subset] === 0) continue;
    const low = subset & -subset;
    const resultCount = (legs[subset] as LabelSet).length;
    let bestCost = upperBound;
    let bestSplit = 0;
    let splits = 0;
    for (let left = (subset - 1) & subset; left > 0; left = (left - 1) & subset) {
      if ((left & low) === 0) continue;
      splits++;
      const right = subset ^ left;
      const partial = (best[left] as number) + (best[right] as number);
      if (!(partial < bestCost)) continue;
      const cost = partial + bestPairCost(problem, operandOf(left), operandOf(right), resultCount).cost;
      if (cost < bestCost) {
        bestCost = cost;
        bestSplit = left;
      }
    }
    if (budget !== undefined && !budget.spend(splits)) return undefined;
    if (bestSplit !== 0) {
      best[subset] = bestCost;
      split[subset] = bestSplit;
    }
  }

  const pairwise = best[full & (subsetCount - 1)] as number;
  const ending = Number.isFinite(problem.memoryLimit)
    ? cheapestEnding(problem, count, legs, best, keep, Math.min(pairwise, upperBound))
    : undefined;
  if (ending !== undefined && ending.cost < pairwise) {
    const ssa: SsaPath = [];
    const roots = ending.blocks.map((block) => emitSubtree(block, split, ssa, count));
    ssa.push(roots);
    return { ssa, cost: ending.cost };
  }
  if (!Number.isFinite(pairwise)) return undefined;
  const ssa: SsaPath = [];
  emitSubtree(full & (subsetCount - 1), split, ssa, count);
  return { ssa, cost: pairwise };
}

/** Emits the steps that form `subset`, children first, and returns the SSA id of its result. */
function emitSubtree(subset: number, split: Int32Array, ssa: SsaPath, count: number): number {
  if ((subset & (subset - 1)) === 0) return 31 - Math.clz32(subset);
  const left = split[subset] as number;
  const leftId = emitSubtree(left, split, ssa, count);
  const rightId = emitSubtree(subset ^ left, split, ssa, count);
  ssa.push([leftId, rightId]);
  return count + ssa.length - 1;
}

/**
 * The cheapest way to end with one step over three or more intermediates that each fit the memory limit: a search
 * over the partitions of the operands into feasible blocks, pruned by the best cost so far.
 */
function cheapestEnding(
  problem: Problem,
  count: number,
  legs: readonly LabelSet[],
  best: Float64Array,
  keep: LabelSet,
  bound: number,
): { blocks: number[]; cost: number } | undefined {
  const all = (1 << count) - 1;
  let bestEnding: { blocks: number[]; cost: number } | undefined;
  let bestCost = bound;
  const blocks: number[] = [];
  let visits = 0;
  const search = (rest: number, partial: number): void => {
    if (++visits > 2_000_000 || !(partial < bestCost)) return;
    if (rest === 0) {
      if (blocks.length < 3) return;
      const union = new Set<number>();
      for (const block of blocks) for (const label of legs[block] as LabelSet) union.add(label);
      const cost = partial + stepCost(sizeOfLabels([...union], problem.sizes), blocks.length, union.size > keep.length);
      if (cost < bestCost) {
        bestCost = cost;
        bestEnding = { blocks: [...blocks], cost };
      }
      return;
    }
    const low = rest & -rest;
    for (let block = rest; block > 0; block = (block - 1) & rest) {
      if ((block & low) === 0 || block === all) continue;
      const cost = best[block] as number;
      if (!Number.isFinite(cost)) continue;
      blocks.push(block);
      search(rest ^ block, partial + cost);
      blocks.pop();
    }
  };
  search(all, 0);
  return bestEnding;
}
