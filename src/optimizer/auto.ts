import { branchSsa } from "./branch.js";
import { dpSsa } from "./dp.js";
import { greedySsa } from "./greedy.js";
import { hyperSsa } from "./hyper.js";
import type { SsaPath } from "./network.js";
import { optimalSsa } from "./optimal.js";
import { planFromSsa } from "./plan.js";
import type { Problem } from "./problem.js";

/**
 * Up to this many operands, `auto` runs the exact search.
 *
 * @example
 * AUTO_EXACT_LIMIT; //=> 10
 */
export const AUTO_EXACT_LIMIT = 10;

/** Up to this many operands, `auto` tries the dynamic programming (within its budget). */
const AUTO_DP_LIMIT = 40;
/** The time `auto` allows the randomized search before the dynamic programming, and the whole search, in ms. */
const HYPER_MILLISECONDS = 250;
const SEARCH_MILLISECONDS = 750;
/** The pairs of subsets the dynamic programming may examine inside `auto`. */
const DP_PAIR_BUDGET = 20_000_000;

/**
 * The default search. Up to {@link AUTO_EXACT_LIMIT} operands it is exact. Beyond, it runs opt_einsum's greedy,
 * then (without a memory limit) randomized greedy runs with subtree reconfiguration, or (with one) the two-branch
 * bound search; then, up to 40 operands, the dynamic programming over connected subgraphs with the best cost so
 * far as its cost cap. The whole search stops by 750 ms; it returns the cheapest order found.
 *
 * @example
 * autoSsa(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }));
 * //=> [[1, 2], [0, 3]]
 */
export function autoSsa(problem: Problem): SsaPath {
  const count = problem.operandCount;
  if (count <= 1) return [];
  if (count <= AUTO_EXACT_LIMIT) return optimalSsa(problem);
  const started = Date.now();
  const limited = Number.isFinite(problem.memoryLimit);
  const candidates: { ssa: SsaPath; flops: number }[] = [];
  const consider = (ssa: SsaPath | undefined): void => {
    if (ssa !== undefined) candidates.push({ ssa, flops: planFromSsa(problem, ssa).flops });
  };
  consider(limited ? branchSsa(problem, { branches: 1 }) : greedySsa(problem));
  if (limited) {
    consider(branchSsa(problem, { branches: 2, maxVisits: 20_000 }));
  } else {
    const trials = count <= 100 ? 64 : 24;
    const window = count <= 100 ? 8 : 7;
    const deadline = started + (count <= AUTO_DP_LIMIT ? HYPER_MILLISECONDS : SEARCH_MILLISECONDS);
    consider(hyperSsa(problem, { trials, window, deadline }, cheapest(candidates).ssa));
  }
  if (count <= AUTO_DP_LIMIT) {
    const budget = { maxPairs: DP_PAIR_BUDGET, deadline: started + SEARCH_MILLISECONDS };
    const initialCap = cheapest(candidates).flops * (1 + 1e-9);
    consider(dpSsa(problem, limited ? budget : { ...budget, initialCap }));
  }
  return cheapest(candidates).ssa;
}

function cheapest(candidates: readonly { ssa: SsaPath; flops: number }[]): { ssa: SsaPath; flops: number } {
  return candidates.reduce((best, candidate) => (candidate.flops < best.flops ? candidate : best));
}
