import { describe, expect, it } from "vitest";
import { einsum } from "../../src/index.js";
import type { StridedAxis } from "../../src/kernels/axis-walk.js";
import { permuteCopy } from "../../src/kernels/elementwise/permute-copy.js";
import { generator, mismatch, randomData, referenceEinsum, type DType } from "./naive.js";
import { checkReduceCases, type ReduceCase } from "./reduce-cases.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const dtypes: readonly DType[] = ["float64", "float32", "int32"];

/** The definition: `out[Σ i·outStride] = input[Σ i·inStride]` for every index, one index at a time. */
function naiveCopy(input: ArrayLike<number>, outLength: number, axes: readonly StridedAxis[]): number[] {
  const out = new Array<number>(outLength).fill(Number.NaN);
  const index = axes.map(() => 0);
  for (;;) {
    let read = 0;
    let write = 0;
    axes.forEach((axis, a) => {
      read += index[a]! * axis.inStride;
      write += index[a]! * axis.outStride;
    });
    out[write] = input[read]!;
    let a = 0;
    for (; a < axes.length; a++) {
      if (++index[a]! < axes[a]!.extent) break;
      index[a] = 0;
    }
    if (a === axes.length) return out;
  }
}

/** Row-major strides of `shape`. */
function stridesOf(shape: readonly number[]): number[] {
  const strides = shape.map(() => 1);
  for (let axis = shape.length - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1]! * shape[axis + 1]!;
  return strides;
}

/** The axes that write a row-major array of `shape` in the axis order `order` (a permutation of its axes). */
function permutationAxes(shape: readonly number[], order: readonly number[]): StridedAxis[] {
  const inStrides = stridesOf(shape);
  const outStrides = stridesOf(order.map((axis) => shape[axis]!));
  return shape.map((extent, axis) => ({ extent, inStride: inStrides[axis]!, outStride: outStrides[order.indexOf(axis)]! }));
}

function allocate(dtype: DType, length: number): Float64Array | Float32Array | Int32Array {
  return dtype === "float64" ? new Float64Array(length) : dtype === "float32" ? new Float32Array(length) : new Int32Array(length);
}

