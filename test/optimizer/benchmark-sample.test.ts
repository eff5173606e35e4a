import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { AUTO_MAX_TRIALS } from "../../src/optimizer/auto.js";
import { sampleNetworks } from "./fixtures.js";
import { isNoCostlier, recomputeCost } from "./recompute.js";

describe("auto on the larger networks of benchmark-sample.json", () => {
  const networks = sampleNetworks();
  const costs = new Map<string, number>();
  it("has the sample networks", () => {
    expect(networks.length).toBe(28);
  });
  it.each(networks.map((sample) => [sample.name, sample.network.inputs.length, sample] as const))(
    "%s (%i tensors) gets a valid path, priced right, no costlier than opt_einsum's greedy and random-greedy",
    (_, __, sample) => {
      const info = contractPath(sample.network);
      expect(info.search.method).toBe("auto");
      expect(info.search.trials).toBeLessThanOrEqual(AUTO_MAX_TRIALS);
      expect(isNoCostlier(info.flops, sample.bestKnown)).toBe(true);
      expect(info.path.length).toBeGreaterThanOrEqual(sample.network.inputs.length - 1);
      expect(info.flops).toBe(recomputeCost(sample.network, info.path).flops);
      expect(info.flops).toBeGreaterThan(0);
      costs.set(sample.name, info.flops);
    },
    // the budget is counted, not timed; a 500-tensor search takes a few seconds on a loaded machine
    30_000,
  );
  it("costs at most half of opt_einsum's best in geometric mean on the networks of 30 to 150 tensors", () => {
    const inRange = networks.filter((sample) => sample.network.inputs.length >= 30 && sample.network.inputs.length <= 150);
    const logs = inRange.map((sample) => Math.log((costs.get(sample.name) ?? Infinity) / sample.bestKnown));
    expect(logs.length).toBeGreaterThan(20);
    expect(Math.exp(logs.reduce((sum, log) => sum + log, 0) / logs.length)).toBeLessThanOrEqual(0.5);
  });
});
