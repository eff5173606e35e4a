import { afterEach, describe, expect, it } from "vitest";
import { setGemmBackend } from "../../src/kernels/gemm/gemm.js";
import { addColumnSums, addRowSums, sumChunkElements } from "../../src/kernels/reductions/row-sums.js";
import { reduceStrided } from "../../src/kernels/reductions/strided-reduce.js";
import { generator, mismatch, randomData, type DType } from "./naive.js";
import { checkReduceCases, type ReduceCase } from "./reduce-cases.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const dtypes: readonly DType[] = ["float64", "float32", "int32"];

afterEach(() => setGemmBackend("wasm"));

/** Whether two arrays hold the same values (Object.is), element by element: quicker than a deep equality on 10⁵ elements. */
function sameValues(actual: ArrayLike<number>, expected: ArrayLike<number>): boolean {
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < actual.length; i++) if (!Object.is(actual[i], expected[i])) return false;
  return true;
}

/** Σ data[start + r·n + j] in float64, row by row: the reference the SIMD sums are held to. */
function naiveRowSums(data: ArrayLike<number>, start: number, rows: number, n: number): number[] {
  return Array.from({ length: rows }, (_, row) => {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += data[start + row * n + j]!;
    return sum;
  });
}

describe("addRowSums: contiguous sums in WebAssembly SIMD", sharedMachineTimeout, () => {
  for (const dtype of ["float64", "float32"] as const) {
    it(`${dtype}: rows of every length around the SIMD blocks and the copied chunks`, () => {
      const random = generator(dtype.length);
      // 63, 64 and 65 cross float32's 64-value blocks; the chunk's length ±1 cross its edge, and 2.1 chunks split a
      // row over three.
      const chunk = sumChunkElements;
      const shapes = [[1, 256], [300, 1], [5, 63], [4, 64], [5, 65], [40, 7], [2, chunk - 1], [2, chunk], [3, chunk + 1], [2, Math.round(chunk * 2.1)], [700, 33], [3, Math.floor(chunk / 3) + 1]] as const;
      for (const [rows, n] of shapes) {
        const data = randomData(dtype, rows * n + 5, random);
        const before = data.slice();
        const out = dtype === "float64" ? new Float64Array(rows * 2).fill(1) : new Float32Array(rows * 2).fill(1);
        expect(addRowSums(data as Float64Array, 3, rows, n, out, 1, 2), `${rows}×${n}`).toBe(true);
        const expected = naiveRowSums(data, 3, rows, n);
        // Each sum lands on every other element from 1, added to the 1 already there.
        const written = Array.from({ length: rows }, (_, row) => out[1 + row * 2]!);
        expect(mismatch(written, expected.map((sum) => sum + 1), dtype, n), `${rows}×${n}`).toBeUndefined();
        expect(Array.from({ length: rows }, (_, row) => out[row * 2]), "the other elements are untouched").toEqual(new Array(rows).fill(1));
        expect(sameValues(data, before), "the input is not written").toBe(true);
      }
    });

    it(`${dtype}: several rows into one element (a stride of 0) add up`, () => {
      const data = randomData(dtype, 50 * 40, generator(3));
      const out = new Float64Array(1);
      expect(addRowSums(data as Float64Array, 0, 50, 40, out, 0, 0)).toBe(true);
      expect(mismatch(out, [naiveRowSums(data, 0, 1, 2000)[0]!], "float64", 2000 * 1e-4)).toBeUndefined();
    });
  }

  it("sums float32 nearly as accurately as float64: 10⁶ values of alternating size", () => {
    const data = Float32Array.from({ length: 1e6 }, (_, i) => (i % 2 === 0 ? 1e4 : 1e-3) * (1 + (i % 7) / 8));
    const out = new Float64Array(1);
    expect(addRowSums(data, 0, 1, data.length, out, 0, 0)).toBe(true);
    const expected = naiveRowSums(data, 0, 1, data.length)[0]!;
    expect(Math.abs(out[0]! - expected) / expected).toBeLessThan(1e-9);
  });

  it("declines work too small to gain, and every call when TypeScript is preferred", () => {
    const data = new Float64Array(1000).fill(1);
    const out = new Float64Array(1);
    expect(addRowSums(data, 0, 1, 255, out, 0, 0)).toBe(false);
    expect(addRowSums(data, 0, 0, 1000, out, 0, 0)).toBe(false);
    setGemmBackend("typescript");
    expect(addRowSums(data, 0, 1, 1000, out, 0, 0)).toBe(false);
    expect(out[0]).toBe(0);
  });
});

/** Σ_r data[start + r·n + j] in float64, for each column j: the reference of the SIMD column sums. */
function naiveColumnSums(data: ArrayLike<number>, start: number, rows: number, n: number): number[] {
  return Array.from({ length: n }, (_, column) => {
    let sum = 0;
    for (let row = 0; row < rows; row++) sum += data[start + row * n + column]!;
    return sum;
  });
}