describe("permuteCopy against the definition", sharedMachineTimeout, () => {
  for (const dtype of dtypes) {
    it(`${dtype}: permutations of odd shapes across tile edges, the input unchanged`, () => {
      const random = generator(dtype.length * 31 + 7);
      const shapes = [[1, 1], [3, 1], [65, 67], [130, 3], [2, 129], [31, 5, 70], [5, 33, 3, 34], [70, 1, 65]];
      for (const shape of shapes) {
        const size = shape.reduce((x, y) => x * y, 1);
        const input = randomData(dtype, size, random);
        const before = input.slice();
        const order = shape.map((_, axis) => axis).sort(() => random() - 0.5);
        // The axes come in any order: the kernel picks the axes read and written in order itself.
        const axes = permutationAxes(shape, order).sort(() => random() - 0.5);
        const out = allocate(dtype, size);
        permuteCopy(input, out, axes);
        expect(Array.from(out), `${shape} in order ${order}`).toEqual(naiveCopy(input, size, axes));
        expect(input, "the input is not written").toEqual(before);
      }
    });

    it(`${dtype}: diagonals, broadcasts and views into larger arrays`, () => {
      const random = generator(dtype.length * 53);
      const storage = randomData(dtype, 80 * 80 + 9, random);
      const input = storage.subarray(5, 5 + 80 * 80);
      const before = storage.slice();
      const outStorage = allocate(dtype, 3 + 80 * 70);
      const out = outStorage.subarray(3);
      // The diagonal of an 80×80 matrix (stride 81) copied into 70 rows (a broadcast axis, input stride 0).
      const axes: StridedAxis[] = [
        { extent: 80, inStride: 81, outStride: 1 },
        { extent: 70, inStride: 0, outStride: 80 },
      ];
      permuteCopy(input, out, axes);
      expect(Array.from(out)).toEqual(naiveCopy(input, 80 * 70, axes));
      expect(Array.from(outStorage.subarray(0, 3)), "nothing is written before the view").toEqual([0, 0, 0]);
      expect(storage, "the input is not written").toEqual(before);
    });
  }

  it("copies runs contiguous on both sides whole, around the shortest run copied so", () => {
    const random = generator(17);
    for (const dtype of dtypes) {
      // Runs of 63, 64 and 65 float64 values (126–130 words) and of 127–129 float32 or int32 values.
      const lengths = dtype === "float64" ? [63, 64, 65] : [127, 128, 129];
      for (const length of lengths) {
        const shape = [3, 5, length];
        const size = 15 * length;
        const input = randomData(dtype, size, random);
        const before = input.slice();
        const axes = permutationAxes(shape, [1, 0, 2]);
        const out = allocate(dtype, size);
        permuteCopy(input, out, axes);
        expect(Array.from(out), `${dtype} ${shape}`).toEqual(naiveCopy(input, size, axes));
        expect(input, "the input is not written").toEqual(before);
      }
    }
  });

  it("keeps the bits of every float, NaN payloads and signed zeros included", () => {
    const words = Uint32Array.of(0x7fc00001, 0xffa00000, 0x80000000, 0x7f800000, 0x00000001, 0x3f800000);
    const single = new Float32Array(words.buffer.slice(0));
    const singleOut = new Float32Array(6);
    permuteCopy(single, singleOut, [
      { extent: 3, inStride: 1, outStride: 2 },
      { extent: 2, inStride: 3, outStride: 1 },
    ]);
    expect(Array.from(new Uint32Array(singleOut.buffer))).toEqual([0, 3, 1, 4, 2, 5].map((from) => words[from]));
    const doubleBits = BigUint64Array.of(0x7ff8000000000001n, 0xfff4000000000000n, 0x8000000000000000n, 0x0000000000000001n);
    const double = new Float64Array(doubleBits.buffer.slice(0));
    const doubleOut = new Float64Array(4);
    permuteCopy(double, doubleOut, [
      { extent: 2, inStride: 1, outStride: 2 },
      { extent: 2, inStride: 2, outStride: 1 },
    ]);
    expect(Array.from(new BigUint64Array(doubleOut.buffer))).toEqual([doubleBits[0], doubleBits[2], doubleBits[1], doubleBits[3]]);
  });
});

describe("permutations through reduceStrided and einsum", sharedMachineTimeout, () => {
  for (const dtype of dtypes) {
    it(`${dtype}: large permutations, diagonals read in another order and empty dimensions`, () => {
      const random = generator(dtype.length * 97);
      /** [labels, shape, keep] */
      const cases: ReduceCase[] = [
        [[0, 1, 2], [23, 19, 29], [2, 1, 0]],
        [[0, 1, 2], [23, 19, 29], [1, 2, 0]],
        [[0, 1], [67, 131], [1, 0]],
        [[0, 1, 0], [37, 3, 37], [1, 0]], // a diagonal, written transposed
        [[0, 1, 2, 3], [9, 7, 11, 5], [3, 1, 2, 0]],
        [[0, 1, 2], [0, 40, 40], [2, 1, 0]], // empty
        [[0, 1, 2], [40, 40, 0], [1, 2, 0]],
      ];
      checkReduceCases(cases, dtype, random, true);
    });
  }

  it("einsum permutes a strided view (a transposed operand) of every dtype", () => {
    const random = generator(5);
    for (const dtype of dtypes) {
      const data = randomData(dtype, 30 * 40 * 5, random);
      // A [5, 40, 30] view of row-major [30, 40, 5] data, read with its axes reversed.
      const view = { shape: [5, 40, 30], data, stride: [1, 5, 200] };
      const result = einsum("ijk->jki", view);
      const transposed = referenceEinsum([{ data, shape: [30, 40, 5], labels: [2, 1, 0] }], [1, 2, 0], [5, 40, 30], false);
      expect(result.shape).toEqual([40, 30, 5]);
      expect(mismatch(result.data, transposed, dtype), dtype).toBeUndefined();
      expect(result.dtype).toBe(dtype);
    }
  });
});
