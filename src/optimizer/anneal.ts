import type { SearchBudget } from "./budget.js";
import { LabelledTree } from "./labelled-tree.js";
import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";
import { seededRandom } from "./random.js";

/**
 * Options of the tree annealing: the seed, the inverse temperatures (on the log2 scale of a step's cost) it cools
 * through, the sweeps over the tree at each, an optional largest intermediate (`sizeLimit`, in elements: a step
 * whose result is larger pays a penalty, so that a sliced network's tree keeps its intermediates small) and a
 * budget (one trial per proposed move), and for a sliced network its `slicing`.
 *
 * @example
 * const options: AnnealOptions = { seed: 2, stages: 60, sweeps: 8, betaStart: 0.5, betaEnd: 24 };
 */
export interface AnnealOptions {
  readonly seed?: number;
  readonly stages?: number;
  readonly sweeps?: number;
  readonly betaStart?: number;
  readonly betaEnd?: number;
  readonly sizeLimit?: number;
  readonly budget?: SearchBudget;
  /**
   * For a sliced network: which leaves carry a sliced label, and the slice count by which the steps above them
   * are weighed ({@link LabelledTree.weighBySlices}).
   */
  readonly slicing?: { readonly leaves: Uint8Array; readonly slices: number };
}

/**
 * Simulated annealing over contraction trees (TreeSA, as OMEinsumContractionOrders and cotengra do it): starting
 * from the tree of `start`, it visits every internal node top-down, proposes one of its local rotations
 * (`((a, b), c)` to `(a, (b, c))` or `(b, (a, c))`, and the mirror images), and accepts it by the Metropolis rule
 * on the change of the log2 cost of the two steps it touches, while the inverse temperature rises from `betaStart`
 * to `betaEnd`. Leaves enter with their own labels summed. Returns the cheapest tree seen, as an SSA path; seeded
 * and counted, so the same budget gives the same path.
 *
 * @example
 * annealSsa(problem, greedySsa(problem), { seed: 1, stages: 40, sweeps: 4 });
 */
export function annealSsa(problem: Problem, start: SsaPath, options: AnnealOptions = {}): SsaPath {
  const tree = new LabelledTree(problem, start);
  if (tree.leafCount < 3) return start;
  if (options.slicing !== undefined) tree.weighBySlices(options.slicing.leaves, options.slicing.slices);
  const schedule = annealingSchedule(options);
  const limitLog = Math.log2(options.sizeLimit ?? Infinity);
  let best = tree.score(limitLog);
  let bestShape = tree.snapshot();
  const keepBest = (): void => {
    const score = tree.score(limitLog);
    if (score < best * (1 - 1e-12)) {
      best = score;
      bestShape = tree.snapshot();
    }
  };
  for (let stage = 0; stage < schedule.stages; stage++) {
    if (!annealStage(tree, schedule, stage, limitLog, keepBest)) break;
  }
  tree.restore(bestShape);
  return tree.toSsa();
}

/**
 * An annealing's schedule, from its options with their defaults: its random stream, the temperatures it cools
 * through, the sweeps at each, and its budget.
 *
 * @example
 * annealingSchedule({ seed: 2 }).stages; //=> 50
 */
export interface AnnealingSchedule {
  readonly random: () => number;
  readonly stages: number;
  readonly sweeps: number;
  readonly betaStart: number;
  readonly betaEnd: number;
  readonly budget: SearchBudget | undefined;
}

/**
 * The schedule of {@link AnnealOptions}: 50 temperatures of 6 sweeps from 0.5 to 24 unless they say otherwise.
 *
 * @example
 * annealingSchedule({ stages: 10, sweeps: 2 }).betaEnd; //=> 24
 */
export function annealingSchedule(options: AnnealOptions): AnnealingSchedule {
  return {
    random: annealingRandom(options.seed ?? 1),
    stages: Math.max(1, options.stages ?? 50),
    sweeps: Math.max(1, options.sweeps ?? 6),
    betaStart: options.betaStart ?? 0.5,
    betaEnd: options.betaEnd ?? 24,
    budget: options.budget,
  };
}

/**
 * The sweeps of one temperature of a schedule over `tree`, with intermediates above `2^limitLog` penalized, calling
 * `afterSweep` after each; false when the budget ran out, which ends the annealing.
 *
 * @example
 * for (let stage = 0; stage < schedule.stages; stage++) if (!annealStage(tree, schedule, stage, Infinity, keepBest)) break;
 */
export function annealStage(tree: LabelledTree, schedule: AnnealingSchedule, stage: number, limitLog: number, afterSweep: () => void): boolean {
  const beta = inverseTemperature(stage, schedule.stages, schedule.betaStart, schedule.betaEnd);
  for (let sweep = 0; sweep < schedule.sweeps; sweep++) {
    if (schedule.budget !== undefined && !schedule.budget.spend(tree.leafCount - 1)) return false;
    tree.sweep(beta, limitLog, schedule.random);
    afterSweep();
  }
  return true;
}

/**
 * The inverse temperature of a stage: rising geometrically from `start` to `end`.
 *
 * @example
 * inverseTemperature(0, 3, 1, 4); //=> 1
 * inverseTemperature(1, 3, 1, 4); //=> 2
 */
export function inverseTemperature(stage: number, stages: number, start: number, end: number): number {
  return stages === 1 ? end : start * (end / start) ** (stage / (stages - 1));
}

/**
 * The annealings' random stream for a seed: the seed is scrambled first, so that it does not follow the stream of
 * the randomized greedy runs seeded with the same number.
 *
 * @example
 * annealingRandom(1)(); // a number in [0, 1), the same on every run
 */
export function annealingRandom(seed: number): () => number {
  return seededRandom((seed * 0x9e3779b1) >>> 0);
}
