import { describe, expect, it } from "vitest";
import { arange, contractExpression, EinsumError, ones, randn, setMaxElements, tensor, zeros } from "typed-einsum";
import { defaultMaxElements } from "../../src/execute/limits.js";
import * as messages from "../../src/messages.js";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { counting, untypedEinsum as einsum } from "../fixtures/untyped.js";
import { refusal } from "../fixtures/refusal.js";

const untypedTensor = tensor as unknown as (...args: unknown[]) => ReturnType<typeof zeros>;
const untypedArange = arange as unknown as (...args: unknown[]) => ReturnType<typeof zeros>;
const untypedExpression = contractExpression as unknown as (...args: unknown[]) => (...operands: unknown[]) => unknown;
const limit = defaultMaxElements;

describe("sizes are checked before anything is allocated", () => {
  it("refuses an outer product of 70,000 × 70,000", () => {
    const error = refusal(() => einsum("i,j->ij", zeros([70000]), zeros([70000])));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe(messages.writeTooLarge("the result (i,j->ij)", 4.9e9, limit));
  });

  it("refuses a result of 2^52 elements from an empty operand", () => {
    const error = refusal(() => einsum("ijk->jk", zeros([0, 2 ** 26, 2 ** 26])));
    expect(error.message).toBe(messages.writeTooLarge("the result", 2 ** 52, limit));
  });

  it("refuses i,j,k,l->ijkl at 10^4 at its first intermediate, before any offset table", () => {
    const operand = zeros([1e4]);
    const error = refusal(() => einsum("i,j,k,l->ijkl", operand, operand, operand, operand, { optimize: false }));
    expect(error.message).toBe(messages.writeTooLarge("the intermediate of path step 0 (i,j->ij)", 1e8, limit));
  });

  it("refuses the 12.8 GB intermediate of ai,bj,ab->ij left to right, and plans around it by default", () => {
    const [a, b, c] = [counting([200, 200]), counting([200, 200]), counting([200, 200])];
    const error = refusal(() => einsum("ai,bj,ab->ij", a, b, c, { optimize: false }));
    expect(error.message).toBe(messages.writeTooLarge("the intermediate of path step 0 (ai,bj->aibj)", 1.6e9, limit));
    const result = einsum("ai,bj,ab->ij", a, b, c);
    expect(result.shape).toEqual([200, 200]);
    for (const [i, j] of [[0, 0], [3, 7], [199, 199]] as const) {
      let expected = 0;
      for (let x = 0; x < 200; x++) for (let y = 0; y < 200; y++) expected += a.data[x * 200 + i]! * b.data[y * 200 + j]! * c.data[x * 200 + y]!;
      expect(result.data[i * 200 + j]).toBeCloseTo(expected, -6);
    }
  });

  it("refuses oversize constructors: zeros, ones, randn, arange, tensor", () => {
    expect(refusal(() => zeros([1e5, 1e5])).message).toBe(messages.writeTooLarge("a tensor of shape [100000, 100000]", 1e10, limit));
    expect(refusal(() => ones([1e5, 1e5])).code).toBe("TOO_LARGE");
    expect(refusal(() => randn([2 ** 20, 2 ** 20], { seed: 1 })).code).toBe("TOO_LARGE");
    expect(refusal(() => arange(-5, 2 ** 25)).message).toBe(messages.writeTooLarge(`arange(-5, ${2 ** 25})`, 2 ** 25 + 5, limit));
    expect(refusal(() => untypedTensor([1, 2], [1e5, 1e5])).code).toBe("TOO_LARGE");
    expect(refusal(() => untypedTensor([1, 2], [3])).message).toBe(messages.writeDataLength(2, [3], 3));
  });

  it("takes maxElements per call and setMaxElements for the default, and refuses bad values", () => {
    const ten = ones([10]);
    expect(refusal(() => einsum("i,j->ij", ten, ten, { maxElements: 99 })).message).toBe(
      messages.writeTooLarge("the result (i,j->ij)", 100, 99),
    );
    expect(einsum("i,j->ij", ten, ten, { maxElements: 100 }).size).toBe(100);
    const previous = setMaxElements(50);
    try {
      expect(refusal(() => zeros([8, 8])).code).toBe("TOO_LARGE");
      expect(refusal(() => einsum("i,j->ij", ten, ten)).code).toBe("TOO_LARGE");
      expect(einsum("i,j->ij", ten, ten, { maxElements: 100 }).size).toBe(100);
    } finally {
      setMaxElements(previous);
    }
    expect(zeros([8, 8]).size).toBe(64);
    for (const bad of [0, -1, 1.5, Number.NaN, "big", 2 ** 31, Infinity]) {
      expect(refusal(() => einsum("i->", ten, { maxElements: bad })).code).toBe("INVALID_OPTION");
      expect(refusal(() => setMaxElements(bad as number)).code).toBe("INVALID_OPTION");
    }
  });

  it("refuses a contractExpression too large to run when it is made", () => {
    const error = refusal(() => untypedExpression("i,j->ij", [70000], [70000]));
    expect(error.code).toBe("TOO_LARGE");
    const small = untypedExpression("i,j->ij", [10], [10], { maxElements: 100 });
    expect(refusal(() => untypedExpression("i,j->ij", [10], [10], { maxElements: 99 })).code).toBe("TOO_LARGE");
    expect((small(ones([10]), ones([10])) as { size: number }).size).toBe(100);
  });

  it("refuses a strided copy past the limit: a broadcast view of 10^9 elements over one number", () => {
    const error = refusal(() => einsum("i->", { shape: [1e9], data: [1], stride: [0] }));
    expect(error.message).toBe(messages.writeTooLarge("the row-major copy of operand 0", 1e9, limit));
  });
});

