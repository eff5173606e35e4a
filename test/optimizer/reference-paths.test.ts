import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { cheapestReference, networkOf, referenceData } from "./fixtures.js";
import { isNoCostlier, recomputeCost } from "./recompute.js";

const { cases } = referenceData();

describe("against opt_einsum's reference paths", () => {
  it("has the reference cases", () => {
    expect(cases.length).toBe(60);
  });

  describe.each(cases.map((reference) => [reference.name, reference] as const))("%s", (_, reference) => {
    const network = networkOf(reference);
    const ok = (method: string): number | undefined =>
      reference.methods[method]?.status === "ok" ? reference.methods[method]?.opt_cost : undefined;

    it("greedy is valid, priced right, and no costlier than opt_einsum's greedy", () => {
      const info = contractPath(network, { optimize: "greedy" });
      expect(info.flops).toBe(recomputeCost(network, info.path).flops);
      expect(isNoCostlier(info.flops, ok("greedy") ?? Infinity)).toBe(true);
    });

    it("dp is valid, priced right, and no costlier than opt_einsum's dp", () => {
      const info = contractPath(network, { optimize: "dp" });
      expect(info.flops).toBe(recomputeCost(network, info.path).flops);
      expect(isNoCostlier(info.flops, ok("dp") ?? Infinity)).toBe(true);
    });

    it("auto is no costlier than the cheapest of all opt_einsum methods", () => {
      const info = contractPath(network);
      const recomputed = recomputeCost(network, info.path);
      expect(info.flops).toBe(recomputed.flops);
      expect(info.largestIntermediate).toBe(recomputed.largest);
      expect(isNoCostlier(info.flops, cheapestReference(reference.methods))).toBe(true);
    });
  });

  const withOptimal = cases.filter((reference) => reference.methods["optimal"]?.status === "ok");
  it.each(withOptimal.map((reference) => [reference.name, reference] as const))(
    "%s: optimal is no costlier than any opt_einsum method",
    (_, reference) => {
      const network = networkOf(reference);
      const info = contractPath(network, { optimize: "optimal" });
      expect(info.flops).toBe(recomputeCost(network, info.path).flops);
      expect(isNoCostlier(info.flops, cheapestReference(reference.methods))).toBe(true);
    },
  );

  const small = cases.filter((reference) => reference.n_inputs <= 12);
  it.each(small.map((reference) => [reference.name, reference] as const))(
    "%s: branch is valid and priced right",
    (_, reference) => {
      const network = networkOf(reference);
      const info = contractPath(network, { optimize: "branch" });
      expect(info.flops).toBe(recomputeCost(network, info.path).flops);
    },
  );
});
