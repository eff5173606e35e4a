import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import type { Network } from "../../src/optimizer/network.js";
import { lattice, matrixChain, randomRegular, randomTree } from "./generators.js";
import { isNoCostlier, recomputeCost } from "./recompute.js";

const networks: readonly (readonly [string, Network])[] = [
  ["random 3-regular, 14 tensors", randomRegular(14, 3, 2, 7)],
  ["random 3-regular, 24 tensors", randomRegular(24, 3, 3, 11)],
  ["random 4-regular, 16 tensors", randomRegular(16, 4, 2, 5)],
  ["4x5 lattice", lattice(4, 5, 3)],
  ["5x5 lattice", lattice(5, 5, 2)],
  ["chain of 20 matrices", matrixChain(20, 3)],
  ["random tree of 30 tensors", randomTree(30, 4, 9)],
];

describe("auto on generated networks", () => {
  it.each(networks)("%s: auto is no costlier than greedy and dp", (_, network) => {
    const auto = contractPath(network);
    const greedy = contractPath(network, { optimize: "greedy" });
    const dp = contractPath(network, { optimize: "dp" });
    for (const info of [auto, greedy, dp]) expect(info.flops).toBe(recomputeCost(network, info.path).flops);
    expect(isNoCostlier(auto.flops, greedy.flops)).toBe(true);
    expect(isNoCostlier(auto.flops, dp.flops)).toBe(true);
    // three counted searches of up to a few seconds each (dp on 16 dense tensors is the longest) on a loaded machine
  }, 30_000);

  it("finds the textbook order of a matrix chain (dynamic programming over chains)", () => {
    // sizes 10x30, 30x5, 5x60: (AB)C costs 2·(1500 + 3000) = 9000, A(BC) costs 2·(9000 + 18000)
    const info = contractPath("ab,bc,cd->ad", [10, 30], [30, 5], [5, 60]);
    expect(info.flops).toBe(9000);
    expect(info.steps[0]?.einsum).toBe("ab,bc->ac");
  });

  it("is exact on small networks: no order of a 5-tensor ring is cheaper", () => {
    const ring = { inputs: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]], output: [], sizes: [3, 5, 2, 7, 4] };
    const best = contractPath(ring).flops;
    // every order of pairwise steps, enumerated here independently
    const search = (operands: number[][]): number => {
      if (operands.length === 1) return 0;
      let cheapest = Infinity;
      for (let i = 0; i < operands.length; i++) {
        for (let j = i + 1; j < operands.length; j++) {
          const rest = operands.filter((_, k) => k !== i && k !== j);
          const union = new Set([...(operands[i] as number[]), ...(operands[j] as number[])]);
          const keep = new Set(rest.flat());
          const result = [...union].filter((label) => keep.has(label));
          const size = [...union].reduce((product, label) => product * (ring.sizes[label] as number), 1);
          const step = size * (1 + (result.length < union.size ? 1 : 0));
          cheapest = Math.min(cheapest, step + search([...rest, result]));
        }
      }
      return cheapest;
    };
    expect(best).toBe(search(ring.inputs));
  });
});
