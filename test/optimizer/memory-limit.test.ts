import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import type { OptimizeOption } from "../../src/optimizer/choose-path.js";
import { MAX_SLICING_OVERHEAD } from "../../src/optimizer/choose-path.js";
import { writeMemoryLimitUnmet } from "../../src/messages.js";
import { cheapestReference, networkFromEquation, referenceData } from "./fixtures.js";
import { lattice } from "./generators.js";
import { isNoCostlier, recomputeCost, recomputeSlicedCost } from "./recompute.js";
import { thrown } from "./thrown.js";

const ourMethod: Readonly<Record<string, OptimizeOption>> = {
  optimal: "optimal",
  "branch-2": "branch",
  dp: "dp",
  greedy: "greedy",
  auto: "auto",
};

describe("memory limits, against opt_einsum under the same limit", () => {
  const cases = referenceData().memory_limit_cases;
  it.each(cases.map((reference) => [`${reference.name} @ ${reference.memory_limit}`, reference] as const))(
    "%s",
    (_, reference) => {
      const network = networkFromEquation(reference.eq, reference.shapes);
      const inputSizes = network.inputs.map((labels) =>
        [...new Set(labels)].reduce((size, label) => size * (network.sizes[label] as number), 1),
      );
      const limit =
        reference.memory_limit === "max_input"
          ? Math.max(...inputSizes)
          : reference.memory_limit === -1
            ? undefined
            : Number(reference.memory_limit);
      const results: Record<string, number> = {};
      for (const [theirs, ours] of Object.entries(ourMethod)) {
        const info = contractPath(network, limit === undefined ? { optimize: ours } : { optimize: ours, memoryLimit: limit });
        const slicing = info.slicing;
        if (slicing !== undefined && limit !== undefined) {
          // opt_einsum ends with one step over everything that is left, over the limit; the sliced plan fits
          // everywhere, slice by slice
          const recomputed = recomputeSlicedCost(network, info.path, slicing.labels, slicing.order);
          expect(info.flops).toBe(recomputed.total);
          expect(recomputed.largest).toBeLessThanOrEqual(limit);
          continue;
        }
        const recomputed = recomputeCost(network, info.path);
        expect(info.flops).toBe(recomputed.flops);
        if (limit !== undefined) {
          // every step but the last (which may be the all-remaining fallback) fits the limit
          for (const size of recomputed.stepSizes.slice(0, -1)) expect(size).toBeLessThanOrEqual(limit);
        }
        results[theirs] = info.flops;
        const reference_ = reference.methods[theirs];
        if (reference_?.status === "ok") expect(isNoCostlier(info.flops, reference_.opt_cost ?? Infinity)).toBe(true);
      }
      if (results["auto"] !== undefined) {
        expect(isNoCostlier(results["auto"], cheapestReference(reference.methods))).toBe(true);
      }
    },
  );

  it("slices the labels of every intermediate when only single elements fit", () => {
    const info = contractPath("ab,bc,cd->ad", [4, 4], [4, 4], [4, 4], { memoryLimit: 1 });
    // b is summed inside the first step and is in no intermediate: a, c and d are sliced
    expect(info.slicing?.names).toBe("acd");
    expect(info.slicing?.slices).toBe(4 ** 3);
    // per slice: ab,bc->ac over b (4·(1 + 1)), then ac,cd->ad (1·(1 + 1)); the first step does not depend on d,
    // so with d looped innermost it runs once per value of a and c, and only the second in every slice
    expect(info.slicing?.order.at(-1)).toBe(3);
    expect(info.flops).toBe(4 ** 2 * 8 + 4 ** 3 * 2);
    expect(info.largestIntermediate).toBe(1);
  });

  it("keeps every intermediate under a limit below the unlimited order's largest", () => {
    const shapes = [[2, 3, 4], [3, 5, 4, 3], [3, 2, 6, 4], [4, 4, 5], [5, 6, 3], [2, 4, 3]];
    const equation = "abc,bdef,fghj,cem,mhk,ljk->adgl";
    const free = recomputeCost(networkFromEquation(equation, shapes), contractPath(equation, ...shapes).path);
    const largest = Math.max(...free.stepSizes.slice(0, -1));
    const limited = contractPath(equation, ...shapes, { memoryLimit: largest - 1 });
    const network = networkFromEquation(equation, shapes);
    const sliced = limited.slicing?.labels ?? [];
    const slice = { ...network, sizes: network.sizes.map((size, label) => (sliced.includes(label) ? 1 : size)) };
    for (const size of recomputeCost(slice, limited.path).stepSizes) expect(size).toBeLessThan(largest);
  });

  it("throws MEMORY_LIMIT rather than give a path whose last step joins everything at 64 times the free cost or more", () => {
    const network = lattice(6, 6, 2);
    const free = contractPath(network, { optimize: "greedy" });
    // with 4 elements, each step's result fits but the path ends in one product over most of the lattice
    const error = thrown(() => contractPath(network, { optimize: "greedy", memoryLimit: 4 }));
    expect(error.code).toBe("MEMORY_LIMIT");
    expect(error.message).toBe(writeMemoryLimitUnmet(4));
    const fitting = contractPath(network, { optimize: "greedy", memoryLimit: Math.floor(free.largestIntermediate / 16) });
    expect(fitting.flops).toBeLessThanOrEqual(MAX_SLICING_OVERHEAD * free.flops);
  });
});
