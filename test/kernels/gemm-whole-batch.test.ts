import { describe, expect, it } from "vitest";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import type { FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { gemmWholeBatch } from "../../src/kernels/gemm/gemm-whole-batch.js";
import { loadDirectWasm } from "../../src/kernels/wasm/direct-instance.js";
import { checkKernelRun, generator, layouts, matrixView, naiveProduct, randomProduct, storage, type Layout } from "./matrix-views.js";
import type { DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const wasm = loadDirectWasm()!;
const floatTypes: readonly DType[] = ["float64", "float32"];

/** Fills the module's memory with NaN, so that any stale value the kernel reads shows in C. */
function poisonMemory(): void {
  wasm.float64View().fill(Number.NaN);
}

/** Runs gemmWholeBatch on fresh operands, with NaN all over the module's memory; returns whether it accepted. */
function check(dtype: DType, batch: number, m: number, n: number, k: number, layout: readonly [Layout, Layout, Layout], seed: number): boolean {
  const problem = randomProduct(dtype, batch, m, n, k, layout, seed);
  const { a, b, c } = problem as { a: MatrixBatch<FloatData>; b: MatrixBatch<FloatData>; c: MatrixBatch<FloatData> };
  return checkKernelRun(dtype, problem, poisonMemory, () => gemmWholeBatch(wasm, a, b, c));
}

/** (m, n, k): odd edges of the 4-row tiles, of the 8 (float32) and 4 (float64) column blocks, thin and wide B. */
const shapes: (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, 9, 5],
  [3, 2, 7],
  [5, 3, 1],
  [9, 17, 3],
  [13, 8, 16],
  [17, 31, 9],
  [65, 7, 250],
  [6, 300, 40],
];

describe("gemmWholeBatch: every matrix of the batch in WebAssembly memory at once", sharedMachineTimeout, () => {
  for (const dtype of floatTypes) {
    it(`${dtype}: a row-major A by B in every layout with evenly spaced rows, into C in every layout`, () => {
      shapes.forEach(([m, n, k], shape) => {
        for (const [bIndex, bLayout] of layouts.entries()) {
          for (const [cIndex, cLayout] of layouts.entries()) {
            const accepted = check(dtype, 2, m, n, k, ["row-major", bLayout, cLayout], shape * 16 + bIndex * 4 + cIndex + 1);
            // A scrambled B has rows in no order, unless it has one row.
            expect(accepted, `${m}×${n}×${k}, B ${bLayout}`).toBe(bLayout !== "scrambled" || k === 1);
          }
        }
      });
    });

    it(`${dtype}: batches of B and C interleaved, and one B shared by every matrix of the batch`, () => {
      for (const [m, n, k] of [[5, 3, 9], [9, 17, 11], [8, 16, 2]] as const) {
        expect(check(dtype, 3, m, n, k, ["row-major", "batch-inner", "batch-inner"], m + n)).toBe(true);
        const random = generator(m * n);
        const a = matrixView(storage(dtype, 4, m, k, random), "row-major", 4, m, k, random) as MatrixBatch<FloatData>;
        const one = matrixView(storage(dtype, 1, k, n, random), "row-major", 1, k, n, random) as MatrixBatch<FloatData>;
        const b = { ...one, batch: Int32Array.of(3, 3, 3, 3) };
        const c = matrixView(storage(dtype, 4, m, n, random, 7), "row-major", 4, m, n, random) as MatrixBatch<FloatData>;
        const problem = { a, b, c, expected: naiveProduct(a, b, false), where: `${dtype} ${m}×${n}×${k}, one B for four matrices` };
        expect(checkKernelRun(dtype, problem, poisonMemory, () => gemmWholeBatch(wasm, a, b, c))).toBe(true);
      }
    });

    it(`${dtype}: declines an A that is not contiguous along its columns, and a depth past 512, writing nothing`, () => {
      expect(check(dtype, 1, 9, 17, 11, ["transposed", "row-major", "row-major"], 5)).toBe(false);
      expect(check(dtype, 1, 9, 17, 11, ["scrambled", "row-major", "row-major"], 6)).toBe(false);
      expect(check(dtype, 1, 5, 9, 512, ["row-major", "row-major", "row-major"], 7)).toBe(true);
      expect(check(dtype, 1, 5, 9, 513, ["row-major", "row-major", "row-major"], 8)).toBe(false);
    });
  }

  it("keeps infinities and NaN where the naive sum has them, and nowhere else", () => {
    for (const dtype of floatTypes) {
      const make = (values: number[]): FloatData => (dtype === "float64" ? Float64Array.from(values) : Float32Array.from(values));
      const view = (data: FloatData, rows: number, cols: number): MatrixBatch<FloatData> => ({
        data,
        batch: Int32Array.of(0),
        rows: Int32Array.from({ length: rows }, (_, i) => i * cols),
        cols: Int32Array.from({ length: cols }, (_, j) => j),
      });
      // A's last row holds an infinity, which meets a zero of B (NaN) and a three (infinity).
      const a = view(make([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, Infinity, 0, 1]), 5, 3);
      const b = view(make([1, 0, 2, -1, 3, 1]), 3, 2);
      const c = view(make(new Array<number>(10).fill(7)), 5, 2);
      poisonMemory();
      expect(gemmWholeBatch(wasm, a, b, c)).toBe(true);
      expect(Array.from(c.data)).toEqual([14, 1, 32, 1, 50, 1, 68, 1, Infinity, Number.NaN]);
    }
  });
});
