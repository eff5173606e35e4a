import { stepCost } from "./cost-model.js";
import { cheapestLoopOrder, MAX_ORDERED_LABELS } from "./loop-order.js";
import type { LinearPath, Network } from "./network.js";
import { OperandList } from "./operand-list.js";

/**
 * A sliced plan (cotengra's sense): the contraction runs once for each combination of values of the sliced labels,
 * with those labels fixed, and the results are summed (or, for output labels, placed) into the output. The steps
 * that no sliced label reaches (below them in the tree, no input carries one) give the same result in every slice:
 * they run once, before the slices, and cost `sharedFlops`; the other steps cost `sliceFlops` in one slice. The
 * slices loop over the labels in `order` (outermost first, the last fastest), and a step runs again only when a
 * sliced label it depends on changes (`loop-order.ts`): `flops` is the total, at most `sharedFlops + slices ×
 * sliceFlops`. No step forms an intermediate larger than `largestIntermediate` elements.
 *
 * @example
 * const plan: Slicing = { labels: [1], order: [1], slices: 3, sliceFlops: 16, sharedFlops: 4, flops: 52, largestIntermediate: 8 };
 */
export interface Slicing {
  /** The sliced labels, ascending. */
  readonly labels: readonly number[];
  /** The sliced labels in the order the slices loop over them, outermost first. */
  readonly order: readonly number[];
  readonly slices: number;
  readonly sliceFlops: number;
  readonly sharedFlops: number;
  /** The total: every step once per change of the sliced labels it depends on. */
  readonly flops: number;
  readonly largestIntermediate: number;
}

/**
 * The total cost of a sliced plan: each step once per change of the sliced labels it depends on, in the plan's loop
 * order (the shared steps once).
 *
 * @example
 * slicedTotal({ flops: 52 }); //=> 52
 */
export function slicedTotal(slicing: Pick<Slicing, "flops">): number {
  return slicing.flops;
}

/**
 * The slicing of `labels` on `path`: how many slices, what one slice costs, what the shared steps cost, the loop
 * order that makes the total least, that total (see {@link Slicing}) and the largest intermediate of a slice.
 *
 * @example
 * priceSlicing({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [8, 8, 8, 8] }, [[1, 2], [0, 1]], [0]);
 * //=> { labels: [0], order: [0], slices: 8, sliceFlops: 128, sharedFlops: 1024, flops: 2048, largestIntermediate: 64 }
 */
export function priceSlicing(network: Network, path: LinearPath, labels: readonly number[]): Slicing {
  const sorted = [...new Set(labels)].sort((a, b) => a - b);
  const ordered = sorted.slice(0, MAX_ORDERED_LABELS);
  const bitOf = new Map(ordered.map((label, bit) => [label, 1 << bit]));
  // labels past the ordered ones loop innermost, in ascending order: a step depending on one runs in every slice
  const isInner = new Set(sorted.slice(MAX_ORDERED_LABELS));
  const sizes = network.sizes.map((size, label) => (bitOf.has(label) || isInner.has(label) ? 1 : size));
  const maskOf = (labelsOf: readonly number[]): number => {
    let mask = 0;
    for (const label of labelsOf) mask |= isInner.has(label) ? -1 : (bitOf.get(label) ?? 0);
    return mask;
  };
  const masks: number[] = network.inputs.map(maskOf);
  const flopsByMask = new Map<number, number>();
  let innerFlops = 0;
  let sliceFlops = 0;
  let sharedFlops = 0;
  let largest = path.length === 0 ? sizeOfLabels(network.output, sizes) : 0;
  forEachStep(network, path, (union, result, operandCount, slots, resultSlot) => {
    const flops = stepCost(sizeOfLabels(union, sizes), operandCount, result.length < union.size);
    let mask = 0;
    for (const slot of slots) mask |= masks[slot] as number;
    masks[resultSlot] = mask;
    if (mask === -1) innerFlops += flops;
    else flopsByMask.set(mask, (flopsByMask.get(mask) ?? 0) + flops);
    if (mask !== 0) sliceFlops += flops;
    else sharedFlops += flops;
    largest = Math.max(largest, sizeOfLabels(result, sizes));
  });
  const slices = sliceCount(network.sizes, sorted);
  const { order, flops } = cheapestLoopOrder(ordered, network.sizes, flopsByMask);
  const total = flops + slices * innerFlops;
  return { labels: sorted, order: [...order, ...isInner], slices, sliceFlops, sharedFlops, flops: total, largestIntermediate: largest };
}

