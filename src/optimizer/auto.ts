import { EinsumError } from "../einsum-error.js";
import { writeSearchStopped } from "../messages.js";
import { branchSsa } from "./branch.js";
import { SearchBudget } from "./budget.js";
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

/**
 * The trials `auto` may spend by default (see {@link SearchBudget} for what a trial is): one to three seconds of
 * search at most on one core.
 *
 * @example
 * AUTO_MAX_TRIALS; //=> 20000000
 */
export const AUTO_MAX_TRIALS = 20_000_000;

/**
 * The trials the named `hyper` search may spend by default: ten times `auto`'s, which buys ten times its randomized
 * greedy runs and tree annealings (and a ten times longer sliced search under a memory limit).
 *
 * @example
 * HYPER_MAX_TRIALS; //=> 200000000
 */
export const HYPER_MAX_TRIALS = 10 * AUTO_MAX_TRIALS;

/**
 * The partition trees the named `hyper` search builds, the cheapest of which it anneals as one more start.
 *
 * @example
 * HYPER_PARTITIONS; //=> 8
 */
export const HYPER_PARTITIONS = 8;

/**
 * Up to this many operands, `auto` tries the dynamic programming (within its budget). Beyond 20 it found nothing the
 * phases before it had not on any of 23 networks of 22 to 30 tensors, for 5 to 20 times the search time.
 */
const AUTO_DP_LIMIT = 20;
/** The share of the budget the randomized search may take when the dynamic programming follows. */
const HYPER_SHARE = 0.3;

/**
 * The default search. Up to {@link AUTO_EXACT_LIMIT} operands it is exact. Beyond, it runs opt_einsum's greedy,
 * then (without a memory limit) the hyper search ({@link hyperSsa}: randomized greedy runs, simulated annealing
 * over the cheapest trees, subtree reconfiguration; a budget above the default buys proportionally more greedy
 * runs and annealings), or (with one) the two-branch
 * bound search; then, up to 20 operands, the dynamic programming over connected subgraphs with the best cost so
 * far as its cost cap. Every phase draws on one counted budget ({@link AUTO_MAX_TRIALS} trials unless the caller
 * sets `maxTrials`), so the same network gives the same path on any machine; it returns the cheapest order found.
 * `partitions` adds that many partition trees to the hyper search (the named `hyper` method asks for
 * {@link HYPER_PARTITIONS}; `auto` for none, where they measured no gain).
 *
 * @example
 * autoSsa(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }));
 * //=> [[1, 2], [0, 3]]
 */
export function autoSsa(
  problem: Problem,
  budget: SearchBudget = new SearchBudget(AUTO_MAX_TRIALS),
  partitions = 0,
): SsaPath {
  const count = problem.operandCount;
  if (count <= 1) return [];
  if (count <= AUTO_EXACT_LIMIT) return optimalSsa(problem, budget);
  const limited = Number.isFinite(problem.memoryLimit);
  const candidates: { ssa: SsaPath; flops: number }[] = [];
  const consider = (ssa: SsaPath | undefined): void => {
    if (ssa !== undefined) candidates.push({ ssa, flops: planFromSsa(problem, ssa).flops });
  };
  const phase = <Result>(share: number, run: (part: SearchBudget) => Result): Result => {
    const part = budget.part(share);
    const result = run(part);
    budget.settle(part);
    return result;
  };
  consider(limited ? phase(0.5, (part) => branchSsa(problem, { branches: 1, budget: part })) : greedySsa(problem));
  if (candidates.length === 0) {
    throw new EinsumError("SEARCH_BUDGET", writeSearchStopped("auto", budget.stoppedBy ?? "maxTrials", budget.trials));
  }
  const dpFollows = count <= AUTO_DP_LIMIT;
  if (limited) {
    consider(phase(dpFollows ? HYPER_SHARE : 1, (part) => branchSsa(problem, { branches: 2, budget: part })));
  } else {
    // a larger budget buys more; without a count (a time limit only, or none) the search runs to its caps
    const scale = budget.maxTrials / AUTO_MAX_TRIALS;
    const trials = Math.max(1, scaled(hyperTrials(count), scale, 4096));
    const starts = scaled(annealStarts(count), scale, MAX_ANNEAL_STARTS);
    const window = count <= 100 ? 8 : 7;
    const start = cheapest(candidates).ssa;
    consider(phase(dpFollows ? HYPER_SHARE : 1, (part) => hyperSsa(problem, { trials, starts, window, partitions, budget: part }, start)));
  }
  if (dpFollows && !budget.exhausted) {
    const initialCap = cheapest(candidates).flops * (1 + 1e-9);
    consider(phase(1, (part) => dpSsa(problem, limited ? { budget: part } : { budget: part, initialCap })));
  }
  return cheapest(candidates).ssa;
}

/** Randomized greedy runs by network size: each run is a whole greedy search, so huge networks get few. */
function hyperTrials(count: number): number {
  return count <= 100 ? 32 : count <= 1000 ? 16 : count <= 10_000 ? 4 : 1;
}

/** Tree annealings by network size (each sweeps the whole tree 2,000 times). */
function annealStarts(count: number): number {
  return count <= 200 ? 4 : count <= 2000 ? 1 : 0;
}

/** A count scaled with the budget, up to a cap (0 stays 0). */
function scaled(base: number, scale: number, cap: number): number {
  return base === 0 ? 0 : Math.min(cap, Math.round(base * scale));
}

/** The most annealings a larger budget buys. */
const MAX_ANNEAL_STARTS = 256;

function cheapest(candidates: readonly { ssa: SsaPath; flops: number }[]): { ssa: SsaPath; flops: number } {
  return candidates.reduce((best, candidate) => (candidate.flops < best.flops ? candidate : best));
}
