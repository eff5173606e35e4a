import { annealSsa } from "./anneal.js";
import { annealSlicedSsa, slicedLeaves } from "./anneal-sliced.js";
import { SearchBudget } from "./budget.js";
import type { LinearPath, Network, SsaPath } from "./network.js";
import { planFromSsa } from "./plan.js";
import { prepareProblem } from "./problem.js";
import { seededRandom } from "./random.js";
import { forEachStep, priceSlicing, sliceCount, slicedTotal, type Slicing } from "./slicing.js";

/**
 * Options of the sliced search: how many restarts (the first slices the best label each time, the others draw
 * among the good ones), how long each re-annealing of the tree runs, and a budget (one trial per proposed move of
 * the annealing, as in {@link annealSsa}).
 *
 * @example
 * const options: SliceSearchOptions = { restarts: 8, stages: 30, sweeps: 10 };
 */
export interface SliceSearchOptions {
  readonly restarts?: number;
  /**
   * How many annealings with co-evolving sliced labels ({@link annealSlicedSsa}) follow the restarts from the given
   * tree; as many more then start from the best plan's tree.
   */
  readonly coevolved?: number;
  readonly stages?: number;
  readonly sweeps?: number;
  readonly budget?: SearchBudget;
  /** The most a plan may cost in total: a restart whose plan cannot stay under it stops early. */
  readonly maxTotal?: number;
}

/**
 * A restart stops slicing once its total cost ({@link slicedTotal}), times this, exceeds the best
 * plan's (or `maxTotal`): slicing more labels and re-annealing rarely brings the total down by as much.
 */
const PRUNE_FACTOR = 0.5;

/** The schedule of the last annealing of the best tree: it starts cold, so that it refines rather than reshapes. */
const POLISH = { stages: 60, sweeps: 20, betaStart: 4, betaEnd: 48 };

/** The share of the budget the restarts may take. */
const RESTARTS_SHARE = 0.7;

/**
 * A sliced plan with its path: the path every slice runs, and how it is sliced (no labels when the whole
 * contraction fits).
 *
 * @example
 * const found: SlicedPlan = { path: [[0, 1], [0, 1]], slicing: { labels: [0], slices: 8, sliceFlops: 128, sharedFlops: 0, largestIntermediate: 8 } };
 */
export interface SlicedPlan {
  readonly path: LinearPath;
  readonly slicing: Slicing;
}

/**
 * Searches the sliced labels together with the contraction tree (as cotengra's slice finder with tree
 * re-optimization, and TreeSA with slicing, do). Starting from the tree of `start`, each round re-anneals the tree
 * for the network with the labels sliced so far at size 1, with intermediates above `memoryLimit` penalized
 * ({@link annealSsa}'s `sizeLimit`) and the steps above sliced inputs weighed by the slice count; while the tree's
 * largest intermediate is still too large, it slices one more label of that intermediate, the one that keeps the
 * total cost ({@link slicedTotal}) lowest, or on later restarts one drawn among the good ones. Once the tree fits,
 * it tries to give each sliced label back. Then `coevolved` annealings from the given tree, and as many from the
 * best plan's, let the sliced labels evolve with the tree ({@link annealSlicedSsa}), and a last, colder annealing
 * refines the best tree with its labels (outside the budget: 1,200 moves per step). Returns the cheapest plan in
 * total ({@link slicedTotal}), or `undefined` when none fits. Seeded and counted.
 *
 * @example
 * searchSlicing({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [8, 8, 8, 8] }, [[0, 1], [2, 3]], 8)?.slicing.labels;
 * //=> [0]
 */
