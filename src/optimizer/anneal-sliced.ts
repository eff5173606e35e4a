import { annealingSchedule, annealStage, type AnnealOptions } from "./anneal.js";
import { LabelledTree } from "./labelled-tree.js";
import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";
import { sliceCount } from "./slicing.js";

/**
 * A tree and the labels it slices (see {@link annealSlicedSsa}).
 *
 * @example
 * const found: SlicedTree = { ssa: [[0, 1], [2, 3]], labels: [1] };
 */
export interface SlicedTree {
  readonly ssa: SsaPath;
  readonly labels: readonly number[];
}

/**
 * Tree annealing with slicing, as TreeSA does it: the sliced labels evolve with the tree. Before each temperature,
 * while a step's result is larger than `sizeLimit`, the label that best brings the results down is sliced (its size
 * set to 1); from the second temperature on, one sliced label drawn at random is first given back, so that a
 * better choice can take its place. The annealing then runs at that temperature with intermediates above the limit
 * penalized. Returns the tree and labels of the cheapest plan in total (the shared steps once, the others once per
 * slice) that fit
 * the limit, or `undefined` when none did.
 *
 * @example
 * annealSlicedSsa(problem, greedySsa(problem), { sizeLimit: 64, seed: 1 })?.labels;
 */
export function annealSlicedSsa(problem: Problem, start: SsaPath, options: AnnealOptions & { readonly sizeLimit: number }): SlicedTree | undefined {
  const tree = new LabelledTree(problem, start);
  const limit = options.sizeLimit;
  const schedule = annealingSchedule(options);
  const limitLog = Math.log2(limit);
  const sliced: number[] = [];
  const sliceUntilFits = (): boolean => {
    for (let label = tree.bestSlice(limit); label !== undefined; label = tree.bestSlice(limit)) {
      sliced.push(label);
      tree.resize(label, 1);
    }
    tree.weighBySlices(slicedLeaves(problem, sliced), sliceCount(problem.sizes, sliced));
    return tree.largest() <= limit;
  };
  let best: { total: number; shape: { left: Int32Array; right: Int32Array }; labels: number[] } | undefined;
  const record = (): void => {
    if (tree.largest() > limit) return;
    const shared = tree.sharedFlops();
    const total = shared + sliceCount(problem.sizes, sliced) * (tree.flops() - shared);
    if (best === undefined || total < best.total * (1 - 1e-12)) best = { total, shape: tree.snapshot(), labels: [...sliced] };
  };
  for (let stage = 0; stage < schedule.stages; stage++) {
    if (stage > 0 && sliced.length > 0) {
      const [label] = sliced.splice(Math.floor(schedule.random() * sliced.length), 1);
      tree.resize(label as number, problem.sizes[label as number] as number);
    }
    if (!sliceUntilFits()) break;
    record();
    if (!annealStage(tree, schedule, stage, limitLog, record)) break;
  }
  if (best === undefined) return undefined;
  tree.restore(best.shape);
  return { ssa: tree.toSsa(), labels: best.labels.sort((a, b) => a - b) };
}

/**
 * Which leaves carry a sliced label (1) and which do not (0): the steps above the former run once per slice.
 *
 * @example
 * slicedLeaves(prepareProblem({ inputs: [[0, 1], [1, 2]], output: [], sizes: [2, 2, 2] }), [0]); //=> Uint8Array [1, 0]
 */
export function slicedLeaves(problem: Problem, labels: readonly number[]): Uint8Array {
  const leaves = new Uint8Array(problem.operandCount);
  problem.inputs.forEach((inputLabels, leaf) => {
    leaves[leaf] = inputLabels.some((label) => labels.includes(label)) ? 1 : 0;
  });
  return leaves;
}
