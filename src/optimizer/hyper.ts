import { annealSsa } from "./anneal.js";
import type { SearchBudget } from "./budget.js";
import { greedySsa, type GreedyScore } from "./greedy.js";
import type { SsaPath } from "./network.js";
import { partitionSsa } from "./partition.js";
import type { Problem } from "./problem.js";
import { seededRandom } from "./random.js";
import { reconfigureTree } from "./reconfigure.js";
import { refreshTree, treeFromSsa, treeToSsa } from "./tree.js";

/**
 * Options of the hyper search: how many randomized greedy runs, how many of the cheapest orders found the tree
 * annealing starts from (`starts`, each with its own seed), how long each annealing runs (`stages` temperatures of
 * `sweeps` sweeps), the seed, the reconfiguration window, how many partition trees to build (`partitions`, none
 * by default: the cheapest of them is annealed once more), and a budget (each greedy run costs one trial per
 * operand, each annealing sweep one per step, each reconfigured window `3^window`, a partition tree one per move
 * its refinement considers); when it runs out the search stops and returns its best.
 *
 * @example
 * const options: HyperOptions = { trials: 32, starts: 4, seed: 1, window: 8, partitions: 8 };
 */
export interface HyperOptions {
  readonly trials?: number;
  readonly starts?: number;
  readonly stages?: number;
  readonly sweeps?: number;
  readonly seed?: number;
  readonly window?: number;
  readonly partitions?: number;
  readonly budget?: SearchBudget;
}

interface Found {
  readonly ssa: SsaPath;
  readonly cost: number;
}

/**
 * A hyper search in the spirit of cotengra's hyper-optimizer: greedy runs with a random score
 * (`size12 - costmod·(size1 + size2)`, costmod drawn in [0.1, 4]) and a random Boltzmann temperature (drawn
 * log-uniformly in [0.001, 1]); the cheapest few orders are then improved by simulated annealing over their
 * contraction trees ({@link annealSsa}); with `partitions`, the cheapest of that many partition trees
 * ({@link partitionSsa}, imbalance drawn in [0.05, 0.5]) is annealed too; the cheapest result is improved by subtree
 * reconfiguration, and the cheapest order of all wins. Seeded and counted, so each run gives the same order unless a time limit cuts it short.
 *
 * @example
 * hyperSsa(prepareProblem(network), { trials: 16, starts: 2 });
 */
export function hyperSsa(problem: Problem, options: HyperOptions = {}, start?: SsaPath): SsaPath {
  const trials = options.trials ?? 32;
  const budget = options.budget;
  const runTrials = problem.operandCount;
  const random = seededRandom(options.seed ?? 1);
  const found: Found[] = [];
  const add = (ssa: SsaPath): Found => {
    const entry = { ssa, cost: refreshTree(problem, treeFromSsa(problem, ssa)) };
    found.push(entry);
    return entry;
  };
  add(start ?? greedySsa(problem));
  for (let trial = 0; trial < trials && (budget === undefined || budget.spend(runTrials)); trial++) {
    const costmod = 0.1 + random() * 3.9;
    const temperature = Math.exp(Math.log(0.001) + random() * (Math.log(1) - Math.log(0.001)));
    const score: GreedyScore = (size12, size1, size2) => size12 - costmod * (size1 + size2);
    add(greedySsa(problem, { score, temperature, random }));
  }
  const seeds = distinctCheapest(found, options.starts ?? 4);
  const starts = options.starts ?? 4;
  for (let index = 0; index < starts && budget?.exhausted !== true; index++) {
    const from = seeds[index % seeds.length] as Found;
    const annealOptions = { seed: index + 1, stages: options.stages ?? 100, sweeps: options.sweeps ?? 20 };
    add(annealSsa(problem, from.ssa, budget === undefined ? annealOptions : { ...annealOptions, budget }));
  }
  const partitioned = partitionTrees(problem, options.partitions ?? 0, random, budget);
  if (partitioned !== undefined && budget?.exhausted !== true) {
    found.push(partitioned);
    const annealOptions = { seed: starts + 1, stages: options.stages ?? 100, sweeps: options.sweeps ?? 20 };
    add(annealSsa(problem, partitioned.ssa, budget === undefined ? annealOptions : { ...annealOptions, budget }));
  }
  let best = distinctCheapest(found, 1)[0] as Found;
  if (budget?.exhausted !== true) {
    const root = treeFromSsa(problem, best.ssa);
    const window = options.window ?? 8;
    const cost = reconfigureTree(problem, root, budget === undefined ? { window } : { window, budget });
    if (cost < best.cost) best = { ssa: treeToSsa(root, problem.operandCount), cost };
  }
  return best.ssa;
}

/** The cheapest of `count` partition trees, each with its own seed and an imbalance drawn in [0.05, 0.5]. */
function partitionTrees(problem: Problem, count: number, random: () => number, budget: SearchBudget | undefined): Found | undefined {
  let best: Found | undefined;
  for (let trial = 0; trial < count && budget?.exhausted !== true; trial++) {
    const imbalance = 0.05 + random() * 0.45;
    const options = { seed: trial + 1, imbalance };
    const ssa = partitionSsa(problem, budget === undefined ? options : { ...options, budget });
    const cost = refreshTree(problem, treeFromSsa(problem, ssa));
    if (best === undefined || cost < best.cost) best = { ssa, cost };
  }
  return best;
}

/** The cheapest `count` orders of distinct costs (fewer when there are not so many), cheapest first. */
function distinctCheapest(found: readonly Found[], count: number): Found[] {
  const sorted = [...found].sort((a, b) => a.cost - b.cost);
  const picked: Found[] = [];
  for (const entry of sorted) {
    if (picked.length >= count) break;
    if (picked.length === 0 || entry.cost !== (picked[picked.length - 1] as Found).cost) picked.push(entry);
  }
  return picked;
}