export function searchSlicing(
  network: Network,
  start: SsaPath,
  memoryLimit: number,
  options: SliceSearchOptions = {},
): SlicedPlan | undefined {
  const restarts = options.restarts ?? 8;
  const whole = options.budget ?? new SearchBudget();
  // the restarts may take most of the budget; the co-evolving annealings get the rest
  let budget = whole.part(RESTARTS_SHARE);
  const labelCount = network.sizes.length;
  let best: (SlicedPlan & { total: number; ssa: SsaPath }) | undefined;
  const bound = (): number => Math.min(best?.total ?? Infinity, options.maxTotal ?? Infinity);
  const consider = (path: LinearPath, labels: readonly number[], ssa: SsaPath): boolean => {
    const slicing = priceSlicing(network, path, labels);
    if (slicing.largestIntermediate > memoryLimit) return false;
    const total = slicedTotal(slicing);
    if (best === undefined || total < best.total * (1 - 1e-12)) best = { path, ssa, total, slicing };
    return true;
  };
  // re-anneals the tree for the sliced network; returns its SSA and linear paths
  const reanneal = (ssa: SsaPath, labels: readonly number[], seed: number, polish = false): { ssa: SsaPath; path: LinearPath } => {
    const problem = prepareProblem({ ...network, sizes: slicedSizes(network, labels) });
    const schedule = polish ? POLISH : { stages: options.stages ?? 30, sweeps: options.sweeps ?? 10 };
    const slicing = { leaves: slicedLeaves(problem, labels), slices: sliceCount(network.sizes, labels) };
    const annealOptions = { seed, ...schedule, sizeLimit: memoryLimit, budget, slicing };
    const annealed = annealSsa(problem, ssa, annealOptions);
    return { ssa: annealed, path: planFromSsa(problem, annealed).path };
  };
  for (let restart = 0; restart < restarts && !budget.exhausted; restart++) {
    const random = seededRandom(restart + 1);
    const labels: number[] = [];
    let current = reanneal(start, labels, restart * 1000 + 1);
    for (let round = 0; round < labelCount && !budget.exhausted; round++) {
      if (consider(current.path, labels, current.ssa)) break;
      if (slicedTotal(priceSlicing(network, current.path, labels)) * PRUNE_FACTOR > bound()) break;
      const label = nextLabel(network, current.path, labels, memoryLimit, restart === 0 ? undefined : random);
      if (label === undefined) break;
      labels.push(label);
      current = reanneal(current.ssa, labels, restart * 1000 + round + 2);
    }
    if (!consider(current.path, labels, current.ssa)) continue;
    // give sliced labels back while the re-annealed tree still fits
    for (const label of [...labels]) {
      if (budget.exhausted) break;
      const without = labels.filter((other) => other !== label);
      const attempt = reanneal(current.ssa, without, restart * 1000 + 500 + label);
      if (consider(attempt.path, without, attempt.ssa)) {
        labels.splice(labels.indexOf(label), 1);
        current = attempt;
      }
    }
  }
  const coevolved = options.coevolved ?? 4;
  const problem = prepareProblem(network);
  whole.settle(budget);
  budget = whole.part(1);
  for (let run = 0; run < 2 * coevolved && !budget.exhausted; run++) {
    // the first half starts from the given tree, the second from the best plan so far
    const from = run < coevolved || best === undefined ? start : best.ssa;
    const found = annealSlicedSsa(problem, from, { seed: 7919 * (run + 1), stages: 100, sweeps: 10, sizeLimit: memoryLimit, budget });
    if (found === undefined) continue;
    const slicedProblem = prepareProblem({ ...network, sizes: slicedSizes(network, found.labels) });
    consider(planFromSsa(slicedProblem, found.ssa).path, found.labels, found.ssa);
  }
  whole.settle(budget);
  if (best === undefined) return undefined;
  // a last, colder annealing of the best tree with its labels
  budget = new SearchBudget(Infinity, Infinity, whole.deadline);
  const polished = reanneal(best.ssa, best.slicing.labels, 104_729, true);
  consider(polished.path, best.slicing.labels, polished.ssa);
  return { path: best.path, slicing: best.slicing };
}

/** The network's sizes with the sliced labels at 1. */
function slicedSizes(network: Network, labels: readonly number[]): number[] {
  const sizes = [...network.sizes];
  for (const label of labels) sizes[label] = 1;
  return sizes;
}

/**
 * The next label to slice, among the labels of the step results above the limit: the one that leaves the least
 * excess (the sum over steps of how many times, in log2, a result is larger than the limit), then the lowest total
 * cost; or, with `random`, one drawn with weights halving with each unit of excess left.
 */
function nextLabel(
  network: Network,
  path: LinearPath,
  labels: readonly number[],
  memoryLimit: number,
  random: (() => number) | undefined,
): number | undefined {
  const sizes = slicedSizes(network, labels);
  const limitLog = Math.log2(memoryLimit);
  const oversized: { labels: readonly number[]; log: number }[] = [];
  forEachStep(network, path, (_, result) => {
    const log = result.reduce((sum, label) => sum + Math.log2(sizes[label] as number), 0);
    if (log > limitLog + 1e-9) oversized.push({ labels: result, log });
  });
  if (oversized.length === 0) return undefined;
  const candidates = [...new Set(oversized.flatMap((step) => step.labels))].filter((label) => (sizes[label] as number) > 1);
  if (candidates.length === 0) return undefined;
  const scored = candidates.map((label) => {
    const cut = Math.log2(sizes[label] as number);
    let excess = 0;
    for (const step of oversized) excess += Math.max(0, step.log - (step.labels.includes(label) ? cut : 0) - limitLog);
    return { label, excess, total: 0 };
  });
  scored.sort((a, b) => a.excess - b.excess || a.label - b.label);
  const least = (scored[0] as { excess: number }).excess;
  if (random === undefined) {
    const tied = scored.filter((entry) => entry.excess <= least + 1e-9);
    for (const entry of tied) entry.total = slicedTotal(priceSlicing(network, path, [...labels, entry.label]));
    tied.sort((a, b) => a.total - b.total || a.label - b.label);
    return (tied[0] as { label: number }).label;
  }
  const weights = scored.map(({ excess }) => 2 ** -(excess - least));
  let draw = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [index, entry] of scored.entries()) {
    draw -= weights[index] as number;
    if (draw < 0) return entry.label;
  }
  return (scored[0] as { label: number }).label;
}
