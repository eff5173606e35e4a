import { describe, expect, it } from "vitest";
import { EinsumError } from "../../src/einsum-error.js";
import {
  writeInvalidOption,
  writePathIncomplete,
  writePathPosition,
  writePathRepeat,
  writePathStep,
} from "../../src/messages.js";
import { choosePath } from "../../src/optimizer/choose-path.js";
import { linearToSsa, ssaToLinear } from "../../src/optimizer/ssa.js";

const chain = { inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] };

function errorOf(action: () => unknown): EinsumError {
  try {
    action();
  } catch (error) {
    if (error instanceof EinsumError) return error;
    throw error;
  }
  throw new Error("expected an EinsumError");
}

describe("choosePath", () => {
  it("goes left to right for optimize: false", () => {
    expect(choosePath(chain, false)).toEqual([[0, 1], [0, 1]]);
    expect(choosePath({ inputs: [[0]], output: [0], sizes: [3] }, false)).toEqual([[0]]);
  });

  it("gives [[0]] for one operand, whatever the method", () => {
    for (const method of ["auto", "optimal", "dp", "greedy", "branch"] as const) {
      expect(choosePath({ inputs: [[0, 0]], output: [0], sizes: [3] }, method)).toEqual([[0]]);
    }
  });

  it("chooses the cheap middle step first on a chain", () => {
    // jk,kl first: 2·2·10·2 = 80, then ij,jl: 2·10·2·2 = 80; the other order costs 2·(10·2·10) + ...
    const path = choosePath(chain);
    expect(path[0]?.slice().sort()).toEqual([1, 2]);
  });

  it("returns a copy of a valid explicit path and does not mutate it", () => {
    const explicit = [[1, 2], [0, 1]];
    const path = choosePath(chain, explicit);
    expect(path).toEqual([[1, 2], [0, 1]]);
    path[0]?.push(9);
    expect(explicit).toEqual([[1, 2], [0, 1]]);
  });

  it("refuses invalid explicit paths with INVALID_PATH", () => {
    const cases: [readonly (readonly number[])[], string][] = [
      [[[0, 3]], writePathPosition(0, "3", 3)],
      [[[0, 1], [0, 2]], writePathPosition(1, "2", 2)],
      [[[1, 1]], writePathRepeat(0, 1)],
      [[[]], writePathStep(0)],
      [[[0, 1]], writePathIncomplete(2)],
      [[[0.5, 1]], writePathPosition(0, "0.5", 3)],
    ];
    for (const [path, message] of cases) {
      const error = errorOf(() => choosePath(chain, path));
      expect(error.code).toBe("INVALID_PATH");
      expect(error.headline).toBe(message);
    }
  });

  it("refuses an unknown method and a bad memory limit with INVALID_OPTION", () => {
    const unknown = errorOf(() => choosePath(chain, "fastest" as "auto"));
    expect(unknown.code).toBe("INVALID_OPTION");
    expect(unknown.headline).toBe(
      writeInvalidOption("optimize", "'fastest'", "'auto', 'hyper', 'optimal', 'dp', 'greedy', 'branch', { method, maxTrials, maxTimeMs }, false or a path"),
    );
    for (const limit of [-1, Number.NaN]) {
      const error = errorOf(() => choosePath(chain, "auto", limit));
      expect(error.code).toBe("INVALID_OPTION");
      expect(error.headline).toBe(
        writeInvalidOption("memoryLimit", String(limit), "a number of elements from 0, or Infinity"),
      );
    }
  });

  it("refuses the exhaustive search beyond 16 operands instead of hanging", () => {
    const long = {
      inputs: Array.from({ length: 17 }, (_, index) => [index, index + 1]),
      output: [],
      sizes: Array.from({ length: 18 }, () => 2),
    };
    expect(errorOf(() => choosePath(long, "optimal")).code).toBe("INVALID_OPTION");
    expect(choosePath(long, "dp")).toHaveLength(16);
  });

  it("does not mutate the network", () => {
    const network = { inputs: [[0, 1], [1, 2], [2, 0]], output: [0], sizes: [2, 3, 4] };
    const copy = JSON.parse(JSON.stringify(network)) as typeof network;
    choosePath(network);
    expect(network).toEqual(copy);
  });
});

describe("SSA and linear paths", () => {
  it("convert both ways", () => {
    expect(ssaToLinear([[0, 3], [2, 4], [1, 5]], 4)).toEqual([[0, 3], [1, 2], [0, 1]]);
    expect(linearToSsa([[0, 3], [1, 2], [0, 1]], 4)).toEqual([[0, 3], [2, 4], [1, 5]]);
  });
});