/** The element count of an array with these labels. */
function sizeOfLabels(labels: Iterable<number>, sizes: readonly number[]): number {
  let size = 1;
  for (const label of labels) size *= sizes[label] as number;
  return size;
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
 * Walks a path, giving each step's labels (all, and those its result keeps), its operand count, the slots it takes
 * (the inputs are slots 0 to n - 1, and each step's result takes the next) and its result's slot.
 *
 * @example
 * forEachStep({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]], (union, result) => result); // visits [0, 2]
 */
export function forEachStep(
  network: Network,
  path: LinearPath,
  visit: (union: ReadonlySet<number>, result: readonly number[], operandCount: number, slots: readonly number[], resultSlot: number) => void,
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
    const slots = list.remove(positions);
    const chosen = slots.map((slot) => labelsOf[slot] ?? []);
    for (const labels of chosen) count(labels, -1);
    const union = new Set<number>();
    for (const labels of chosen) for (const label of labels) union.add(label);
    const isLast = index === path.length - 1 && list.size === 0;
    const result = isLast ? [...isOutput] : [...union].filter((label) => isOutput.has(label) || (carriers.get(label) ?? 0) > 0);
    const resultSlot = list.append();
    visit(union, result, chosen.length, slots, resultSlot);
    labelsOf[resultSlot] = result;
    count(result, 1);
  });
}

/**
 * Chooses labels to slice so that no intermediate of `path` is larger than `memoryLimit` elements, greedily: while
 * the largest intermediate is too large, it slices the one of its labels that keeps the total cost lowest, counted
 * once as if every step ran in every slice and once with the shared steps run once ({@link slicedTotal}); the
 * cheaper of the two slicings wins. Returns `undefined` when no choice of labels fits the limit.
 *
 * @example
 * chooseSlicing({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [8, 8, 8, 8] }, [[0, 1], [0, 1]], 8)?.labels;
 * //=> [0]
 */
export function chooseSlicing(network: Network, path: LinearPath, memoryLimit: number): Slicing | undefined {
  const everyStep = (slicing: Slicing): number => slicing.slices * (slicing.sliceFlops + slicing.sharedFlops);
  const found = [everyStep, slicedTotal].map((cost) => sliceGreedily(network, path, memoryLimit, cost));
  const [first, second] = found;
  if (first === undefined || second === undefined) return first ?? second;
  return slicedTotal(second) < slicedTotal(first) ? second : first;
}

/** {@link chooseSlicing} with one way of counting a candidate's cost. */
function sliceGreedily(network: Network, path: LinearPath, memoryLimit: number, cost: (slicing: Slicing) => number): Slicing | undefined {
  const sizes = [...network.sizes];
  let priced = priceSlicing(network, path, []);
  while (priced.largestIntermediate > memoryLimit) {
    let best: { total: number; priced: Slicing } | undefined;
    for (const label of oversizedLabels(network, path, sizes, memoryLimit)) {
      const candidate = priceSlicing(network, path, [...priced.labels, label]);
      const total = cost(candidate);
      if (
        best === undefined ||
        total < best.total ||
        (total === best.total && candidate.largestIntermediate < best.priced.largestIntermediate)
      ) {
        best = { total, priced: candidate };
      }
    }
    if (best === undefined) return undefined;
    priced = best.priced;
    for (const label of priced.labels) sizes[label] = 1;
  }
  return priced;
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
