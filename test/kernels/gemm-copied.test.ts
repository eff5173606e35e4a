import { describe, expect, it } from "vitest";
import { gemmCopied, prefersCopiedGemm } from "../../src/kernels/gemm/gemm-copied.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import type { FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { gemm } from "../../src/kernels/gemm/gemm.js";
import { loadDirectWasm } from "../../src/kernels/wasm/direct-instance.js";
import { checkKernelRun, layouts, productMismatch, randomProduct, type Layout } from "./matrix-views.js";
import type { DType } from "./naive.js";

const wasm = loadDirectWasm()!;
const floatTypes: readonly DType[] = ["float64", "float32"];

/** Fills the module's memory with NaN, so that any padding the kernels read without zeroing shows in C. */
function poisonMemory(): void {
  wasm.float64View().fill(Number.NaN);
}

/** Runs gemmCopied; returns whether it accepted the problem, after checking what it wrote. */
function checkCopied(dtype: DType, batch: number, m: number, n: number, k: number, layout: [Layout, Layout, Layout], seed: number): boolean {
  const problem = randomProduct(dtype, batch, m, n, k, layout, seed);
  const { a, b, c } = problem as { a: MatrixBatch<FloatData>; b: MatrixBatch<FloatData>; c: MatrixBatch<FloatData> };
  return checkKernelRun(dtype, problem, poisonMemory, () => gemmCopied(wasm, a, b, c));
}

/** (m, n, k): odd edges of the 4-row tiles, of the 8 (float32) and 4 (float64) column tiles, of the SIMD depth. */
const shapes: (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, 9, 5],
  [3, 2, 7],
  [4, 4, 4],
  [5, 3, 1],
  [7, 1, 33],
  [9, 17, 3],
  [13, 8, 16],
  [17, 31, 9],
  [64, 64, 64],
  [65, 7, 250],
  [250, 2, 250],
  [33, 5, 67],
];

describe("gemmCopied: products on operands copied whole into WebAssembly memory", () => {
  for (const dtype of floatTypes) {
    // one test per size and layout of B (each checks every layout of C), so that each stays far inside the timeout
    const cases = shapes.flatMap(([m, n, k], shape) => layouts.map((bLayout, index) => [m, n, k, bLayout, shape * layouts.length + index] as const));
    it.each(cases)(`${dtype}: row-major A, %i×%i·(k=%i), B %s, every layout of C`, (m, n, k, bLayout, seed) => {
      for (const [index, cLayout] of layouts.entries()) {
        const accepted = checkCopied(dtype, 1, m, n, k, ["row-major", bLayout, cLayout], seed * layouts.length + index + 1);
        const thin = n * (dtype === "float64" ? 8 : 4) < 32;
        // A thin B is gathered in any layout; otherwise B must run contiguously along its rows.
        const contiguousB = bLayout === "row-major" || n === 1 || (k === 1 && bLayout !== "scrambled");
        if (thin || contiguousB) expect(accepted, `${m}×${k}·${k}×${n}, B ${bLayout}`).toBe(true);
      }
    });

    it(`${dtype}: batches, with A's matrices far apart or interleaved`, () => {
      for (const [m, n, k] of [[5, 3, 9], [9, 17, 11], [6, 12, 2]] as const) {
        expect(checkCopied(dtype, 3, m, n, k, ["row-major", "row-major", "row-major"], m + n)).toBe(true);
        checkCopied(dtype, 3, m, n, k, ["batch-inner", "row-major", "transposed"], m * n);
      }
    });

    it(`${dtype}: declines an A that is not contiguous along its columns, writing nothing`, () => {
      expect(checkCopied(dtype, 1, 9, 17, 11, ["transposed", "row-major", "row-major"], 5)).toBe(false);
      expect(checkCopied(dtype, 1, 9, 2, 11, ["scrambled", "row-major", "row-major"], 6)).toBe(false);
    });
  }

  it("keeps infinities and NaN where the naive sum has them, and nowhere else, with NaN all over the module's memory", () => {
    for (const dtype of floatTypes) {
      const make = (values: number[]): FloatData => (dtype === "float64" ? Float64Array.from(values) : Float32Array.from(values));
      // A is 5×3, B is 3×2: A's last row holds an infinity, which meets a zero of B (NaN) and a three (infinity).
      const aValues = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, Infinity, 0, 1];
      const view = (data: FloatData, rows: number, cols: number): MatrixBatch<FloatData> => ({
        data,
        batch: Int32Array.of(0),
        rows: Int32Array.from({ length: rows }, (_, i) => i * cols),
        cols: Int32Array.from({ length: cols }, (_, j) => j),
      });
      const a = view(make(aValues), 5, 3);
      const b = view(make([1, 0, 2, -1, 3, 1]), 3, 2);
      const c = view(make(new Array<number>(10).fill(7)), 5, 2);
      poisonMemory();
      expect(gemmCopied(wasm, a, b, c)).toBe(true);
      expect(Array.from(c.data)).toEqual([14, 1, 32, 1, 50, 1, 68, 1, Infinity, Number.NaN]);
    }
  });

  it("is what gemm() picks for small and thin products, and only for them", () => {
    expect(prefersCopiedGemm(64, 64, 4)).toBe(true);
    expect(prefersCopiedGemm(256, 256, 4)).toBe(true);
    expect(prefersCopiedGemm(2, 250, 8)).toBe(true);
    expect(prefersCopiedGemm(3, 100000, 4)).toBe(true);
    expect(prefersCopiedGemm(512, 512, 4)).toBe(false);
    expect(prefersCopiedGemm(256, 256, 8)).toBe(false);
  });

  it("gemm() gives the same products through it, including an empty depth and int32", () => {
    for (const dtype of ["float64", "float32", "int32"] as const) {
      for (const [m, n, k] of [[64, 64, 64], [250, 2, 250], [37, 3, 0], [13, 1, 129]] as const) {
        const { a, b, c, expected, where } = randomProduct(dtype, 2, m, n, k, ["row-major", "row-major", "row-major"], m + k);
        gemm(a, b, c);
        expect(productMismatch(c, expected, dtype, k), where).toBeUndefined();
      }
    }
  });
});
