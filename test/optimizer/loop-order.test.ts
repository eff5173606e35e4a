import { describe, expect, it } from "vitest";
import { cheapestLoopOrder } from "../../src/optimizer/loop-order.js";
import { seededRandom } from "../../src/optimizer/random.js";

/** The total of one loop order, straight from the definition: each group of steps runs once per combination of the labels up to its innermost one. */
function costOf(order: readonly number[], labels: readonly number[], sizes: readonly number[], flopsByMask: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [mask, flops] of flopsByMask) {
    const depends = labels.filter((_, bit) => (mask & (1 << bit)) !== 0);
    const innermost = Math.max(-1, ...depends.map((label) => order.indexOf(label)));
    total += flops * order.slice(0, innermost + 1).reduce((product, label) => product * (sizes[label] as number), 1);
  }
  return total;
}

function permutations(labels: readonly number[]): number[][] {
  if (labels.length <= 1) return [[...labels]];
  return labels.flatMap((label, at) => permutations([...labels.slice(0, at), ...labels.slice(at + 1)]).map((rest) => [label, ...rest]));
}

describe("the loop order of sliced labels", () => {
  it("puts outside the label that the costly steps depend on alone", () => {
    expect(cheapestLoopOrder([3, 5], [0, 0, 0, 2, 0, 3], new Map([[1, 10], [3, 1]]))).toEqual({ order: [3, 5], flops: 26 });
    expect(cheapestLoopOrder([3, 5], [0, 0, 0, 2, 0, 3], new Map([[2, 10], [3, 1]]))).toEqual({ order: [5, 3], flops: 36 });
  });

  it("finds the cheapest of all orders, on random groups of steps", () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 40; trial++) {
      const count = 1 + Math.floor(random() * 5);
      const labels = Array.from({ length: count }, (_, index) => 2 * index + 1);
      const sizes = Array.from({ length: 2 * count + 2 }, () => 2 + Math.floor(random() * 4));
      const flopsByMask = new Map<number, number>();
      for (let group = 0; group < 6; group++) flopsByMask.set(Math.floor(random() * (1 << count)), 1 + Math.floor(random() * 1000));
      const found = cheapestLoopOrder(labels, sizes, flopsByMask);
      expect([...found.order].sort((a, b) => a - b)).toEqual(labels);
      expect(found.flops).toBe(costOf(found.order, labels, sizes, flopsByMask));
      expect(found.flops).toBe(Math.min(...permutations(labels).map((order) => costOf(order, labels, sizes, flopsByMask))));
    }
  });
});
