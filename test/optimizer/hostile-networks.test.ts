import { describe, expect, it } from "vitest";
import { checkNetwork, contractPath, MAX_NETWORK_LABELS } from "../../src/contract-path.js";
import { writeDidYouMean, writeInvalidNetwork, writeInvalidOption, writeUnknownOption } from "../../src/messages.js";
import { labelName } from "../../src/optimizer/label-names.js";
import { recomputeCost } from "./recompute.js";
import { thrown } from "./thrown.js";

const network = (detail: string): string => writeInvalidNetwork(detail);

describe("networks a caller may pass to contractPath", () => {
  it("refuses what is not a network, with INVALID_NETWORK and what is wrong", () => {
    const sparse: number[] = [];
    sparse[1e9] = 2;
    const holes = [[0], , [0]] as unknown as number[][];
    const cases: readonly [unknown, string][] = [
      [null, network("expected { inputs, output, sizes }")],
      [[[0]], network("expected { inputs, output, sizes }")],
      [{ inputs: [[0]], output: [], sizes: "2" }, network("sizes is not an array of sizes")],
      [{ inputs: [[1e9]], output: [], sizes: sparse }, network("sizes has holes: expected an array of sizes with no holes")],
      [{ inputs: holes, output: [], sizes: [2] }, network("inputs has holes: expected a non-empty array of operands with no holes")],
      [{ inputs: [[0, 1e9]], output: [], sizes: [2] }, network("inputs[0][1] is 1000000000 but sizes has 1 labels")],
      [{ inputs: [[0, "1"]], output: [], sizes: [2, 2] }, network("inputs[0][1] is '1' but sizes has 2 labels")],
      [{ inputs: [[0, 0.5]], output: [], sizes: [2, 2] }, network("inputs[0][1] is 0.5 but sizes has 2 labels")],
      [{ inputs: [0], output: [], sizes: [2] }, network("inputs[0] is not an array of labels")],
      [{ inputs: [], output: [], sizes: [2] }, network("inputs is not a non-empty array of operands")],
      [{ inputs: [[0]], output: [0, 0], sizes: [2] }, network("output[1] repeats label 0")],
      [{ inputs: [[0]], output: {}, sizes: [2] }, network("output is not an array of labels")],
      [{ inputs: [[0]], output: [], sizes: [Infinity] }, network("sizes[0] is Infinity: sizes are whole numbers from 0")],
      [{ inputs: [[0]], output: [], sizes: [1n] }, network("sizes[0] is 1n: sizes are whole numbers from 0")],
    ];
    for (const [given, message] of cases) {
      const error = thrown(() => contractPath(given as never));
      expect(error.code).toBe("INVALID_NETWORK");
      expect(error.message).toBe(message);
    }
  });

  it("refuses more labels than a network may have, before allocating per label", () => {
    const many = { length: MAX_NETWORK_LABELS + 1 } as unknown as number[];
    // an array-like is not an array; a real array that long is refused by its length
    expect(thrown(() => checkNetwork({ inputs: [[0]], output: [], sizes: many })).code).toBe("INVALID_NETWORK");
    const huge = new Array<number>(MAX_NETWORK_LABELS + 1).fill(2);
    expect(thrown(() => checkNetwork({ inputs: [[0]], output: [], sizes: huge })).message).toBe(
      network(`sizes has ${MAX_NETWORK_LABELS + 1} labels, more than the ${MAX_NETWORK_LABELS} a network may have`),
    );
  });

  it("refuses options that are not an object or that hold unknown keys", () => {
    const good = { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] };
    expect(thrown(() => contractPath(good, 5 as never)).message).toBe(
      writeInvalidOption("options", "5", "an object { optimize, memoryLimit }"),
    );
    const misspelled = thrown(() => contractPath(good, { optimise: "greedy" } as never));
    expect(misspelled.code).toBe("UNKNOWN_OPTION");
    expect(misspelled.message).toBe(writeDidYouMean(writeUnknownOption("optimise", "optimize, memoryLimit"), "optimize"));
    expect(thrown(() => contractPath("ij,jk->ik", [2, 3], [3, 4], { memorylimit: 5 } as never)).code).toBe("UNKNOWN_OPTION");
  });

  it("describes option values with no prototype in its refusals instead of failing to print them", () => {
    const good = { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] };
    const bare = Object.create(null) as never;
    expect(thrown(() => contractPath(good, { optimize: { maxTrials: bare } })).message).toBe(
      writeInvalidOption("optimize.maxTrials", "an object", "a whole number from 0, or Infinity"),
    );
    expect(thrown(() => contractPath(good, { memoryLimit: bare })).code).toBe("INVALID_OPTION");
    expect(thrown(() => contractPath(good, { optimize: { method: bare } })).code).toBe("INVALID_OPTION");
    expect(thrown(() => contractPath({ ...good, sizes: [2, bare, 4] })).message).toBe(
      writeInvalidNetwork("sizes[1] is an object: sizes are whole numbers from 0"),
    );
  });

  it("names labels past the letters, past the surrogates and past Unicode", () => {
    expect(labelName(51)).toBe("Z");
    expect(labelName(52)).toBe("\u00c0");
    // 0xd800 would be a lone surrogate: the names jump over the surrogate block
    const beforeSurrogates = 0xd7ff - 0xc0 + 52;
    expect(labelName(beforeSurrogates)).toBe("\ud7ff");
    expect(labelName(beforeSurrogates + 1)).toBe("\ue000");
    expect(labelName(3_000_000)).toBe("{3000000}");
  });

  it("plans a network whose labels run into the millions, and describes it", () => {
    const count = 2_000_000;
    const sizes = new Array<number>(count).fill(1);
    sizes[count - 1] = 3;
    sizes[0] = 2;
    const info = contractPath({ inputs: [[0, count - 1], [count - 1]], output: [0], sizes });
    expect(info.flops).toBe(12);
    expect(info.equation).toBe("a{1999999},{1999999}->a");
  });
});

describe("networks of many operands", () => {
  const scalars = (count: number) => ({ inputs: Array.from({ length: count }, () => []), output: [], sizes: [] });
  const chain = (count: number) => ({
    inputs: Array.from({ length: count }, (_, i) => [i, i + 1]),
    output: [0, count],
    sizes: Array.from({ length: count + 1 }, (_, label) => 2 + (label % 3)),
  });

  it("plans 3,000 scalar operands with every search that takes them", () => {
    for (const optimize of ["auto", "greedy", "dp"] as const) {
      const info = contractPath(scalars(3000), { optimize });
      expect(info.path).toHaveLength(2999);
      expect(info.flops).toBe(2999);
    }
  });

  it("plans 100,000 scalar operands and a chain of 3,000 matrices", () => {
    const many = contractPath(scalars(100_000), { optimize: "greedy" });
    expect(many.path).toHaveLength(99_999);
    const matrices = chain(3000);
    const info = contractPath(matrices);
    expect(info.flops).toBe(recomputeCost(matrices, info.path).flops);
    expect(info.steps[0]?.remaining.length).toBeGreaterThan(3000);
  });
});
