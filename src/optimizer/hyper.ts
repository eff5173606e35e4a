import type { SearchBudget } from "./budget.js";
import { greedySsa, type GreedyScore } from "./greedy.js";
import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";
import { seededRandom } from "./random.js";
import { reconfigureTree } from "./reconfigure.js";
import { refreshTree, treeFromSsa, treeToSsa } from "./tree.js";

/**
 * Options of the randomized search: how many randomized greedy runs, the seed, the reconfiguration window, and a
 * budget (each greedy run costs one trial per operand, each reconfigured window `3^window`); when it runs out the
 * search stops and returns its best.
 *
 * @example
 * const options: HyperOptions = { trials: 32, seed: 1, window: 8 };
 */
export interface HyperOptions {
  readonly trials?: number;
  readonly seed?: number;
  readonly window?: number;
  readonly budget?: SearchBudget;
}

/**
 * A randomized search in the spirit of cotengra's hyper-optimizer: greedy runs with a random score
 * (`size12 - costmod·(size1 + size2)`, costmod drawn in [0.1, 4]) and a random Boltzmann temperature (drawn
 * log-uniformly in [0.001, 1]); the cheapest few orders are then improved by subtree reconfiguration, and the
 * cheapest result wins. Seeded and counted, so each run gives the same order unless a time limit cuts it short.
 *
 * @example
 * hyperSsa(prepareProblem(network), { trials: 16 });
 */
export function hyperSsa(problem: Problem, options: HyperOptions = {}, start?: SsaPath): SsaPath {
  const trials = options.trials ?? 32;
  const budget = options.budget;
  const runTrials = problem.operandCount;
  const random = seededRandom(options.seed ?? 1);
  const found: { ssa: SsaPath; cost: number }[] = [];
  const add = (ssa: SsaPath): void => {
    found.push({ ssa, cost: refreshTree(problem, treeFromSsa(problem, ssa)) });
  };
  add(start ?? greedySsa(problem));
  for (let trial = 0; trial < trials && (budget === undefined || budget.spend(runTrials)); trial++) {
    const costmod = 0.1 + random() * 3.9;
    const temperature = Math.exp(Math.log(0.001) + random() * (Math.log(1) - Math.log(0.001)));
    const score: GreedyScore = (size12, size1, size2) => size12 - costmod * (size1 + size2);
    add(greedySsa(problem, { score, temperature, random }));
  }
  found.sort((a, b) => a.cost - b.cost);
  let best = found[0] as { ssa: SsaPath; cost: number };
  for (const candidate of found.slice(0, 3)) {
    if (budget?.exhausted === true) break;
    const root = treeFromSsa(problem, candidate.ssa);
    const windowed = options.window ?? 8;
    const cost = reconfigureTree(problem, root, budget === undefined ? { window: windowed } : { window: windowed, budget });
    if (cost < best.cost) best = { ssa: treeToSsa(root, problem.operandCount), cost };
  }
  return best.ssa;
}
