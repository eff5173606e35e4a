import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { compileWat, fusedVariant, rowsModuleSource } from "../../scripts/build-wasm.mjs";
import { einsum } from "../../src/einsum.js";
import { gemm, setGemmBackend } from "../../src/kernels/gemm/gemm.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import { gemmThin, isThinOrShallow } from "../../src/kernels/gemm/gemm-thin.js";
import type { FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { decodeBase64 } from "../../src/kernels/wasm/base64.js";
import { loadRowsWasm } from "../../src/kernels/wasm/rows-instance.js";
import { fusedRowsWasmBase64, rowsWasmBase64 } from "../../src/kernels/wasm/rows-module.js";
import { tensor } from "../../src/tensor/constructors.js";
import { checkKernelRun, firstDifference, generator, layouts, matrixView, naiveProduct, productMismatch, randomProduct, storage, type Layout } from "./matrix-views.js";
import type { DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const floatTypes: readonly DType[] = ["float64", "float32"];

afterEach(() => setGemmBackend("wasm"));

/** Fills the module's memory with NaN, so that any stale value the kernel reads shows in C. */
function poisonMemory(): void {
  const wasm = loadRowsWasm()!;
  wasm.float64View().fill(Number.NaN);
}

/** Runs gemmThin on fresh random operands; returns whether it accepted the problem, after checking what it wrote. */
function checkThin(dtype: DType, batch: number, m: number, n: number, k: number, layout: readonly [Layout, Layout, Layout], seed: number): boolean {
  const problem = randomProduct(dtype, batch, m, n, k, layout, seed);
  const { a, b, c } = problem as { a: MatrixBatch<FloatData>; b: MatrixBatch<FloatData>; c: MatrixBatch<FloatData> };
  return checkKernelRun(dtype, problem, poisonMemory, () => gemmThin(a, b, c));
}

/** (m, n, k): thin A (1–3 rows), shallow depths (1–8), thin B; column counts on both sides of the SIMD blocks. */
const thinShapes: (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, 19, 40],
  [2, 250, 250],
  [3, 33, 7],
  [2, 8, 1],
  [9, 17, 1],
  [31, 16, 2],
  [250, 250, 2],
  [17, 5, 4],
  [13, 35, 8],
];

describe("gemmThin: thin and shallow products on the row kernel", sharedMachineTimeout, () => {
  for (const dtype of floatTypes) {
    const bytes = dtype === "float64" ? 8 : 4;
    const cases = thinShapes.flatMap(([m, n, k], shape) => layouts.map((aLayout, index) => [m, n, k, aLayout, shape * layouts.length + index] as const));
    it.each(cases)(`${dtype}: %i×%i·(k=%i), A %s, every layout of B and C`, (m, n, k, aLayout, seed) => {
      for (const [bIndex, bLayout] of layouts.entries()) {
        for (const [cIndex, cLayout] of layouts.entries()) {
          const accepted = checkThin(dtype, 1, m, n, k, [aLayout, bLayout, cLayout], seed * 16 + bIndex * 4 + cIndex);
          const columnMajorA = aLayout === "transposed" && m > 1 && k > 1;
          expect(accepted, `${m}×${k}·${k}×${n}, A ${aLayout}`).toBe(isThinOrShallow(m, n, k, bytes, columnMajorA));
        }
      }
    });

    it(`${dtype}: B thin and A transposed, the gradient of a thin product with respect to its thin operand`, () => {
      for (const [m, n, k] of [[250, 2, 250], [40, 1, 9], [7, 3, 65]] as const) {
        expect(checkThin(dtype, 1, m, n, k, ["transposed", "row-major", "row-major"], m + k)).toBe(true);
        expect(checkThin(dtype, 1, m, n, k, ["transposed", "transposed", "scrambled"], m * k)).toBe(true);
      }
    });

    it(`${dtype}: batches, with matrices far apart or interleaved`, () => {
      for (const [m, n, k] of [[2, 21, 9], [19, 11, 3], [12, 2, 10]] as const) {
        expect(checkThin(dtype, 3, m, n, k, ["row-major", "row-major", "row-major"], m + n)).toBe(m < 4 || k * bytes <= 32);
        checkThin(dtype, 3, m, n, k, ["batch-inner", "transposed", "batch-inner"], m * n);
        checkThin(dtype, 4, m, n, k, ["transposed", "scrambled", "transposed"], m * n + k);
      }
    });

    it(`${dtype}: a C larger than one chunk of rows, contiguous or not`, () => {
      expect(checkThin(dtype, 1, 300, 150, 2, ["row-major", "row-major", "row-major"], 11)).toBe(true);
      expect(checkThin(dtype, 2, 150, 300, 1, ["row-major", "transposed", "transposed"], 12)).toBe(true);
    });

    it(`${dtype}: declines products that are neither thin nor shallow, writing nothing`, () => {
      expect(checkThin(dtype, 1, 9, 17, 11, ["row-major", "row-major", "row-major"], 5)).toBe(false);
      expect(checkThin(dtype, 1, 9, 2, 11, ["row-major", "row-major", "row-major"], 6)).toBe(false);
      expect(checkThin(dtype, 1, 9, 5, 11, ["transposed", "row-major", "row-major"], 7)).toBe(false);
    });
  }

  it("keeps infinities and NaN where the naive sum has them", () => {
    for (const dtype of floatTypes) {
      const make = (values: number[]): FloatData => (dtype === "float64" ? Float64Array.from(values) : Float32Array.from(values));
      const view = (data: FloatData, rows: number, cols: number): MatrixBatch<FloatData> => ({
        data,
        batch: Int32Array.of(0),
        rows: Int32Array.from({ length: rows }, (_, i) => i * cols),
        cols: Int32Array.from({ length: cols }, (_, j) => j),
      });
      // A is 2×3, its second row [∞, 0, 1]: the infinity meets a one of B (∞) and a zero (NaN).
      const a = view(make([1, 2, 3, Infinity, 0, 1]), 2, 3);
      const b = view(make([1, 0, 2, -1, 3, 1]), 3, 2);
      const c = view(make([7, 7, 7, 7]), 2, 2);
      poisonMemory();
      expect(gemmThin(a, b, c)).toBe(true);
      expect(Array.from(c.data)).toEqual([14, 1, Infinity, Number.NaN]);
    }
  });

  it("leaves the product to the TypeScript kernels when they are preferred", () => {
    setGemmBackend("typescript");
    expect(checkThin("float64", 1, 2, 250, 250, ["row-major", "row-major", "row-major"], 3)).toBe(false);
  });

  it("gives gemm() the same products, and einsum the same bits on one thread and on two", () => {
    for (const dtype of floatTypes) {
      for (const [m, n, k] of [[2, 2000, 600], [250, 250, 2], [600, 3, 2000]] as const) {
        const random = generator(m + n + k);
        const a = matrixView(storage(dtype, 1, m, k, random), m === 600 ? "transposed" : "row-major", 1, m, k, random);
        const b = matrixView(storage(dtype, 1, k, n, random), "row-major", 1, k, n, random);
        const c = matrixView(storage(dtype, 1, m, n, random, 7), "row-major", 1, m, n, random);
        gemm(a, b, c, 2);
        expect(productMismatch(c, naiveProduct(a, b, false), dtype, k), `${dtype} ${m}×${k}·${k}×${n}`).toBeUndefined();
      }
      const random = generator(4);
      const big = tensor(storage(dtype, 1, 600, 2000, random).subarray(3), [2000, 600], dtype);
      const thin = tensor(storage(dtype, 1, 2000, 2, random).subarray(3), [2000, 2], dtype);
      const one = einsum("ba,bg->ag", big, thin, { threads: 1 });
      const two = einsum("ba,bg->ag", big, thin, { threads: 2 });
      expect(firstDifference(two.data, one.data), dtype).toBe(-1);
    }
  });

  it("embeds a fresh build of rows.wat, under the 4 KiB of synchronous compilation (run `npm run build:wasm`)", async () => {
    const text = await readFile(new URL("../../src/kernels/wasm/rows.wat", import.meta.url), "utf8");
    const fresh = await compileWat(text);
    const fused = await compileWat(fusedVariant(text));
    expect(decodeBase64(rowsWasmBase64)).toEqual(new Uint8Array(fresh));
    expect(decodeBase64(fusedRowsWasmBase64)).toEqual(new Uint8Array(fused));
    expect(await readFile(new URL("../../src/kernels/wasm/rows-module.ts", import.meta.url), "utf8")).toBe(rowsModuleSource(fresh, fused));
    expect(fresh.byteLength).toBeLessThanOrEqual(4096);
  });
});