describe("every input is checked, and only EinsumError is thrown", () => {
  it("refuses a contractExpression equation that is not a string", () => {
    for (const [value, shown] of [[123, "123"], [null, "null"], [["ij"], "an array"], [undefined, "undefined"], [{}, "an object"]] as const) {
      const error = refusal(() => untypedExpression(value, [2, 2]));
      expect(error.code).toBe("INVALID_EQUATION");
      expect(error.message).toBe(messages.writeInvalidEquation(shown));
    }
  });

  it.each([
    [["a"], "'a'"],
    [[null], "null"],
    [[true], "true"],
    [[undefined], "undefined"],
    [[1n], "1n"],
    [[Symbol("s")], "Symbol(s)"],
    [[{}], "an object"],
    [[[1]], "an array"],
  ])("refuses plain operand data holding %#, instead of coercing it", (data, shown) => {
    const error = refusal(() => einsum("i->", { shape: [1], data }));
    expect(error.code).toBe("INVALID_OPERAND");
    expect(error.message).toBe(messages.writeOperandData(0, 0, shown));
    expect(refusal(() => untypedTensor(data, [1])).message).toBe(messages.writeNotANumber(shown));
    // Nested, an inner array is a dimension, not an entry.
    if (!Array.isArray(data[0])) expect(refusal(() => untypedTensor(data)).code).toBe("NOT_A_NUMBER");
  });

  it("refuses a hole in plain operand data", () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [1, , 3];
    expect(refusal(() => einsum("i->", { shape: [3], data: holey })).message).toBe(messages.writeOperandData(0, 1, "undefined"));
    expect(refusal(() => untypedTensor(holey)).code).toBe("NOT_A_NUMBER");
  });

  it("refuses operands that are not tensors, shapes that are not shapes, and data of the wrong kind", () => {
    const cases: unknown[][] = [
      ["i->", 5],
      ["i->", "abc"],
      ["i->", { shape: "x", data: [] }],
      ["i->", { shape: [2], data: 5 }],
      ["i->", { shape: [2], data: "ab" }],
      ["i->", { shape: [2], data: new BigInt64Array(2) }],
      ["i->", { shape: [2], data: { length: 2, 0: 1, 1: 2 } }],
      ["i->", { data: [1] }],
      [123, [0]],
      [null],
      [],
    ];
    // eslint-disable-next-line no-sparse-arrays
    cases.push(["", [, ], new Int32Array(0)], ["i->", [, ]], [ones([2]), [0, , 1]], ["i->", ones([2]), new Float64Array(2)]);
    for (const args of cases) {
      expect(["INVALID_OPERAND", "OPERAND_COUNT", "SUBLIST_LABEL"]).toContain(refusal(() => einsum(...args)).code);
    }
    for (const shape of [[-1], [1.5], [Number.NaN], [Infinity], ["2"]]) {
      expect(refusal(() => einsum("i->", { shape, data: [1] })).code).toBe("INVALID_SHAPE");
      expect(refusal(() => zeros(shape as number[])).code).toBe("INVALID_SHAPE");
    }
    expect(refusal(() => einsum("i->", { shape: [3], data: [1, 2] })).message).toBe(messages.writeDataLength(2, [3], 3));
  });

  it("reads a tensor nested 10,000 deep without recursion, and refuses an array that contains itself", () => {
    let deep: unknown = 7;
    for (let depth = 0; depth < 10000; depth++) deep = [deep];
    const nested = untypedTensor(deep);
    expect(nested.shape.length).toBe(10000);
    expect(nested.item()).toBe(7);
    let back: unknown = nested.toArray();
    for (let depth = 0; depth < 10000; depth++) back = (back as unknown[])[0];
    expect(back).toBe(7);
    expect(String(nested)).toBe(`tensor(${"[".repeat(10000)}7.${"]".repeat(10000)})`);
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(refusal(() => untypedTensor(cycle)).code).toBe("RAGGED_ARRAY");
    const deepCycle: unknown[][] = [[]];
    deepCycle[0]!.push(deepCycle);
    expect(refusal(() => untypedTensor(deepCycle)).code).toBe("RAGGED_ARRAY");
  });

  it("refuses unknown option keys, suggesting the closest one", () => {
    const a = ones([2, 2]);
    const misspelt = refusal(() => einsum("ij->", a, { optimise: "greedy" }));
    expect(misspelt.code).toBe("UNKNOWN_OPTION");
    const known = "optimize, memoryLimit, threads, maxElements";
    expect(misspelt.message).toBe(messages.writeDidYouMean(messages.writeUnknownOption("optimise", known), "optimize"));
    expect(refusal(() => einsum("ij->", a, { memorylimit: 5 })).message).toBe(
      messages.writeDidYouMean(messages.writeUnknownOption("memorylimit", known), "memoryLimit"),
    );
    expect(refusal(() => einsum("ij->", a, { thread: 2 })).message).toContain("did you mean 'threads'?");
    expect(refusal(() => einsum("ij->", a, { colour: "red" })).message).toBe(messages.writeUnknownOption("colour", known));
    expect(refusal(() => einsum(a, [0, 1], [], { optimse: false })).code).toBe("UNKNOWN_OPTION");
    expect(refusal(() => untypedExpression("ij->", [2, 2], { optimise: "dp" })).code).toBe("UNKNOWN_OPTION");
  });

  it("refuses bad option values before any work", () => {
    const a = ones([2]);
    for (const options of [{ threads: 0 }, { threads: 1.5 }, { memoryLimit: -1 }, { memoryLimit: Number.NaN }, { optimize: "fast" }, { optimize: 3 }]) {
      expect(refusal(() => einsum("i->", a, options)).code).toBe("INVALID_OPTION");
    }
    expect(refusal(() => einsum("i->", a, { optimize: [[0, 5]] })).code).toBe("INVALID_PATH");
  });
});

