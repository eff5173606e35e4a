import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { AUTO_MAX_TRIALS } from "../../src/optimizer/auto.js";
import { sampleNetworks } from "./fixtures.js";
import { isNoCostlier, recomputeCost } from "./recompute.js";

describe("auto on the larger networks of benchmark-sample.json", () => {
  const networks = sampleNetworks();
  it("has the sample networks", () => {
    expect(networks.length).toBe(12);
  });
  it.each(networks.map((sample) => [sample.name, sample.network.inputs.length, sample] as const))(
    "%s (%i tensors) gets a valid path, priced right",
    (_, __, sample) => {
      const info = contractPath(sample.network);
      expect(info.search.method).toBe("auto");
      expect(info.search.trials).toBeLessThanOrEqual(AUTO_MAX_TRIALS);
      expect(isNoCostlier(info.flops, sample.bestKnown * 1.5)).toBe(true);
      expect(info.path.length).toBeGreaterThanOrEqual(sample.network.inputs.length - 1);
      expect(info.flops).toBe(recomputeCost(sample.network, info.path).flops);
      expect(info.flops).toBeGreaterThan(0);
    },
    // the budget is counted, not timed; a 500-tensor search takes a few seconds on a loaded machine
    30_000,
  );
});
