import { describe, expect, it } from "vitest";
import { reduceStrided } from "../../src/kernels/reductions/strided-reduce.js";
import { generator, mismatch, randomData, referenceEinsum, referenceReduce, type DType } from "./naive.js";
import { checkReduceCases, type ReduceCase } from "./reduce-cases.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const dtypes: readonly DType[] = ["float64", "float32", "int32"];

/** [labels, shape, keep] */
const cases: ReduceCase[] = [
  [[0, 0], [7, 7], []], // trace
  [[0, 0], [7, 7], [0]], // diagonal
  [[0, 1], [5, 9], [1, 0]], // transpose
  [[0, 1, 2], [4, 5, 6], [2, 1, 0]], // permutation
  [[0, 1, 2], [4, 5, 6], [1, 2, 0]],
  [[0, 1], [37, 41], [1, 0]], // transposes large enough to run in tiles, with partial tiles
  [[0, 1, 2], [20, 3, 33], [2, 1, 0]],
  [[0, 1, 2], [19, 18, 17], [2, 0, 1]],
  [[0, 1, 2, 3], [5, 17, 3, 18], [3, 2, 1, 0]],
  [[0, 1, 0], [17, 3, 17], [0, 1]], // a diagonal read in one order, written in another
  [[0, 1, 2], [4, 5, 6], []], // full sum
  [[0, 1], [5, 9], [0]], // sum of each row
  [[0, 1], [5, 9], [1]], // sum of each column
  [[0, 1, 0], [3, 4, 3], [1, 0]], // diagonal across distant axes
  [[0, 0, 0], [4, 4, 4], [0]], // main diagonal of a cube
  [[0, 1, 1, 2], [2, 3, 3, 4], [2, 1]], // diagonal and sum together
  [[0, 1, 2, 3], [2, 3, 4, 5], [3, 0]],
  [[0, 1, 2], [4, 1, 6], [0, 2]], // a dimension of size 1
  [[0, 1, 2], [1, 1, 1], [2, 0]],
  [[0, 1], [0, 5], [1]], // empty operand: sums are zero
  [[0, 1], [5, 0], [0]],
  [[0, 1], [0, 5], [0]], // empty result
  [[], [], []], // scalar
  [[0], [1000], []],
];

describe("reduceStrided: diagonal, sum-out and permutation against a naive reference", sharedMachineTimeout, () => {
  for (const dtype of dtypes) {
    it(`${dtype}: every unary form`, () => {
      checkReduceCases(cases, dtype, generator(11));
    });

    it(`${dtype}: random operands with repeated labels and any kept order`, () => {
      const random = generator(dtype.length * 101);
      for (let trial = 0; trial < 150; trial++) {
        const distinct = 1 + Math.floor(random() * 4);
        const extents = Array.from({ length: distinct }, () => Math.floor(random() * 5) + 1);
        const labels = Array.from({ length: 1 + Math.floor(random() * 5) }, () => Math.floor(random() * distinct));
        const present = [...new Set(labels)];
        const keep = present.filter(() => random() < 0.5).sort(() => random() - 0.5);
        const shape = labels.map((label) => extents[label]!);
        const data = randomData(dtype, shape.reduce((x, y) => x * y, 1), random);
        const result = reduceStrided(data, shape, labels, keep, extents);
        const expected = referenceReduce({ data, shape, labels }, keep, dtype === "int32");
        expect(mismatch(result.data, expected, dtype, data.length), `${labels} ${shape} -> ${keep}`).toBeUndefined();
      }
    });
  }

  it("reads a dimension of size 1 once, whatever the label's size elsewhere", () => {
    // labels i, j with sizes 2 and 5 elsewhere; this operand has j of size 1 and keeps only i
    const result = reduceStrided(Float64Array.of(3, 4), [2, 1], [0, 1], [0], [2, 5]);
    expect(Array.from(result.data)).toEqual([3, 4]);
  });

  it("broadcasts a kept label the operand holds with size 1", () => {
    const data = Float64Array.of(1, 2);
    const result = reduceStrided(data, [2, 1], [0, 1], [1, 0], [2, 3]);
    const expected = referenceEinsum([{ data, shape: [2, 1], labels: [0, 1] }], [1, 0], [2, 3], false);
    expect(Array.from(result.data)).toEqual(expected);
    expect(expected).toEqual([1, 2, 1, 2, 1, 2]);
  });

  it("int32 sums wrap modulo 2^32", () => {
    const result = reduceStrided(Int32Array.of(2147483647, 2147483647, 3), [3], [0], [], [3]);
    expect(result.data[0]).toBe((2147483647 + 2147483647 + 3) | 0);
  });
});

describe("reduceStrided's block copy and interleaved sums", sharedMachineTimeout, () => {
  it("copies an operand already in the kept order into new storage", () => {
    const data = Float64Array.from({ length: 24 }, (_, i) => i * 1.5 - 7);
    const result = reduceStrided(data, [2, 3, 4], [0, 1, 2], [0, 1, 2], [2, 3, 4]);
    expect(result.data).toEqual(data);
    expect(result.data).not.toBe(data);
    result.data[0] = 99;
    expect(data[0]).toBe(-7);
  });

  it("sums runs of every length around the four-way unrolling, contiguous and strided, exactly on integers", () => {
    for (let length = 0; length <= 11; length++) {
      const data = Float64Array.from({ length: length * 3 }, (_, i) => (i * 7919) % 101 - 50);
      let whole = 0;
      for (const value of data) whole += value;
      expect(reduceStrided(data, [length * 3], [0], [], [length * 3]).data[0], `sum of ${length * 3}`).toBe(whole);
      // The middle column of a length × 3 matrix: a stride of 3.
      let column = 0;
      for (let row = 0; row < length; row++) column += data[row * 3 + 1]!;
      const columns = reduceStrided(data, [length, 3], [0, 1], [1], [length, 3]).data;
      expect(columns[1], `column of ${length}`).toBe(column);
    }
  });
});
