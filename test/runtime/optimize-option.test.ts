import { describe, expect, it } from "vitest";
import { EinsumError, einsum } from "typed-einsum";
import { cachedPlanCount } from "../../src/execute/plan.js";
import { writeInvalidOption } from "../../src/messages.js";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { counting, untypedEinsum } from "../fixtures/untyped.js";

const chain = [counting([4, 2]), counting([2, 5]), counting([5, 3]), counting([3, 2])];
const expected = naiveEinsum("ab,bc,cd,de->ae", chain).data;

describe("the optimize option of einsum", () => {
  it.each(["auto", "hyper", "optimal", "dp", "greedy", "branch", false] as const)("gives the same result with %s", (optimize) => {
    expect(Array.from(einsum("ab,bc,cd,de->ae", ...chain, { optimize }).data)).toEqual(expected);
  });

  it("runs an explicit path", () => {
    expect(Array.from(einsum("ab,bc,cd,de->ae", ...chain, { optimize: [[2, 3], [0, 1], [0, 1]] }).data)).toEqual(expected);
  });

  it("refuses an invalid path with INVALID_PATH and an unknown method with INVALID_OPTION", () => {
    expect(() => einsum("ab,bc,cd,de->ae", ...chain, { optimize: [[0, 7]] })).toThrow(EinsumError);
    try {
      untypedEinsum("ab,bc,cd,de->ae", ...chain, { optimize: "fastest" });
    } catch (error) {
      expect((error as EinsumError).code).toBe("INVALID_OPTION");
      expect((error as EinsumError).message).toBe(
        writeInvalidOption("optimize", "'fastest'", "'auto', 'hyper', 'optimal', 'dp', 'greedy', 'branch', { method, maxTrials, maxTimeMs }, false or a path"),
      );
    }
  });

  it("respects a memory limit and still computes the same result", () => {
    expect(Array.from(einsum("ab,bc,cd,de->ae", ...chain, { memoryLimit: 8 }).data)).toEqual(expected);
  });

  it("refuses a thread count that is not a whole number from 1", () => {
    for (const threads of [0, 1.5, -2]) {
      let thrown: unknown;
      try {
        einsum("ab,bc->ac", counting([2, 2]), counting([2, 2]), { threads });
      } catch (error) {
        thrown = error;
      }
      expect((thrown as EinsumError).message).toBe(writeInvalidOption("threads", String(threads), "a whole number from 1"));
    }
  });

  it("plans a repeated call once", () => {
    const operands = [counting([3, 4]), counting([4, 6]), counting([6, 5]), counting([5, 7]), counting([7, 3])];
    const before = cachedPlanCount();
    einsum("ab,bc,cd,de,ef->af", ...operands);
    const afterFirst = cachedPlanCount();
    einsum("ab,bc,cd,de,ef->af", ...operands);
    expect(afterFirst).toBe(before + 1);
    expect(cachedPlanCount()).toBe(afterFirst);
  });
});
