import { describe, expect, it } from "vitest";
import { arange, einsum, ones, tensor, zeros } from "typed-einsum";
import { writeIntegerOverflow } from "../../src/messages.js";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { counting, untypedEinsum } from "../fixtures/untyped.js";

describe("the three call forms", () => {
  const a = arange(6).reshape([2, 3]);
  const b = arange(15).reshape([3, 5]);
  const expected = [[25, 28, 31, 34, 37], [70, 82, 94, 106, 118]];

  it("variadic operands", () => {
    expect(einsum("ik,kj->ij", a, b).toArray()).toEqual(expected);
  });

  it("an operand list", () => {
    expect(einsum("ik,kj->ij", [a, b]).toArray()).toEqual(expected);
  });

  it("NumPy's sublists, with and without an output sublist", () => {
    expect(untypedEinsum(a, [0, 1], b, [1, 2], [0, 2]).toArray()).toEqual(expected);
    expect(untypedEinsum(a, [0, 1], b, [1, 2]).toArray()).toEqual(expected);
    expect(untypedEinsum(a, [1, 0]).toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(untypedEinsum(counting([2, 3, 4]), ["...", 7], ["...", 7]).shape).toEqual([2, 3, 4]);
  });

  it("sublist labels beyond the 52 letters, in numeric order when implicit", () => {
    const x = counting([2, 3]);
    const y = counting([3, 4]);
    const wide = untypedEinsum(x, [100, 60], y, [60, 75]);
    expect(wide.shape).toEqual([4, 2]);
    expect(Array.from(wide.data)).toEqual(naiveEinsum("ij,jk->ki", [x, y]).data);
    expect(untypedEinsum(x, [100, 60], y, [60, 75], [100, 75]).shape).toEqual([2, 4]);
  });

  it("a trailing options object in every form", () => {
    expect(einsum("ik,kj->ij", a, b, { optimize: false }).toArray()).toEqual(expected);
    expect(einsum("ik,kj->ij", [a, b], { optimize: "greedy" }).toArray()).toEqual(expected);
    expect(untypedEinsum(a, [0, 1], b, [1, 2], [0, 2], { optimize: "dp" }).toArray()).toEqual(expected);
  });

  it("plain { shape, data } objects, typed or not", () => {
    const plain = { shape: [2, 2], data: [1, 2, 3, 4] };
    const typed = { shape: [2], data: new Float32Array([1, 1]) };
    expect(Array.from(einsum("ij,j->i", plain, typed).data)).toEqual([3, 7]);
  });
});

describe("dtypes", () => {
  it("promotes like PyTorch", () => {
    const i = arange(3);
    const f32 = ones([3], "float32");
    const f64 = ones([3]);
    expect(einsum("i,i->", i, i).dtype).toBe("int32");
    expect(einsum("i,i->", i, f32).dtype).toBe("float32");
    expect(einsum("i,i->", f32, f64).dtype).toBe("float64");
    expect(einsum("i->", f32).dtype).toBe("float32");
  });

  it("refuses an int32 result that int32 cannot hold instead of wrapping, and keeps the ones it can", () => {
    const big = tensor(new Int32Array([65536, 65536]), [2]);
    expect(() => einsum("i,i->", big, big)).toThrow(writeIntegerOverflow(String(2 ** 33)));
    const max = tensor(new Int32Array([2147483647, 1]), [2]);
    expect(() => einsum("i->", max)).toThrow(writeIntegerOverflow("2147483648"));
    expect(einsum("i->", tensor(new Int32Array([2147483646, 1]), [2])).item()).toBe(2147483647);
    expect(einsum("i->", tensor(new Int32Array([-2147483647, -1]), [2])).item()).toBe(-2147483648);
  });
});

describe("edge shapes", () => {
  it("sums over an empty dimension to zero and keeps empty outputs empty", () => {
    expect(einsum("ij->i", zeros([3, 0])).toArray()).toEqual([0, 0, 0]);
    expect(einsum("ij,jk->ik", zeros([0, 2]), zeros([2, 3])).shape).toEqual([0, 3]);
  });

  it("takes scalars as operands", () => {
    expect(einsum(",i->i", tensor(2), tensor([1, 2, 3])).toArray()).toEqual([2, 4, 6]);
    expect(einsum("->", tensor(4)).item()).toBe(4);
  });

  it("takes diagonals and traces", () => {
    const m = arange(9).reshape([3, 3]);
    expect(einsum("ii->i", m).toArray()).toEqual([0, 4, 8]);
    expect(einsum("ii", m).item()).toBe(12);
    expect(einsum("iii->i", arange(8).reshape([2, 2, 2])).toArray()).toEqual([0, 7]);
  });

  it("broadcasts size-1 labels against larger ones", () => {
    const column = tensor([[1], [2]]);
    const matrix = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(einsum("ij,ij->ij", column, matrix).toArray()).toEqual([[1, 2, 3], [8, 10, 12]]);
    expect(einsum("ij,jk", tensor([[1], [1]]), tensor([[1, 2], [3, 4], [5, 6]])).toArray()).toEqual([
      [9, 12],
      [9, 12],
    ]);
  });

  it("broadcasts the ellipsis right-aligned and puts it first in implicit outputs", () => {
    const result = einsum("...ij,...jk", counting([2, 1, 2, 3]), counting([4, 3, 2]));
    expect(result.shape).toEqual([2, 4, 2, 2]);
    expect(Array.from(result.data)).toEqual(naiveEinsum("...ij,...jk", [counting([2, 1, 2, 3]), counting([4, 3, 2])]).data);
  });

  it("orders implicit outputs in ASCII order, uppercase first", () => {
    expect(einsum("ba,Ca", counting([2, 3]), counting([4, 3])).shape).toEqual([4, 2]);
  });

  it("ignores spaces anywhere between tokens", () => {
    expect(einsum(" i k , k j -> i j ", arange(6).reshape([2, 3]), arange(15).reshape([3, 5])).shape).toEqual([2, 5]);
  });

  it("never changes its inputs, even when an input is also the output's layout", () => {
    const m = arange(4).reshape([2, 2]);
    const before = Array.from(m.data);
    const same = einsum("ij->ij", m);
    expect(same.data).not.toBe(m.data);
    same.data[0] = 42;
    expect(Array.from(m.data)).toEqual(before);
  });
});
