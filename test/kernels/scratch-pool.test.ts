import { describe, expect, it } from "vitest";
import { einsum } from "../../src/index.js";
import { acquireScratch, releaseScratch, scratchHeld } from "../../src/kernels/scratch-pool.js";
import { generator } from "./matrix-views.js";
import { mismatch, randomData, referenceEinsum } from "./naive.js";

describe("the scratch pool of intermediates", () => {
  it("hands a released array out again only for the same dtype and length, once", () => {
    const released = new Float32Array(1 << 15);
    releaseScratch(released);
    expect(acquireScratch(new Float64Array(1), 1 << 15)).not.toBe(released);
    expect(acquireScratch(new Float32Array(1), (1 << 15) + 1)).not.toBe(released);
    expect(acquireScratch(new Float32Array(1), 1 << 15)).toBe(released);
    expect(acquireScratch(new Float32Array(1), 1 << 15)).not.toBe(released);
  });

  it("keeps no small arrays and never more than its limit", () => {
    const before = scratchHeld();
    releaseScratch(new Float64Array(16));
    expect(scratchHeld()).toEqual(before);
    for (let i = 0; i < 20; i++) releaseScratch(new Float64Array(1 << 20)); // 8 MiB each
    expect(scratchHeld().bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    while (scratchHeld().arrays > 0) acquireScratch(new Float64Array(1), 1 << 20);
  });

  it("gives multi-step einsums the reference's values, and never reuses a result handed to the caller", () => {
    const random = generator(5);
    for (const dtype of ["float64", "float32", "int32"] as const) {
      const shapes = [[16, 40], [24, 40, 48], [16, 48]];
      const operands = shapes.map((shape) => ({ shape, data: smallData(dtype, shape.reduce((x, y) => x * y), random) }));
      // Labels i = 0, k = 1, j = 2, l = 3.
      const labels = [[0, 1], [2, 1, 3], [0, 3]];
      const reference = operands.map(({ shape, data }, index) => ({ shape, data, labels: labels[index]! }));
      const expected = referenceEinsum(reference, [0, 2], [16, 40, 24, 48], dtype === "int32");
      const first = einsum("ik,jkl,il->ij", operands, { optimize: [[0, 1], [0, 1]] });
      const kept = first.data.slice();
      for (let call = 0; call < 4; call++) {
        const again = einsum("ik,jkl,il->ij", operands, { optimize: [[0, 1], [0, 1]] });
        expect(mismatch(again.data, expected, dtype, 40 * 48), dtype).toBeUndefined();
        // An intermediate of the same length as the result: a pool that took results back would hand it out here.
        einsum("ij,jk->ik", { shape: [16, 24], data: again.data }, { shape: [24, 24], data: smallData(dtype, 576, random) });
      }
      expect(first.data, `${dtype}: an earlier result is left alone`).toEqual(kept);
      expect(mismatch(first.data, expected, dtype, 40 * 48)).toBeUndefined();
    }
  });
});

/** Random data whose int32 sums stay exact (int32 einsum refuses sums that could pass 2^53), floats as they come. */
function smallData(dtype: "float64" | "float32" | "int32", length: number, random: () => number): ReturnType<typeof randomData> {
  if (dtype !== "int32") return randomData(dtype, length, random);
  return Int32Array.from({ length }, () => Math.floor(random() * 17) - 8);
}
