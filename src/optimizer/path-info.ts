import type { SearchReport } from "./choose-path.js";
import { stepCost } from "./cost-model.js";
import { sizeOfLabels } from "./label-set.js";
import type { LinearPath, Network } from "./network.js";
import { pathToDot } from "./dot.js";
import { formatReport } from "./report.js";

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
  /** A report like `numpy.einsum_path`'s. */
  toString(): string;
  /** The contraction tree as Graphviz DOT. */
  toDot(): string;
}

/**
 * Prices a (valid) linear path over a network and describes each step; `labelNames[label]` names the labels.
 *
 * @example
 * describePath({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]], ["i", "j", "k"]).flops;
 * //=> 48
 */
export function describePath(
  network: Network,
  path: LinearPath,
  labelNames: readonly string[],
  search: SearchReport = { method: "path", complete: true, trials: 0 },
): PathInfo {
  const { sizes, output } = network;
  const termOf = (labels: readonly number[]): string => labels.map((label) => labelNames[label] ?? "?").join("");
  const equationOf = (operands: readonly (readonly number[])[]): string =>
    `${operands.map(termOf).join(",")}->${termOf(output)}`;
  let operands: (readonly number[])[] = network.inputs.map((labels) => [...labels]);
  const steps: ContractionStep[] = [];
  let flops = 0;
  let largestIntermediate = 0;
  path.forEach((positions, index) => {
    const chosen = positions.map((position) => operands[position] ?? []);
    const rest = operands.filter((_, position) => !positions.includes(position));
    const keep = new Set<number>(output);
    for (const labels of rest) for (const label of labels) keep.add(label);
    const union = new Set<number>();
    for (const labels of chosen) for (const label of labels) union.add(label);
    const isLast = index === path.length - 1 && rest.length === 0;
    const result = isLast ? [...output] : [...union].filter((label) => keep.has(label));
    const stepFlops = stepCost(sizeOfLabels([...union], sizes), chosen.length, result.length < union.size);
    const resultSize = sizeOfLabels(result, sizes);
    operands = [...rest, result];
    flops += stepFlops;
    largestIntermediate = Math.max(largestIntermediate, resultSize);
    steps.push({
      positions: [...positions],
      einsum: `${chosen.map(termOf).join(",")}->${termOf(result)}`,
      inputs: chosen,
      result,
      flops: stepFlops,
      resultSize,
      scaling: union.size,
      remaining: equationOf(operands),
    });
  });
  if (path.length === 0) largestIntermediate = sizeOfLabels(output, sizes);
  const all = new Set<number>(network.inputs.flat());
  const naiveFlops = stepCost(
    sizeOfLabels([...all], sizes),
    network.inputs.length,
    [...all].some((label) => !output.includes(label)),
  );
  const equation = equationOf(network.inputs);
  const info: PathInfo = {
    path: path.map((positions) => [...positions]),
    flops,
    naiveFlops,
    speedup: flops === 0 ? 1 : naiveFlops / flops,
    largestIntermediate,
    steps,
    equation,
    search,
    toString: () => formatReport(info, all.size),
    toDot: () => pathToDot(network, info, termOf),
  };
  return info;
}
