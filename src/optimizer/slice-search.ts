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
  /**
   * The restarts whose labels are chosen by trying the likeliest ones, each with a short re-annealing, after all the
   * others, with their own budget (one trial per proposed move); they run only while no plan costs `above` or less
   * in total (0 when not given).
   */
  readonly lookahead?: { readonly restarts: number; readonly budget: SearchBudget; readonly above?: number };
}

/**
 * A restart stops slicing once its total cost ({@link slicedTotal}), times this, exceeds the best
 * plan's (or `maxTotal`): slicing more labels and re-annealing rarely brings the total down by as much.
 */
const PRUNE_FACTOR = 0.5;

/** The schedule of the last annealing of the best tree: it starts cold, so that it refines rather than reshapes. */
const POLISH = { stages: 60, sweeps: 20, betaStart: 4, betaEnd: 48 };

/**
 * The labels {@link lookaheadLabel} tries at each round (the ones leaving the least excess), and the short annealing
 * that re-shapes the tree for each.
 */
const LOOKAHEAD_CANDIDATES = 8;
const LOOKAHEAD_SCHEDULE = { stages: 8, sweeps: 4 };
/** Where the seeds of the lookahead restarts start, apart from the others'. */
const LOOKAHEAD_SEED = 20_000;

/** The share of the budget the restarts may take. */
const RESTARTS_SHARE = 0.7;

