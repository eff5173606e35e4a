import { describe, expect, it } from "vitest";
import { contractExpression, EinsumError, einsum, randn, zeros } from "typed-einsum";
import { writeExpressionShape, writeOperandCount } from "../../src/messages.js";
import { naiveEinsum } from "../fixtures/naive-einsum.js";

describe("contractExpression", () => {
  it("plans once and computes what einsum computes, call after call", () => {
    const chain = contractExpression("ab,bc,cd->ad", [6, 3], [3, 5], [5, 2], { optimize: "dp" });
    for (const seed of [1, 2, 3]) {
      const operands = [randn([6, 3], { seed }), randn([3, 5], { seed: seed + 10 }), randn([5, 2], { seed: seed + 20 })] as const;
      const result = chain(...operands);
      expect(result.shape).toEqual([6, 2]);
      const expected = naiveEinsum("ab,bc,cd->ad", operands).data;
      expected.forEach((value, at) => expect(result.data[at]).toBeCloseTo(value, 12));
      expect(Array.from(result.data)).toEqual(Array.from(einsum("ab,bc,cd->ad", ...operands, { optimize: "dp" }).data));
    }
  });

  it("refuses operands of other shapes, and a wrong count", () => {
    const product = contractExpression("ij,jk->ik", [2, 3], [3, 4]);
    const call = product as unknown as (...operands: unknown[]) => unknown;
    const refusal = (action: () => unknown): EinsumError => {
      try {
        action();
      } catch (error) {
        return error as EinsumError;
      }
      throw new Error("expected an EinsumError");
    };
    const shape = refusal(() => call(zeros([2, 3]), zeros([3, 5])));
    expect(shape).toBeInstanceOf(EinsumError);
    expect(shape.code).toBe("EXPRESSION_SHAPE");
    expect(shape.headline).toBe(writeExpressionShape(1, [3, 5], [3, 4]));
    const count = refusal(() => call(zeros([2, 3])));
    expect(count.code).toBe("OPERAND_COUNT");
    expect(count.headline).toBe(writeOperandCount(2, 1));
  });

  it("checks the equation against the planned shapes when it is made", () => {
    const make = contractExpression as unknown as (...args: unknown[]) => unknown;
    expect(() => make("ij,jk->ik", [2, 3], [4, 4])).toThrow(EinsumError);
  });
});