describe("integers are exact or refused", () => {
  it("refuses the sum of squares of arange(50000) instead of returning -61063496", () => {
    const error = refusal(() => einsum("i,i->", arange(50000), arange(50000)));
    expect(error.code).toBe("INTEGER_OVERFLOW");
    expect(error.message).toBe(messages.writeIntegerOverflow("41665416675000"));
  });

  it("keeps results at the int32 boundary and refuses one past it, both ways", () => {
    const sum = (values: number[]): number => einsum("i->", tensor(Int32Array.from(values), [values.length])).item();
    expect(sum([2147483646, 1])).toBe(2147483647);
    expect(sum([-2147483647, -1])).toBe(-2147483648);
    expect(refusal(() => sum([2147483647, 1])).message).toBe(messages.writeIntegerOverflow("2147483648"));
    expect(refusal(() => sum([-2147483648, -1])).message).toBe(messages.writeIntegerOverflow("-2147483649"));
  });

  it("computes sums whose partial sums leave int32 exactly, where int32 arithmetic would wrap", () => {
    const values = Int32Array.of(2147483647, 2147483647, -2147483647, -2147483647, 5);
    expect(einsum("i->", tensor(values, [5])).item()).toBe(5);
    const left = { shape: [2, 3], data: Int32Array.of(40000, 40000, -40000, 7, -9, 11) };
    const right = { shape: [3, 2], data: Int32Array.of(40000, 1, 40000, 2, 40000, 3) };
    const product = einsum("ij,jk->ik", left, right);
    expect(product.dtype).toBe("int32");
    expect(Array.from(product.data)).toEqual(naiveEinsum("ij,jk->ik", [left, right]).data);
  });

  it("refuses sums that could pass 2^53, where float64 would no longer be exact", () => {
    const wide = tensor(Int32Array.of(2147483647, 1, 1), [3]);
    const error = refusal(() => einsum("i,i->", wide, wide));
    expect(error.message).toBe(messages.writeInexactIntegers("2^64"));
  });

  it("refuses arange values int32 cannot hold and non-whole bounds", () => {
    expect(arange(2 ** 31 - 3, 2 ** 31).toArray()).toEqual([2147483645, 2147483646, 2147483647]);
    expect(arange(-(2 ** 31), -(2 ** 31) + 2).toArray()).toEqual([-2147483648, -2147483647]);
    expect(refusal(() => arange(2 ** 31 - 3, 2 ** 31 + 1)).message).toBe(messages.writeIntegerOverflow("2147483648"));
    expect(refusal(() => arange(-(2 ** 31) - 1, 0)).message).toBe(messages.writeIntegerOverflow("-2147483649"));
    expect(refusal(() => arange(2 ** 31 + 5)).code).toBe("INTEGER_OVERFLOW");
    expect(refusal(() => untypedArange(0.5, 3)).message).toBe(messages.writeInvalidArange("0.5", "3", "needs whole numbers: its values are int32"));
    for (const args of [[Number.NaN], [Infinity], ["3"], [0, null], [2 ** 60]]) {
      expect(["INVALID_ARANGE", "INTEGER_OVERFLOW"]).toContain(refusal(() => untypedArange(...args)).code);
    }
    expect(arange(5, 2).size).toBe(0);
  });
});