/**
 * A sliced plan with its path: the path every slice runs, and how it is sliced (no labels when the whole
 * contraction fits).
 *
 * @example
 * const found: SlicedPlan = { path: [[0, 1], [0, 1]], slicing: { labels: [0], order: [0], slices: 8, sliceFlops: 128, sharedFlops: 0, flops: 1024, largestIntermediate: 8 } };
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
 * refines the best tree with its labels (outside the budget: 1,200 moves per step). While no plan costs
 * `lookahead.above` or less, the `lookahead` restarts follow, alternately from the given tree and from the best
 * plan's: each round tries the eight labels that leave the least excess, each with a short re-annealing, and slices
 * the one whose plan promises the lowest total (its total, doubled for each halving its largest intermediate still
 * needs), or on later restarts one drawn with weights halving with each doubling of that promise; the best tree is
 * then polished again. Returns the cheapest plan in
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
  const reanneal = (
    ssa: SsaPath,
    labels: readonly number[],
    seed: number,
    schedule: { readonly stages: number; readonly sweeps: number } = { stages: options.stages ?? 30, sweeps: options.sweeps ?? 10 },
  ): { ssa: SsaPath; path: LinearPath } => {
    const problem = prepareProblem({ ...network, sizes: slicedSizes(network, labels) });
    const slicing = { leaves: slicedLeaves(problem, labels), slices: sliceCount(network.sizes, labels) };
    const annealOptions = { seed, ...schedule, sizeLimit: memoryLimit, budget, slicing };
    const annealed = annealSsa(problem, ssa, annealOptions);
    return { ssa: annealed, path: planFromSsa(problem, annealed).path };
  };
  type Current = { ssa: SsaPath; path: LinearPath };
  // slices one label at a time (chosen by `choose`), re-annealing the tree after each, until the tree fits (or, with
  // `prune`, until it cannot beat the best plan); then gives back each label the re-annealed tree can do without
  const sliceAndReanneal = (
    from: SsaPath,
    seedBase: number,
    prune: boolean,
    choose: (current: Current, labels: readonly number[], seed: number) => Current & { label: number | undefined },
  ): void => {
    const labels: number[] = [];
    let current = reanneal(from, labels, seedBase + 1);
    for (let round = 0; round < labelCount && !budget.exhausted; round++) {
      if (consider(current.path, labels, current.ssa)) break;
      if (prune && slicedTotal(priceSlicing(network, current.path, labels)) * PRUNE_FACTOR > bound()) break;
      const chosen = choose(current, labels, seedBase + round + 2);
      if (chosen.label === undefined) break;
      labels.push(chosen.label);
      current = reanneal(chosen.ssa, labels, seedBase + round + 2);
    }
    if (!consider(current.path, labels, current.ssa)) return;
    for (const label of [...labels]) {
      if (budget.exhausted) break;
      const without = labels.filter((other) => other !== label);
      const attempt = reanneal(current.ssa, without, seedBase + 500 + label);
      if (consider(attempt.path, without, attempt.ssa)) {
        labels.splice(labels.indexOf(label), 1);
        current = attempt;
      }
    }
  };
  for (let restart = 0; restart < restarts && !budget.exhausted; restart++) {
    const random = restart === 0 ? undefined : seededRandom(restart + 1);
    sliceAndReanneal(start, restart * 1000, true, (current, labels) => ({
      ...current,
      label: nextLabel(network, current.path, labels, memoryLimit, random),
    }));
  }
  // tries the labels that leave the least excess, each with a short re-annealing, and keeps the one whose plan
  // promises the lowest total: its total times 2 for each halving its largest intermediate still needs
  const lookaheadLabel = (current: Current, labels: readonly number[], seed: number, random: (() => number) | undefined): Current & { label: number | undefined } => {
    const limitLog = Math.log2(memoryLimit);
    const tried = rankedLabels(network, current.path, labels, memoryLimit)
      .slice(0, LOOKAHEAD_CANDIDATES)
      .map(({ label }) => {
        const quick = reanneal(current.ssa, [...labels, label], seed, LOOKAHEAD_SCHEDULE);
        const priced = priceSlicing(network, quick.path, [...labels, label]);
        const promise = Math.log2(slicedTotal(priced)) + Math.max(0, Math.log2(priced.largestIntermediate) - limitLog);
        return { ...quick, label, promise };
      });
    tried.sort((a, b) => a.promise - b.promise || a.label - b.label);
    const first = tried[0];
    if (first === undefined) return { ...current, label: undefined };
    const picked = random === undefined ? first : drawn(tried, tried.map(({ promise }) => 2 ** -(promise - first.promise)), random);
    return { ssa: current.ssa, path: current.path, label: picked.label };
  };
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
  // a last, colder annealing of the best tree with its labels (outside the budgets)
  const polish = (seed: number): void => {
    if (best === undefined) return;
    budget = new SearchBudget(Infinity, Infinity, whole.deadline);
    const polished = reanneal(best.ssa, best.slicing.labels, seed, POLISH);
    consider(polished.path, best.slicing.labels, polished.ssa);
  };
  polish(104_729);
  if (options.lookahead !== undefined && (best?.total ?? Infinity) > (options.lookahead.above ?? 0)) {
    const before = best?.total;
    budget = options.lookahead.budget;
    for (let restart = 0; restart < options.lookahead.restarts && !budget.exhausted; restart++) {
      const random = restart === 0 ? undefined : seededRandom(LOOKAHEAD_SEED + restart);
      // every other one starts from the best plan's tree, already shaped for a small width
      const from = best !== undefined && restart % 2 === 1 ? best.ssa : start;
      // unpruned: half-way, a tree annealed towards the limit often costs more than the plan it ends in
      sliceAndReanneal(from, LOOKAHEAD_SEED + restart * 1000, false, (current, labels, seed) => lookaheadLabel(current, labels, seed, random));
    }
    if (best !== undefined && best.total !== before) polish(130_363);
  }
  if (best === undefined) return undefined;
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
  const scored = rankedLabels(network, path, labels, memoryLimit);
  const first = scored[0];
  if (first === undefined) return undefined;
  if (random === undefined) {
    const tied = scored.filter((entry) => entry.excess <= first.excess + 1e-9);
    const totals = tied.map((entry) => ({ label: entry.label, total: slicedTotal(priceSlicing(network, path, [...labels, entry.label])) }));
    totals.sort((a, b) => a.total - b.total || a.label - b.label);
    return (totals[0] as { label: number }).label;
  }
  return drawn(scored, scored.map(({ excess }) => 2 ** -(excess - first.excess)), random).label;
}

/**
 * The labels (of size above 1) of the step results above the limit, the one leaving the least excess first (the sum
 * over those steps of how many times, in log2, a result is larger than the limit once the label is sliced), ties by
 * label.
 */
function rankedLabels(network: Network, path: LinearPath, labels: readonly number[], memoryLimit: number): { label: number; excess: number }[] {
  const sizes = slicedSizes(network, labels);
  const limitLog = Math.log2(memoryLimit);
  const oversized: { labels: readonly number[]; log: number }[] = [];
  forEachStep(network, path, (_, result) => {
    const log = result.reduce((sum, label) => sum + Math.log2(sizes[label] as number), 0);
    if (log > limitLog + 1e-9) oversized.push({ labels: result, log });
  });
  const candidates = [...new Set(oversized.flatMap((step) => step.labels))].filter((label) => (sizes[label] as number) > 1);
  const scored = candidates.map((label) => {
    const cut = Math.log2(sizes[label] as number);
    let excess = 0;
    for (const step of oversized) excess += Math.max(0, step.log - (step.labels.includes(label) ? cut : 0) - limitLog);
    return { label, excess };
  });
  return scored.sort((a, b) => a.excess - b.excess || a.label - b.label);
}

/** One of `entries`, drawn with the given weights. */
function drawn<T>(entries: readonly T[], weights: readonly number[], random: () => number): T {
  let draw = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [index, entry] of entries.entries()) {
    draw -= weights[index] as number;
    if (draw < 0) return entry;
  }
  return entries[0] as T;
}
