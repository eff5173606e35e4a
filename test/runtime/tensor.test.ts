import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { arange, einsum, ones, randn, Tensor, tensor, zeros } from "typed-einsum";

describe("constructors", () => {
  it("reads the shape of nested arrays", () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe("float64");
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
  });

  it("takes flat data with a shape, keeping a typed array's dtype and copying it", () => {
    const source = new Int32Array([1, 2, 3, 4, 5, 6]);
    const t = tensor(source, [2, 3]);
    expect(t.dtype).toBe("int32");
    source[0] = 99;
    expect(t.data[0]).toBe(1);
    expect(tensor([1, 2, 3], [3], "float32").data).toBeInstanceOf(Float32Array);
    expect(tensor([[1, 2]], { dtype: "int32" }).dtype).toBe("int32");
  });

  it("makes zeros, ones and ranges", () => {
    expect(Array.from(zeros([2, 2]).data)).toEqual([0, 0, 0, 0]);
    expect(zeros([3], "float32").data).toBeInstanceOf(Float32Array);
    expect(Array.from(ones([3]).data)).toEqual([1, 1, 1]);
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(3, 7).toArray()).toEqual([3, 4, 5, 6]);
    expect(arange(5, 2).shape).toEqual([0]);
    expect(arange(4).dtype).toBe("int32");
  });

  it("draws the same normal samples for the same seed, and others for another", () => {
    const first = randn([1000], { seed: 7 });
    expect(Array.from(randn([1000], { seed: 7 }).data)).toEqual(Array.from(first.data));
    expect(randn([4], { seed: 8 }).data[0]).not.toBe(first.data[0]);
    const values = Array.from(first.data);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(Math.abs(variance - 1)).toBeLessThan(0.15);
    expect(randn([2], { seed: 1, dtype: "float32" }).dtype).toBe("float32");
  });

  it("draws fresh normal samples on each call without a seed", () => {
    const first = Array.from(randn([64]).data);
    const second = Array.from(randn([64]).data);
    // 64 independent draws agreeing everywhere would take a repeated 32-bit seed
    expect(second).not.toEqual(first);
    expect(first.every(Number.isFinite)).toBe(true);
  });

  it("makes scalars and empty tensors", () => {
    const scalar = tensor(5);
    expect(scalar.shape).toEqual([]);
    expect(scalar.item()).toBe(5);
    expect(zeros([2, 0]).size).toBe(0);
  });
});

describe("reshape, toArray, item", () => {
  it("shares the data under a new shape", () => {
    const a = arange(6);
    const b = a.reshape([2, 3]);
    expect(b.shape).toEqual([2, 3]);
    expect(b.data).toBe(a.data);
    expect(b.toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
  });

  it("gives the single element", () => {
    expect(einsum("ij->", arange(6).reshape([2, 3])).item()).toBe(15);
    expect(ones([1, 1]).item()).toBe(1);
  });
});

describe("printing like PyTorch", () => {
  it("pads integer columns", () => {
    expect(String(arange(15).reshape([3, 5]))).toBe(
      "tensor([[ 0,  1,  2,  3,  4],\n        [ 5,  6,  7,  8,  9],\n        [10, 11, 12, 13, 14]])",
    );
    expect(String(tensor([5], [], "int32"))).toBe("tensor(5)");
  });

  it("prints floats with 4 decimals, whole floats with a point, and scientific notation for wide ranges", () => {
    expect(String(tensor([0.5, -1.25]))).toBe("tensor([ 0.5000, -1.2500])");
    expect(String(tensor([1, 2]))).toBe("tensor([1., 2.])");
    expect(String(tensor([1e-5, 1]))).toBe("tensor([1.0000e-05, 1.0000e+00])");
    expect(String(tensor([1, 2], [2], "float32"))).toBe("tensor([1., 2.], dtype=float32)");
  });

  it("separates the blocks of a 3-d tensor with a blank line", () => {
    expect(String(arange(8).reshape([2, 2, 2]))).toBe("tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])");
  });

  it("prints empty tensors with their size", () => {
    expect(String(zeros([0]))).toBe("tensor([])");
    expect(String(zeros([2, 0]))).toBe("tensor([], size=(2, 0))");
  });

  it("wraps long rows at 80 columns and summarizes past 1000 elements", () => {
    const long = String(arange(30));
    expect(long.split("\n").every((line) => line.length <= 80)).toBe(true);
    expect(long.split("\n")).toHaveLength(2);
    const big = String(arange(2000));
    expect(big).toBe("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])");
  });

  it("is what console.log shows in Node", () => {
    expect(inspect(arange(3))).toBe("tensor([0, 1, 2])");
    expect(arange(3)).toBeInstanceOf(Tensor);
  });
});