describe("strided operands are read as views", () => {
  const values = [1, 2, 3, 4, 5, 6];
  const transposed = { shape: [3, 2], data: Float64Array.from(values), stride: [1, 3] };
  const contiguousTranspose = { shape: [3, 2], data: [1, 4, 2, 5, 3, 6] };

  it("reads a transposed view correctly, in every dtype and from plain numbers", () => {
    const expected = naiveEinsum("ij,jk->ik", [contiguousTranspose, counting([2, 4])]);
    expect(Array.from(einsum("ij,jk->ik", transposed, counting([2, 4])).data)).toEqual(expected.data);
    for (const data of [Float32Array.from(values), Int32Array.from(values), values]) {
      const view = { shape: [3, 2], data, stride: [1, 3] };
      expect(einsum("ij->ij", view).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    }
    expect(einsum("ij->ij", { shape: [3, 2], data: Int32Array.from(values), stride: [1, 3] }).dtype).toBe("int32");
  });

  it("reads negative strides, offsets, slices and broadcast (zero) strides", () => {
    expect(einsum("i->i", { shape: [3], data: Float64Array.of(1, 2, 3), stride: [-1], offset: 2 }).toArray()).toEqual([3, 2, 1]);
    // ndarray's a.hi(2, 3).lo(1, 1) of a 3×4 array: rows 1-2, columns 1-2.
    const sliced = { shape: [1, 2], data: Float64Array.from({ length: 12 }, (_, index) => index), stride: [4, 1], offset: 5 };
    expect(einsum("ij->ij", sliced).toArray()).toEqual([[5, 6]]);
    const column = { shape: [3], data: Float64Array.from({ length: 12 }, (_, index) => index), stride: [4], offset: 2 };
    expect(einsum("i->i", column).toArray()).toEqual([2, 6, 10]);
    expect(einsum("ij->", { shape: [2, 3], data: [5], stride: [0, 0] }).item()).toBe(30);
    const flipped = { shape: [2, 3], data: values, stride: [-3, -1], offset: 5 };
    expect(einsum("ij->ij", flipped).toArray()).toEqual([[6, 5, 4], [3, 2, 1]]);
    expect(einsum("ij->", { shape: [0, 3], data: [], stride: [3, 1] }).item()).toBe(0);
  });

  it("refuses an inconsistent stride, offset or length with INVALID_STRIDE", () => {
    const data = Float64Array.of(1, 2, 3, 4, 5, 6);
    const cases: [unknown, unknown, string][] = [
      [[1], 0, "stride must be a list of 2 whole numbers, one per dimension"],
      [[3, 1.5], 0, "stride[1] is 1.5, not a whole number"],
      [[3, "1"], 0, "stride[1] is '1', not a whole number"],
      [[3, 1], -1, "offset is -1, not a whole number from 0"],
      [[3, 1], 1, "it reaches element 6 but data has 6"],
      [[-3, 1], 0, "it reaches element -3, before the start of data"],
      [[4, 1], 0, "it reaches element 6 but data has 6"],
      ["3,1", 0, "stride must be a list of 2 whole numbers, one per dimension"],
    ];
    for (const [stride, offset, detail] of cases) {
      const error = refusal(() => einsum("ij->", { shape: [2, 3], data, stride, offset }));
      expect(error.code).toBe("INVALID_STRIDE");
      expect(error.message).toBe(messages.writeInvalidStride(0, detail));
    }
  });

  it("refuses a view written with 'strides' instead of 'stride', rather than reading it row-major", () => {
    const error = refusal(() => einsum("ij->ji", { shape: [2, 3], data: [1, 2, 3, 4, 5, 6], strides: [1, 2] }));
    expect(error.code).toBe("INVALID_STRIDE");
    expect(error.message).toBe(messages.writeInvalidStride(0, "it has 'strides', which is not read: a view's strides are its 'stride'"));
  });

  it("never changes its inputs", () => {
    const data = Float64Array.from(values);
    const plain = [...values];
    const shape = [3, 2];
    const stride = [1, 3];
    einsum("ij,ij->j", { shape, data, stride }, { shape, data: plain, stride });
    einsum("ij->ji", { shape, data, stride, offset: 0 });
    expect(Array.from(data)).toEqual(values);
    expect(plain).toEqual(values);
    expect(shape).toEqual([3, 2]);
    expect(stride).toEqual([1, 3]);
  });
});

describe("the run's set-up is linear in the number of operands", () => {
  // Each case takes a few seconds at most; the timeout leaves room for a loaded two-core machine.
  it("runs 100,000 operands left to right", { timeout: 120_000 }, () => {
    const count = 100_000;
    const operands = Array.from({ length: count }, (_, index) => tensor([1, index % 3 === 0 ? 1 : -1]));
    const result = einsum(Array.from({ length: count }, () => "i").join(",") + "->i", operands, { optimize: false });
    const negatives = operands.filter((_, index) => index % 3 !== 0).length;
    expect(result.toArray()).toEqual([1, negatives % 2 === 0 ? 1 : -1]);
  });

  it("runs a chain of 10,000 matrices in the sublist form", { timeout: 120_000 }, () => {
    const count = 10_000;
    const rotate = tensor([[0, 1], [1, 0]]);
    const args: unknown[] = [];
    for (let index = 0; index < count; index++) args.push(rotate, [index, index + 1]);
    const result = einsum(...args, [0, count], { optimize: false });
    expect(result.toArray()).toEqual([[1, 0], [0, 1]]);
  });
});
