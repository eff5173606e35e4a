import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { einsum, EinsumError } from "../../src/index.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import type { FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { gemm } from "../../src/kernels/gemm/gemm.js";
import { gemmParallel, itemsRunByWorkers, parallelThreshold } from "../../src/kernels/threads/parallel-gemm.js";
import { acquireThreadPool } from "../../src/kernels/threads/thread-pool.js";
import { writeInvalidOption } from "../../src/messages.js";
import { layouts, matrixView, naiveProduct, productMismatch, storage, generator, type Layout } from "./matrix-views.js";
import { randomData, type DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const floatTypes = ["float64", "float32"] as const;

interface Problem {
  readonly a: MatrixBatch<FloatData>;
  readonly b: MatrixBatch<FloatData>;
  /** A fresh C in its layout, filled with 7 (so that untouched storage can be checked). */
  readonly c: () => MatrixBatch<FloatData>;
}

function problem(dtype: "float64" | "float32", batch: number, m: number, n: number, k: number, layout: readonly Layout[], seed: number): Problem {
  const random = generator(seed);
  const a = matrixView(storage(dtype, batch, m, k, random), layout[0]!, batch, m, k, random) as MatrixBatch<FloatData>;
  const b = matrixView(storage(dtype, batch, k, n, random), layout[1]!, batch, k, n, random) as MatrixBatch<FloatData>;
  const cLayoutSeed = seed * 31 + 5;
  const c = (): MatrixBatch<FloatData> => {
    const replay = generator(cLayoutSeed);
    return matrixView(storage(dtype, batch, m, n, replay, 7), layout[2]!, batch, m, n, replay) as MatrixBatch<FloatData>;
  };
  return { a, b, c };
}

/** (batch, m, n, k): odd sizes past the threshold, a batch split by matrices, one split by rows, a long depth. */
const shapes = [
  [1, 129, 131, 127],
  [1, 257, 67, 133],
  [5, 65, 67, 129],
  [3, 97, 33, 301],
  [24, 33, 35, 97],
  [1, 61, 93, 600],
] as const;

describe("threaded GEMM", sharedMachineTimeout, () => {
  it("has threads on this machine (Node with worker_threads, 2 cores or more)", () => {
    expect(availableParallelism()).toBeGreaterThanOrEqual(2);
    expect(acquireThreadPool(2)?.workers).toBeGreaterThanOrEqual(1);
  });

  for (const dtype of floatTypes) {
    it(`${dtype}: equals the single-thread product, bit for bit, over odd sizes, batches and every layout`, () => {
      shapes.forEach(([batch, m, n, k], index) => {
        expect(batch * m * n * k).toBeGreaterThanOrEqual(parallelThreshold);
        const layout = [layouts[index % 4]!, layouts[(index + 1) % 4]!, layouts[(index + 2) % 4]!];
        const { a, b, c } = problem(dtype, batch, m, n, k, layout, index + 1);
        const single = c();
        gemm(a, b, single, 1);
        const threaded = c();
        const aBefore = a.data.slice();
        const bBefore = b.data.slice();
        const where = `${dtype} ${batch}×${m}×${n}×${k} ${layout.join("/")}`;
        expect(gemmParallel(a, b, threaded, 2), where).toBe(true);
        expect(threaded.data, where).toEqual(single.data);
        expect(a.data, "A is not written").toEqual(aBefore);
        expect(b.data, "B is not written").toEqual(bBefore);
      });
    });

    it(`${dtype}: matches a naive product, and leaves storage outside C alone`, () => {
      const { a, b, c } = problem(dtype, 2, 70, 90, 211, ["transposed", "row-major", "scrambled"], 99);
      const threaded = c();
      expect(gemmParallel(a, b, threaded, 2)).toBe(true);
      expect(productMismatch(threaded, naiveProduct(a, b, false), dtype, 211)).toBeUndefined();
      expect(threaded.data[0]).toBe(7);
    });
  }

  it("the workers take part (some item of some product runs on a worker)", async () => {
    const { a, b, c } = problem("float64", 1, 256, 256, 256, ["row-major", "row-major", "row-major"], 7);
    gemmParallel(a, b, c(), 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    let byWorkers = 0;
    for (let attempt = 0; attempt < 20 && byWorkers === 0; attempt++) {
      expect(gemmParallel(a, b, c(), 2)).toBe(true);
      byWorkers = itemsRunByWorkers();
    }
    expect(byWorkers).toBeGreaterThan(0);
  });

  it("keeps small products, one thread and int32 off the threads", () => {
    const small = problem("float64", 1, 64, 64, 64, ["row-major", "row-major", "row-major"], 3);
    expect(64 ** 3).toBeLessThan(parallelThreshold);
    expect(gemmParallel(small.a, small.b, small.c(), 2)).toBe(false);
    const large = problem("float32", 1, 200, 200, 200, ["row-major", "row-major", "row-major"], 4);
    expect(gemmParallel(large.a, large.b, large.c(), 1)).toBe(false);
  });
});

function tensorOf(dtype: DType, shape: readonly number[], seed: number): { shape: readonly number[]; data: ArrayLike<number> } {
  const random = generator(seed);
  const data = randomData(dtype, shape.reduce((x, y) => x * y, 1), random);
  // int32 einsum is exact or refused: values of a few thousand keep these products' sums exact and in range.
  if (dtype === "int32") data.forEach((value, index) => (data[index] = value % 4096));
  return { shape, data };
}

describe("einsum with options.threads", sharedMachineTimeout, () => {
  const cases: [string, number[][]][] = [
    ["ik,kj->ij", [[131, 129], [129, 127]]],
    ["ki,jk->ji", [[129, 131], [127, 129]]], // transposed operands and result
    ["bij,bjk->bik", [[6, 65, 67], [6, 67, 69]]],
    ["bqd,bkd->bqk", [[3, 97, 64], [3, 101, 64]]],
    ["ibj,jbk->kbi", [[67, 3, 129], [129, 3, 71]]],
    // Depths past one depth block of the packed kernel, through each single-thread kernel: the copied tiles
    // (one float32 tile wide, and square), the thin dot products, and a batch.
    ["ik,kj->ij", [[1024, 300], [300, 8]]],
    ["ik,kj->ij", [[64, 600], [600, 64]]],
    ["ik,kj->ij", [[2800, 300], [300, 3]]],
    ["bij,bjk->bik", [[4, 40, 300], [4, 300, 48]]],
  ];
  for (const dtype of ["float64", "float32", "int32"] as const) {
    it(`${dtype}: threads: 2 gives the same result as threads: 1 and as the default`, () => {
      cases.forEach(([equation, shapes], index) => {
        const operands = shapes.map((shape, which) => tensorOf(dtype, shape, index * 10 + which + 1));
        const one = einsum(equation, operands, { threads: 1 });
        const two = einsum(equation, operands, { threads: 2 });
        const plain = einsum(equation, operands);
        expect(two.dtype, equation).toBe(dtype);
        expect(two.shape, equation).toEqual(one.shape);
        expect(two.data, equation).toEqual(one.data);
        expect(plain.data, equation).toEqual(one.data);
      });
    });
  }

  it("threads larger than the machine's core count still work", () => {
    const operands = [tensorOf("float64", [130, 140], 1), tensorOf("float64", [140, 150], 2)];
    expect(einsum("ij,jk->ik", operands, { threads: 64 }).data).toEqual(einsum("ij,jk->ik", operands).data);
  });

  it("refuses a thread count that is not a whole number from 1, with INVALID_OPTION", () => {
    const operands = [tensorOf("float64", [2, 2], 1), tensorOf("float64", [2, 2], 2)];
    for (const threads of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "2" as unknown as number]) {
      let thrown: unknown;
      try {
        einsum("ij,jk->ik", operands, { threads });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(threads)).toBeInstanceOf(EinsumError);
      expect((thrown as EinsumError).code).toBe("INVALID_OPTION");
      expect((thrown as EinsumError).message).toContain(writeInvalidOption("threads", String(threads), "a whole number from 1"));
    }
  });
});
