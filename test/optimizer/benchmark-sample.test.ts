import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { sampleNetworks } from "./fixtures.js";
import { recomputeCost } from "./recompute.js";

describe("auto on the larger networks of einsum_benchmark_sample.json", () => {
  const networks = sampleNetworks();
  it("has the sample networks", () => {
    expect(networks.length).toBe(12);
  });
  it.each(networks.map((sample) => [sample.name, sample.network.inputs.length, sample] as const))(
    "%s (%i tensors) gets a valid path, priced right",
    (_, __, sample) => {
      const started = Date.now();
      const info = contractPath(sample.network);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(info.path.length).toBeGreaterThanOrEqual(sample.network.inputs.length - 1);
      expect(info.flops).toBe(recomputeCost(sample.network, info.path).flops);
      expect(info.flops).toBeGreaterThan(0);
    },
    20_000,
  );
});
