/**
 * The shared check of the unary-step suites: reduceStrided on random data of one dtype, case by case, against
 * the naive reference, with the dtype kept and the input unwritten.
 */
import { expect } from "vitest";
import { reduceStrided } from "../../src/kernels/reductions/strided-reduce.js";
import { mismatch, randomData, referenceReduce, type DType } from "./naive.js";

/** One unary case: the operand's labels (repeats allowed), its shape and the labels kept, in order. */
export type ReduceCase = [labels: number[], shape: number[], keep: number[]];

/**
 * Checks every case on fresh random data. `exact` holds copies to the reference's values exactly; sums get the
 * dtype's tolerance scaled by the operand's size.
 */
export function checkReduceCases(cases: readonly ReduceCase[], dtype: DType, random: () => number, exact = false): void {
  for (const [labels, shape, keep] of cases) {
    const data = randomData(dtype, shape.reduce((x, y) => x * y, 1), random);
    const before = data.slice();
    const sizes: number[] = [];
    labels.forEach((label, axis) => (sizes[label] = Math.max(sizes[label] ?? 0, shape[axis]!)));
    const result = reduceStrided(data, shape, labels, keep, sizes);
    const expected = referenceReduce({ data, shape, labels }, keep, dtype === "int32");
    expect(mismatch(result.data, expected, dtype, exact ? 1 : data.length), `${labels} ${shape} -> ${keep}`).toBeUndefined();
    expect(result.data.constructor).toBe(data.constructor);
    expect(result.labels).toEqual(keep);
    let unchanged = true;
    for (let i = 0; i < data.length; i++) if (!Object.is(data[i], before[i])) unchanged = false;
    expect(unchanged, "the input is not written").toBe(true);
  }
}