describe("addColumnSums: sums across rows in WebAssembly SIMD", sharedMachineTimeout, () => {
  for (const dtype of ["float64", "float32"] as const) {
    it(`${dtype}: blocks of every width around the 8-column steps, the chunk and its slabs`, () => {
      const random = generator(dtype.length * 3);
      const chunk = sumChunkElements;
      const shapes = [[256, 1], [40, 7], [33, 8], [31, 9], [3, 300], [2, chunk - 1], [3, chunk], [2, chunk + 3], [1, 2 * chunk + 5], [700, 97]] as const;
      for (const [rows, n] of shapes) {
        const data = randomData(dtype, rows * n + 4, random);
        const before = data.slice();
        const out = dtype === "float64" ? new Float64Array(n * 3 + 2).fill(1) : new Float32Array(n * 3 + 2).fill(1);
        expect(addColumnSums(data as Float64Array, 2, rows, n, out, 2, 3), `${rows}×${n}`).toBe(true);
        const expected = naiveColumnSums(data, 2, rows, n);
        // Each column's sum lands on every third element from 2, added to the 1 already there.
        const written = Array.from({ length: n }, (_, column) => out[2 + column * 3]!);
        expect(mismatch(written, expected.map((sum) => sum + 1), dtype, rows), `${rows}×${n}`).toBeUndefined();
        const others = Array.from(out).filter((_, at) => at < 2 || (at - 2) % 3 !== 0);
        expect(others.length).toBe(2 * n + 2);
        expect(others.every((value) => value === 1), "the other elements are untouched").toBe(true);
        expect(sameValues(data, before), "the input is not written").toBe(true);
      }
    });
  }

  it("adds float32 columns in float64: 4000 rows of alternating size", () => {
    const data = Float32Array.from({ length: 4000 * 3 }, (_, i) => (i % 2 === 0 ? 1e4 : 1e-3) * (1 + (i % 5) / 8));
    const out = new Float64Array(3);
    expect(addColumnSums(data, 0, 4000, 3, out, 0, 1)).toBe(true);
    naiveColumnSums(data, 0, 4000, 3).forEach((expected, column) => {
      expect(Math.abs(out[column]! - expected) / expected).toBeLessThan(1e-12);
    });
  });

  it("declines work too small to gain, and every call when TypeScript is preferred", () => {
    const data = new Float64Array(1000).fill(1);
    const out = new Float64Array(10);
    expect(addColumnSums(data, 0, 25, 10, out, 0, 1)).toBe(false);
    expect(addColumnSums(data, 0, 100, 0, out, 0, 1)).toBe(false);
    setGemmBackend("typescript");
    expect(addColumnSums(data, 0, 100, 10, out, 0, 1)).toBe(false);
    expect(Array.from(out)).toEqual(new Array(10).fill(0));
  });
});

describe("reduceStrided sums through the SIMD row sums and through TypeScript alike", sharedMachineTimeout, () => {
  /** [labels, shape, keep]: sums whose innermost axis is contiguous, large enough for the SIMD path. */
  const cases: ReduceCase[] = [
    [[0, 1, 2], [10, 10, 100], []], // full sum
    [[0, 1], [7, 300], [0]], // sum of each row
    [[0, 1, 2], [3, 5, 97], [1]], // the middle label kept: rows summed into every fifth element
    [[0, 1, 2], [3, 5, 97], [1, 0]],
    [[0, 1, 2], [6, 4, 65], [0]], // two summed axes, merged
    [[0, 1, 0], [20, 300, 20], [1]], // a diagonal: strided, so summed in TypeScript
    [[0, 1], [0, 500], [0]], // empty
    [[0, 1], [500, 0], [0]],
    [[0], [5000], []],
    // Column sums: the contiguous label kept, the one before it summed.
    [[0, 1], [300, 37], [1]],
    [[0, 1, 2], [7, 50, 9], [2, 0]], // one block of rows per index of the outer label
    [[0, 1, 2], [7, 50, 9], [0, 2]],
    [[0, 1, 2], [40, 30, 20], [2]], // two summed labels, merged
    [[0, 1], [3, 70000], [1]], // columns wider than a chunk, summed in slabs
  ];
  for (const backend of ["wasm", "typescript"] as const) {
    for (const dtype of dtypes) {
      it(`${dtype}, ${backend}: against a naive reference`, () => {
        setGemmBackend(backend);
        const random = generator(dtype.length + backend.length);
        checkReduceCases(cases, dtype, random);
      });
    }
  }

  it("int32 full sums stay exact and wrap on the large path too", () => {
    const data = new Int32Array(5000).fill(2147483647);
    expect(reduceStrided(data, [5000], [0], [], [5000]).data[0]).toBe(Number(BigInt.asIntN(32, 2147483647n * 5000n)));
  });
});
