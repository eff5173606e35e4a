import { describe, expect, it } from "vitest";
import { cat, expand, grad, mean, ones, randn, softmax, sum, tensor, unsqueeze, vjp, zeros, type DTypeName, type Tensor } from "typed-einsum";
import { writeInvalidOperand, writeInvalidOption, writeInvalidShape } from "../../src/messages.js";
import { refusal } from "../fixtures/refusal.js";

type Loose = (...args: unknown[]) => unknown;
const loose = (fn: unknown): Loose => fn as Loose;

const x = tensor([[1, 2, 3], [4, 5, 6]]);
const notNumbers: readonly [string, unknown, string][] = [
  ["a string", "1", "'1'"],
  ["a symbol", Symbol("dim"), "Symbol(dim)"],
  ["an object", {}, "an object"],
  ["an object without a prototype", Object.create(null), "an object"],
  ["null", null, "null"],
];

describe("a dimension that is not a number", () => {
  it.each(notNumbers)("sum, mean, softmax, cat and unsqueeze refuse %s with INVALID_OPTION", (_, dim, shown) => {
    for (const [call, slots] of [
      [() => loose(sum)(x, dim), 2],
      [() => loose(sum)(x, [0, dim]), 2],
      [() => loose(mean)(x, dim), 2],
      [() => loose(softmax)(x, dim), 2],
      [() => loose(cat)([x, x], dim), 2],
      [() => loose(unsqueeze)(x, dim), 3],
    ] as const) {
      const error = refusal(call);
      expect(error.code).toBe("INVALID_OPTION");
      expect(error.message).toBe(writeInvalidOption("dim", shown, `an integer from ${-slots} to ${slots - 1}`));
    }
  });

  it("leaves the operand as it was", () => {
    refusal(() => loose(sum)(x, "0"));
    expect(x.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});

describe("expand to something that is not a shape", () => {
  it.each([[undefined, "undefined"], [null, "null"], [3, "3"], ["2,3", "'2,3'"]] as const)("refuses %s with INVALID_SHAPE", (shape, shown) => {
    const error = refusal(() => loose(expand)(x, shape));
    expect(error.code).toBe("INVALID_SHAPE");
    expect(error.message).toBe(writeInvalidShape(shown, 0));
  });
});

describe("grad and vjp on arguments that are not tensors", () => {
  const square = (t: Tensor<readonly number[], DTypeName>) => sum(t);

  it.each([[2], [[1, 2]], [{ shape: [2], data: [1, 2] }], [null]] as const)("refuses the primal %j with INVALID_OPERAND", (primal) => {
    const error = refusal(() => loose(grad(square))(primal));
    expect(error.code).toBe("INVALID_OPERAND");
    expect(error.message).toBe(writeInvalidOperand(0));
    const second = refusal(() => loose(vjp)(square, randn([2], { seed: 1 }), primal));
    expect(second.message).toBe(writeInvalidOperand(1));
  });

  it("refuses a function that is not one when it is given, before any call", () => {
    for (const fn of [undefined, 3, "sum"]) {
      const error = refusal(() => loose(grad)(fn));
      expect(error.code).toBe("INVALID_OPTION");
      expect(error.message).toBe(writeInvalidOption("fn", fn === "sum" ? "'sum'" : String(fn), "a function of tensors"));
    }
  });
});

describe("constructor options", () => {
  it("take null as no options", () => {
    expect(loose(zeros)([2], null)).toEqual(zeros([2]));
    expect(loose(ones)([2], null)).toEqual(ones([2]));
    expect(loose(tensor)([1, 2], [2], null)).toEqual(tensor([1, 2], [2]));
  });

  it("refuse a requiresGrad that is not a boolean", () => {
    for (const make of [() => loose(zeros)([2], { requiresGrad: "yes" }), () => loose(tensor)([1, 2], { requiresGrad: 1 })]) {
      const error = refusal(make);
      expect(error.code).toBe("INVALID_OPTION");
      expect(error.message).toMatch(/^option requiresGrad cannot be ('yes'|1): expected true or false$/);
    }
  });

  it("refuse randn's seeds that are not whole numbers, an int32 dtype and options that are not an object", () => {
    const cases: readonly [unknown, string][] = [
      [{ seed: "7" }, writeInvalidOption("seed", "'7'", "a whole number")],
      [{ seed: 1.5 }, writeInvalidOption("seed", "1.5", "a whole number")],
      [{ seed: Number.NaN }, writeInvalidOption("seed", "NaN", "a whole number")],
      [{ seed: 2 ** 60 }, writeInvalidOption("seed", String(2 ** 60), "a whole number")],
      [{ dtype: "int32" }, writeInvalidOption("dtype", "'int32'", "'float64' or 'float32'")],
      [null, writeInvalidOption("options", "null", "an object with seed, dtype or requiresGrad")],
      [5, writeInvalidOption("options", "5", "an object with seed, dtype or requiresGrad")],
    ];
    for (const [options, message] of cases) {
      const error = refusal(() => loose(randn)([3], options));
      expect(error.code).toBe("INVALID_OPTION");
      expect(error.message).toBe(message);
    }
  });

  it("still give different samples for different whole seeds, negative ones included", () => {
    const draws = [-1, 0, 1].map((seed) => randn([4], { seed }).toArray());
    expect(new Set(draws.map((draw) => JSON.stringify(draw))).size).toBe(3);
  });
});
