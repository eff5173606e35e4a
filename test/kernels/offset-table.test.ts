import { describe, expect, it } from "vitest";
import { offsetTable, stridedOffsets, uniformStride } from "../../src/kernels/offset-table.js";
import { stridesOf } from "../../src/tensor/shape.js";

describe("offset tables", () => {
  it("row-major strides", () => {
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([])).toEqual([]);
    expect(stridesOf([5, 0, 2])).toEqual([0, 2, 1]);
  });

  it("lists the offsets of a group of axes in row-major order of the group", () => {
    const extents = [2, 3, 4];
    const strides = [1, 40, 7];
    const expected: number[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) expected.push(i + 40 * j + 7 * k);
    expect(Array.from(offsetTable(extents, strides))).toEqual(expected);
    expect(Array.from(offsetTable([], []))).toEqual([0]);
    expect(Array.from(offsetTable([3, 0], [1, 1]))).toEqual([]);
  });

  it("finds a uniform stride only in arithmetic tables", () => {
    expect(uniformStride(stridedOffsets(4, 3))).toBe(3);
    expect(uniformStride(offsetTable([2, 3], [3, 1]))).toBe(1);
    expect(uniformStride(offsetTable([2, 3], [1, 2]))).toBeUndefined();
    expect(uniformStride(Int32Array.of(5))).toBe(1);
  });
});
