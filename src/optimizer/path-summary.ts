import type { SearchReport } from "./choose-path.js";
import type { LinearPath } from "./network.js";

/**
 * How a plan is sliced: see {@link PathInfo.slicing}.
 *
 * @example
 * const report: SlicingReport = { labels: [1], names: "b", order: [1], slices: 3, sliceFlops: 16, sharedFlops: 4 };
 */
export interface SlicingReport {
  readonly labels: readonly number[];
  readonly names: string;
  /** The sliced labels in the order the slices loop over them, outermost first (the last one fastest). */
  readonly order: readonly number[];
  readonly slices: number;
  /** The cost of the steps a slice runs. */
  readonly sliceFlops: number;
  /** The cost of the steps that no sliced label reaches: they run once, before the slices. */
  readonly sharedFlops: number;
}

/**
 * One step of a contraction path.
 *
 * @example
 * const step: ContractionStep = {
 *   positions: [0, 1], einsum: "ij,jk->ik", inputs: [[0, 1], [1, 2]], result: [0, 2],
 *   flops: 48, resultSize: 8, scaling: 3, remaining: "ik,kl->il",
 * };
 */
export interface ContractionStep {
  /** Positions in the current operand list (opt_einsum's linear format). */
  readonly positions: readonly number[];
  /** The step as its own equation, like `"ik,kj->ij"`. */
  readonly einsum: string;
  /** The labels of the step's operands and of its result. */
  readonly inputs: readonly (readonly number[])[];
  readonly result: readonly number[];
  /** The step's cost in opt_einsum's convention. */
  readonly flops: number;
  /** The number of elements of the step's result. */
  readonly resultSize: number;
  /** The number of distinct labels the step involves. */
  readonly scaling: number;
  /** The equation that remains after the step. */
  readonly remaining: string;
}

/**
 * A contraction path and what it costs, in opt_einsum's convention.
 *
 * @example
 * const info: PathInfo = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5]);
 * info.path; //=> [[0, 1], [1, 0]]
 * info.flops; //=> 128
 */
export interface PathInfo {
  readonly path: LinearPath;
  readonly flops: number;
  /** The cost of contracting everything in one step. */
  readonly naiveFlops: number;
  /** `naiveFlops / flops`. */
  readonly speedup: number;
  /** The element count of the largest step result (the final output included, the inputs excluded). */
  readonly largestIntermediate: number;
  readonly steps: readonly ContractionStep[];
  /** The whole contraction as an equation. */
  readonly equation: string;
  /**
   * How the path was found: the method, whether the search ran to its end, what stopped it if not (`maxTrials` or
   * `maxTimeMs`), and the trials it spent.
   */
  readonly search: SearchReport;
  /**
   * Present when the plan is sliced to fit `memoryLimit`: the labels it loops over (`labels`, and their names as
   * `names`), the order of the loops (`order`, outermost first), the number of `slices`, the cost of the steps a
   * slice runs (`sliceFlops`) and of the steps no sliced label reaches, which run once (`sharedFlops`). A step keeps
   * its result until a sliced label it depends on changes, so `flops`, the total, is at most `sharedFlops + slices ×
   * sliceFlops`; `largestIntermediate` is the largest intermediate of a slice, which fits the limit.
   */
  readonly slicing?: SlicingReport;
  /** A report like `numpy.einsum_path`'s. */
  toString(): string;
  /** The contraction tree as Graphviz DOT. */
  toDot(): string;
}
