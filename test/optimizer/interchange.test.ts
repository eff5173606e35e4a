import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { writeInvalidNetwork } from "../../src/messages.js";
import { fromCotengra, fromOptEinsum, toCotengra, toOptEinsum } from "../../src/optimizer/interchange.js";
import { networkOf, referenceData, sampleNetworks } from "./fixtures.js";
import { lattice } from "./generators.js";
import { thrown } from "./thrown.js";

describe("opt_einsum's plans", () => {
  const { cases } = referenceData();
  const withExplicitOutput = cases.filter((reference) => reference.eq.includes("->"));

  it.each(withExplicitOutput.map((reference) => [reference.name, reference] as const))(
    "%s: opt_einsum's own greedy path, read back, costs what opt_einsum says",
    (_, reference) => {
      const greedy = reference.methods["greedy"];
      if (greedy?.path === undefined || greedy.opt_cost === undefined) throw new Error("no greedy path in the data");
      const { network, path } = fromOptEinsum({ equation: reference.eq, shapes: reference.shapes, path: greedy.path });
      expect(contractPath(network, { optimize: path }).flops).toBe(greedy.opt_cost);
    },
  );

  it("round-trips a network and its path through opt_einsum's format", () => {
    for (const { network } of sampleNetworks().slice(0, 4)) {
      const { path } = contractPath(network, { optimize: "greedy" });
      const plan = toOptEinsum(network, path);
      const back = fromOptEinsum(JSON.parse(JSON.stringify(plan)));
      expect(back.path).toEqual(path);
      expect(contractPath(back.network, { optimize: back.path }).flops).toBe(contractPath(network, { optimize: path }).flops);
    }
  });

  it("refuses plans whose equation and shapes disagree", () => {
    const cases: readonly [unknown, string][] = [
      [{ equation: "ab,bc", shapes: [[2, 3], [3, 4]], path: [[0, 1]] }, "equation is not a string with '->'"],
      [{ equation: "ab,bc->ac", shapes: [[2, 3]], path: [[0]] }, "the equation has 2 terms but 1 shapes are given"],
      [{ equation: "ab,bc->ac", shapes: [[2, 3], [4, 4]], path: [[0, 1]] }, "symbol 'b' has size 3 and 4"],
      [{ equation: "ab,bc->ad", shapes: [[2, 3], [3, 4]], path: [[0, 1]] }, "output symbol 'd' is in no input"],
      [{ equation: "ab->a", shapes: [[2, 3]], path: [[0]], extra: 1 }, "unknown key 'extra': expected { equation, shapes, path }"],
    ];
    for (const [plan, detail] of cases) expect(thrown(() => fromOptEinsum(plan)).message).toBe(writeInvalidNetwork(detail));
    expect(thrown(() => fromOptEinsum({ equation: "ab,bc->ac", shapes: [[2, 3], [3, 4]], path: [[0, 5]] })).code).toBe("INVALID_PATH");
  });
});

describe("cotengra's JSON plans", () => {
  it("round-trips networks, paths and sliced labels, as JSON", () => {
    const networks = [lattice(4, 4, 3), ...cases().map(networkOf)];
    for (const network of networks) {
      const info = contractPath(network);
      const sliced = [network.inputs[0]?.[0] ?? 0];
      const plan = toCotengra(network, info.path, sliced);
      const back = fromCotengra(JSON.parse(JSON.stringify(plan)));
      expect(back.path).toEqual(info.path);
      expect(back.sliced).toHaveLength(1);
      expect(toCotengra(back.network, back.path, back.sliced)).toEqual(plan);
      expect(contractPath(back.network, { optimize: back.path }).flops).toBe(info.flops);
    }
  });

  it("reads indices that are any strings", () => {
    const plan = { inputs: [["i0", "bond"], ["bond", "k"]], output: ["i0", "k"], size_dict: { i0: 2, bond: 3, k: 4 }, path: [[0, 1]] };
    const { network, path, sliced } = fromCotengra(plan);
    expect(network).toEqual({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] });
    expect(path).toEqual([[0, 1]]);
    expect(sliced).toEqual([]);
  });

  it("refuses indices that size_dict does not size, sliced indices of no input, and a sliced index twice", () => {
    const base = { inputs: [["a", "b"]], output: ["a"], size_dict: { a: 2, b: 3 }, path: [[0]] };
    expect(thrown(() => fromCotengra({ ...base, inputs: [["a", "z"]] })).message).toBe(
      writeInvalidNetwork("inputs[0][1] is 'z', which size_dict does not size"),
    );
    expect(thrown(() => fromCotengra({ ...base, sliced_inds: ["q"] })).message).toBe(
      writeInvalidNetwork("sliced_inds[0] is not an index of the inputs"),
    );
    expect(thrown(() => fromCotengra({ ...base, sliced_inds: ["b", "b"] })).message).toBe(writeInvalidNetwork("sliced_inds[1] repeats 'b'"));
    expect(thrown(() => fromCotengra([])).code).toBe("INVALID_NETWORK");
  });
});

function cases() {
  return referenceData().cases.filter((reference) => reference.n_inputs >= 5).slice(0, 10);
}
