/**
 * The order of a sliced plan's loops. Slices run like an odometer over the sliced labels, the last one fastest,
 * and a step keeps its result until a sliced label it depends on (one that an input below it carries) takes a new
 * value. A step that depends on labels up to position `p` of the order therefore runs once per combination of the
 * labels at positions 0 to `p`: steps that depend only on outer labels run far fewer times than once per slice.
 * Which labels are outer is chosen here, to make the total cost least.
 */

/**
 * The most sliced labels whose order is searched (2^n subsets); beyond, they loop in ascending order.
 *
 * @example
 * MAX_ORDERED_LABELS; //=> 10
 */
export const MAX_ORDERED_LABELS = 10;

/**
 * The cheapest loop order of the sliced labels `labels` (sizes in `sizes`, by label) for steps costing
 * `flopsByMask.get(mask)` in total, where bit `i` of `mask` says the steps depend on `labels[i]`: the order
 * (outermost first) and its total cost, exactly (a dynamic program over the sets of outer labels); ties go to the
 * order found first. At most {@link MAX_ORDERED_LABELS} labels.
 *
 * @example
 * // a step of cost 10 depends on label 3 only, one of cost 1 on both: looping over 3 outside costs 10·2 + 1·6
 * cheapestLoopOrder([3, 5], [0, 0, 0, 2, 0, 3], new Map([[1, 10], [3, 1]])); //=> { order: [3, 5], flops: 26 }
 */
export function cheapestLoopOrder(
  labels: readonly number[],
  sizes: readonly number[],
  flopsByMask: ReadonlyMap<number, number>,
): { order: number[]; flops: number } {
  const count = Math.min(labels.length, MAX_ORDERED_LABELS);
  const subsets = 1 << count;
  // within[set]: the cost of the steps that depend on labels of `set` only
  const within = new Float64Array(subsets);
  for (const [mask, flops] of flopsByMask) within[mask] = (within[mask] as number) + flops;
  for (let bit = 0; bit < count; bit++) {
    for (let set = 0; set < subsets; set++) if ((set & (1 << bit)) !== 0) within[set] = (within[set] as number) + (within[set ^ (1 << bit)] as number);
  }
  const product = new Float64Array(subsets);
  product[0] = 1;
  const best = new Float64Array(subsets).fill(Infinity);
  const innermost = new Int32Array(subsets).fill(-1);
  best[0] = within[0] as number;
  for (let set = 1; set < subsets; set++) {
    const lowest = 31 - Math.clz32(set & -set);
    product[set] = (product[set & (set - 1)] as number) * (sizes[labels[lowest] as number] as number);
    for (let bit = 0; bit < count; bit++) {
      if ((set & (1 << bit)) === 0) continue;
      const outer = set ^ (1 << bit);
      const cost = (best[outer] as number) + (product[set] as number) * ((within[set] as number) - (within[outer] as number));
      if (cost < (best[set] as number)) {
        best[set] = cost;
        innermost[set] = bit;
      }
    }
  }
  const order: number[] = [];
  for (let set = subsets - 1; set !== 0; set ^= 1 << (innermost[set] as number)) order.unshift(labels[innermost[set] as number] as number);
  return { order, flops: best[subsets - 1] as number };
}
