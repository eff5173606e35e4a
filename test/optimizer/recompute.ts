import type { Network } from "../../src/optimizer/network.js";

/**
 * The cost of a linear path, recomputed from scratch with the convention's definition, and its largest result.
 * Throws when the path is not valid (each operand used exactly once, ending with one operand).
 *
 * @example
 * recomputeCost({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]]); //=> { flops: 48, ... }
 */
export function recomputeCost(
  network: Network,
  path: readonly (readonly number[])[],
): { flops: number; largest: number; stepSizes: number[]; stepFlops: number[] } {
  let operands: number[][] = network.inputs.map((labels) => [...new Set(labels)]);
  let flops = 0;
  const stepSizes: number[] = [];
  const stepFlops: number[] = [];
  for (const step of path) {
    if (step.length === 0 || new Set(step).size !== step.length) throw new Error(`bad step ${JSON.stringify(step)}`);
    for (const position of step) {
      if (!Number.isInteger(position) || position < 0 || position >= operands.length) {
        throw new Error(`position ${position} out of range`);
      }
    }
    const chosen = step.map((position) => operands[position] as number[]);
    const rest = operands.filter((_, position) => !step.includes(position));
    const union = new Set(chosen.flat());
    const keep = new Set([...network.output, ...rest.flat()]);
    const result = [...union].filter((label) => keep.has(label));
    let size = 1;
    for (const label of union) size *= network.sizes[label] as number;
    stepFlops.push(size * (Math.max(1, step.length - 1) + (result.length < union.size ? 1 : 0)));
    flops += stepFlops[stepFlops.length - 1] as number;
    let resultSize = 1;
    for (const label of result) resultSize *= network.sizes[label] as number;
    stepSizes.push(resultSize);
    operands = [...rest, result];
  }
  if (operands.length !== 1) throw new Error(`the path leaves ${operands.length} operands`);
  return { flops, largest: Math.max(0, ...stepSizes), stepSizes, stepFlops };
}

/** `actual <= expected` up to a relative tolerance of 1e-9. */
export function isNoCostlier(actual: number, expected: number): boolean {
  return actual <= expected * (1 + 1e-9);
}

/**
 * The cost of a sliced plan, recomputed from scratch: the labels in `sliced` at size 1, each step priced as in
 * {@link recomputeCost}, and split by whether some input below it (tracked as the set of inputs each operand came
 * from) carries a sliced label (`perSlice`: their cost in one slice) or not (`shared`). `total` and `runs` (how many
 * steps run in all) come from walking the slices in `order`, the last label fastest, and running a step again only
 * when a sliced label it depends on has a new value.
 *
 * @example
 * recomputeSlicedCost({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [8, 8, 8, 8] }, [[1, 2], [0, 1]], [0]);
 * //=> { perSlice: 128, shared: 1024, slices: 8, total: 2048, ... }
 */
export function recomputeSlicedCost(
  network: Network,
  path: readonly (readonly number[])[],
  sliced: readonly number[],
  order: readonly number[] = sliced,
): { perSlice: number; shared: number; slices: number; total: number; largest: number; runs: number } {
  const sizes = network.sizes.map((size, label) => (sliced.includes(label) ? 1 : size));
  const slices = sliced.reduce((product, label) => product * (network.sizes[label] as number), 1);
  const { largest, stepFlops } = recomputeCost({ ...network, sizes }, path);
  let origins: number[][] = network.inputs.map((_, input) => [input]);
  let perSlice = 0;
  let shared = 0;
  const dependsOn: number[][] = [];
  path.forEach((step, index) => {
    const from = step.flatMap((position) => origins[position] as number[]);
    const labels = sliced.filter((label) => from.some((input) => (network.inputs[input] as number[]).includes(label)));
    dependsOn.push(labels);
    if (labels.length > 0) perSlice += stepFlops[index] as number;
    else shared += stepFlops[index] as number;
    origins = [...origins.filter((_, position) => !step.includes(position)), from];
  });
  // the slices one after another, the last label of `order` fastest; a step runs again when a label it depends on
  // has a new value since it last ran
  const values = new Map(order.map((label) => [label, 0]));
  const lastRun: (string | undefined)[] = path.map(() => undefined);
  let total = 0;
  let runs = 0;
  for (let slice = 0; slice < slices; slice++) {
    let rest = slice;
    for (let at = order.length - 1; at >= 0; at--) {
      const size = network.sizes[order[at] as number] as number;
      values.set(order[at] as number, rest % size);
      rest = Math.floor(rest / size);
    }
    dependsOn.forEach((labels, index) => {
      const key = labels.map((label) => values.get(label)).join(",");
      if (lastRun[index] === key) return;
      lastRun[index] = key;
      total += stepFlops[index] as number;
      runs++;
    });
  }
  if (slices === 0) total = shared;
  return { perSlice, shared, slices, total, largest, runs };
}

/**
 * The cheapest total of slicing `sliced` on `path` over every loop order of the labels (all permutations: a few
 * labels only), each recounted by {@link recomputeSlicedCost}.
 *
 * @example
 * cheapestOrderTotal(network, path, [0, 3]); // the smaller of the totals with 0 outside and with 3 outside
 */
export function cheapestOrderTotal(network: Network, path: readonly (readonly number[])[], sliced: readonly number[]): number {
  const orders = (labels: readonly number[]): number[][] =>
    labels.length <= 1 ? [[...labels]] : labels.flatMap((label, at) => orders([...labels.slice(0, at), ...labels.slice(at + 1)]).map((rest) => [label, ...rest]));
  return Math.min(...orders(sliced).map((order) => recomputeSlicedCost(network, path, sliced, order).total));
}
