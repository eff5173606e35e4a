import { greedySsa, type GreedyScore } from "./greedy.js";
import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";
import { seededRandom } from "./random.js";
import { reconfigureTree } from "./reconfigure.js";
import { refreshTree, treeFromSsa, treeToSsa } from "./tree.js";

/**
 * Options of the randomized search: how many randomized greedy runs, the seed, the reconfiguration window, and a
 * deadline (a `Date.now()` value) after which the search stops and returns its best.
 *
 * @example
 * const options: HyperOptions = { trials: 32, seed: 1, window: 8 };
 */
export interface HyperOptions {
  readonly trials?: number;
  readonly seed?: number;
  readonly window?: number;
  readonly deadline?: number;
}

/**
 * A randomized search in the spirit of cotengra's hyper-optimizer: greedy runs with a random score
 * (`size12 - costmod·(size1 + size2)`, costmod drawn in [0.1, 4]) and a random Boltzmann temperature (drawn
 * log-uniformly in [0.001, 1]); the cheapest few orders are then improved by subtree reconfiguration, and the
 * cheapest result wins. Seeded, so each run gives the same order when it is not cut short by the deadline.
 *
 * @example
 * hyperSsa(prepareProblem(network), { trials: 16 });
 */
export function hyperSsa(problem: Problem, options: HyperOptions = {}, start?: SsaPath): SsaPath {
  const trials = options.trials ?? 32;
  const deadline = options.deadline ?? Infinity;
  const random = seededRandom(options.seed ?? 1);
  const found: { ssa: SsaPath; cost: number }[] = [];
  const add = (ssa: SsaPath): void => {
    found.push({ ssa, cost: refreshTree(problem, treeFromSsa(problem, ssa)) });
  };
  add(start ?? greedySsa(problem));
  for (let trial = 0; trial < trials && Date.now() < deadline; trial++) {
    const costmod = 0.1 + random() * 3.9;
    const temperature = Math.exp(Math.log(0.001) + random() * (Math.log(1) - Math.log(0.001)));
    const score: GreedyScore = (size12, size1, size2) => size12 - costmod * (size1 + size2);
    add(greedySsa(problem, { score, temperature, random }));
  }
  found.sort((a, b) => a.cost - b.cost);
  let best = found[0] as { ssa: SsaPath; cost: number };
  for (const candidate of found.slice(0, 3)) {
    if (Date.now() > deadline) break;
    const root = treeFromSsa(problem, candidate.ssa);
    const windowed = options.window ?? 8;
    const cost = reconfigureTree(problem, root, { window: windowed, deadline });
    if (cost < best.cost) best = { ssa: treeToSsa(root, problem.operandCount), cost };
  }
  return best.ssa;
}
