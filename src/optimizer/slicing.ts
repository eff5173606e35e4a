import { stepCost } from "./cost-model.js";
import type { LinearPath, Network } from "./network.js";
import { OperandList } from "./operand-list.js";

/**
 * A sliced plan (cotengra's sense): the contraction runs once for each combination of values of the sliced labels,
 * with those labels fixed, and the results are summed (or, for output labels, placed) into the output. Each slice
 * costs `sliceFlops` and forms no intermediate larger than `largestIntermediate` elements.
 *
 * @example
 * const plan: Slicing = { labels: [1], slices: 3, sliceFlops: 16, largestIntermediate: 8 };
 */
export interface Slicing {
  readonly labels: readonly number[];
  readonly slices: number;
  readonly sliceFlops: number;
  readonly largestIntermediate: number;
}

/**
 * How many slices slicing `labels` makes: the product of their sizes.
 *
 * @example
 * sliceCount([2, 3, 4], [0, 2]); //=> 8
 */
export function sliceCount(sizes: readonly number[], labels: readonly number[]): number {
  return labels.reduce((product, label) => product * (sizes[label] as number), 1);
}

/**
 * The cost of a path and the element count of its largest step result (the output included, the inputs excluded),
 * with the given sizes: the network's own, or with sliced labels set to 1.
 *
 * @example
 * pricePath({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]], [2, 3, 4]); //=> { flops: 48, largest: 8 }
 */
export function pricePath(network: Network, path: LinearPath, sizes: readonly number[]): { flops: number; largest: number } {
  const sizeOf = (labels: Iterable<number>): number => {
    let size = 1;
    for (const label of labels) size *= sizes[label] as number;
    return size;
  };
  let flops = 0;
  let largest = path.length === 0 ? sizeOf(network.output) : 0;
  forEachStep(network, path, (union, result, operandCount) => {
    flops += stepCost(sizeOf(union), operandCount, result.length < union.size);
    largest = Math.max(largest, sizeOf(result));
  });
  return { flops, largest };
}

/**
 * Walks a path, giving each step's labels (all, and those its result keeps) and its operand count.
 *
 * @example
 * forEachStep({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]], (union, result) => result); // visits [0, 2]
 */
export function forEachStep(
  network: Network,
  path: LinearPath,
  visit: (union: ReadonlySet<number>, result: readonly number[], operandCount: number) => void,
): void {
  const labelsOf: (readonly number[])[] = network.inputs.map((labels) => [...new Set(labels)]);
  const list = new OperandList(labelsOf.length, path.length);
  const carriers = new Map<number, number>();
  const count = (labels: readonly number[], delta: number): void => {
    for (const label of labels) carriers.set(label, (carriers.get(label) ?? 0) + delta);
  };
  for (const labels of labelsOf) count(labels, 1);
  const isOutput = new Set(network.output);
  path.forEach((positions, index) => {
    const chosen = list.remove(positions).map((slot) => labelsOf[slot] ?? []);
    for (const labels of chosen) count(labels, -1);
    const union = new Set<number>();
    for (const labels of chosen) for (const label of labels) union.add(label);
    const isLast = index === path.length - 1 && list.size === 0;
    const result = isLast ? [...isOutput] : [...union].filter((label) => isOutput.has(label) || (carriers.get(label) ?? 0) > 0);
    visit(union, result, chosen.length);
    labelsOf[list.append()] = result;
    count(result, 1);
  });
}

/**
 * Chooses labels to slice so that no intermediate of `path` is larger than `memoryLimit` elements, greedily: while
 * the largest intermediate is too large, it slices the one of its labels that keeps the total cost (slices times
 * the cost of a slice) lowest. Returns `undefined` when no choice of labels fits the limit.
 *
 * @example
 * chooseSlicing({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [8, 8, 8, 8] }, [[0, 1], [0, 1]], 8)?.labels;
 * //=> [0]
 */
export function chooseSlicing(network: Network, path: LinearPath, memoryLimit: number): Slicing | undefined {
  const sizes = [...network.sizes];
  const labels: number[] = [];
  let slices = 1;
  let priced = pricePath(network, path, sizes);
  while (priced.largest > memoryLimit) {
    let best: { label: number; total: number; priced: { flops: number; largest: number } } | undefined;
    for (const label of oversizedLabels(network, path, sizes, memoryLimit)) {
      const size = sizes[label] as number;
      sizes[label] = 1;
      const candidate = pricePath(network, path, sizes);
      sizes[label] = size;
      const total = slices * size * candidate.flops;
      if (
        best === undefined ||
        total < best.total ||
        (total === best.total && candidate.largest < best.priced.largest)
      ) {
        best = { label, total, priced: candidate };
      }
    }
    if (best === undefined) return undefined;
    slices *= sizes[best.label] as number;
    sizes[best.label] = 1;
    labels.push(best.label);
    priced = best.priced;
  }
  return { labels: labels.sort((a, b) => a - b), slices, sliceFlops: priced.flops, largestIntermediate: priced.largest };
}

/**
 * The labels (of size above 1) of the largest step results, when they are larger than the limit: slicing one of
 * them is what brings the largest intermediate down.
 *
 * @example
 * oversizedLabels({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [8, 8, 8, 8] }, [[0, 1], [0, 1]], [8, 8, 8, 8], 8);
 * //=> [0, 2]
 */
export function oversizedLabels(network: Network, path: LinearPath, sizes: readonly number[], memoryLimit: number): number[] {
  let found = new Set<number>();
  let largest = memoryLimit;
  const visit = (result: readonly number[]): void => {
    let size = 1;
    for (const label of result) size *= sizes[label] as number;
    if (size < largest || size <= memoryLimit) return;
    if (size > largest) {
      largest = size;
      found = new Set();
    }
    for (const label of result) if ((sizes[label] as number) > 1) found.add(label);
  };
  if (path.length === 0) visit(network.output);
  forEachStep(network, path, (_, result) => visit(result));
  return [...found].sort((a, b) => a - b);
}
