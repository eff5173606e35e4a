/** Strided views of batched matrices in several layouts, and a naive product over them, for the GEMM tests. */
import { expect } from "vitest";
import type { DataArray } from "../../src/tensor/dtype.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import { generator, randomData, type DType } from "./naive.js";

/** Where a batch × rows × cols matrix lives in its storage. */
export type Layout = "row-major" | "transposed" | "batch-inner" | "scrambled";
export const layouts: readonly Layout[] = ["row-major", "transposed", "batch-inner", "scrambled"];

function shuffled(table: Int32Array, random: () => number): Int32Array {
  const copy = table.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function arithmetic(count: number, stride: number, start = 0): Int32Array {
  return Int32Array.from({ length: count }, (_, t) => start + t * stride);
}

/** A view of `batch` matrices of `rows × cols` in `layout`, over storage with a few spare elements in front. */
export function matrixView(
  data: DataArray,
  layout: Layout,
  batch: number,
  rows: number,
  cols: number,
  random: () => number,
): MatrixBatch {
  const front = 3;
  switch (layout) {
    case "row-major":
      return { data, batch: arithmetic(batch, rows * cols, front), rows: arithmetic(rows, cols), cols: arithmetic(cols, 1) };
    case "transposed":
      return { data, batch: arithmetic(batch, rows * cols, front), rows: arithmetic(rows, 1), cols: arithmetic(cols, rows) };
    case "batch-inner":
      return { data, batch: arithmetic(batch, 1, front), rows: arithmetic(rows, cols * batch), cols: arithmetic(cols, batch) };
    case "scrambled":
      return {
        data,
        batch: shuffled(arithmetic(batch, rows * cols, front), random),
        rows: shuffled(arithmetic(rows, cols), random),
        cols: shuffled(arithmetic(cols, 1), random),
      };
  }
}

/** Storage for a view of `batch × rows × cols` elements: random for operands, NaN-filled for results. */
export function storage(dtype: DType, batch: number, rows: number, cols: number, random: () => number, fill?: number): DataArray {
  const data = randomData(dtype, batch * rows * cols + 3, random);
  if (fill !== undefined) data.fill(fill);
  return data;
}

/** The product `A[b]·B[b]` read through the views, naively: float64 sums, or BigInt sums modulo 2^32. */
export function naiveProduct(a: MatrixBatch, b: MatrixBatch, wrap: boolean): number[][][] {
  const k = a.cols.length;
  return Array.from(a.batch, (aBase, matrix) =>
    Array.from(a.rows, (aRow) =>
      Array.from(b.cols, (bCol) => {
        let sum = 0;
        let intSum = 0n;
        for (let p = 0; p < k; p++) {
          const x = a.data[aBase + aRow + a.cols[p]!]!;
          const y = b.data[b.batch[matrix]! + b.rows[p]! + bCol]!;
          if (wrap) intSum += BigInt(x) * BigInt(y);
          else sum += x * y;
        }
        return wrap ? Number(BigInt.asIntN(32, intSum)) : sum;
      }),
    ),
  );
}

/** The first element of `c` (read through its view) that differs from `expected`, or undefined. */
export function productMismatch(c: MatrixBatch, expected: number[][][], dtype: DType, depth: number): string | undefined {
  const tolerance = dtype === "float64" ? 1e-13 : dtype === "float32" ? 1e-6 : 0;
  const scale = Math.max(1, depth);
  for (let matrix = 0; matrix < c.batch.length; matrix++) {
    for (let i = 0; i < c.rows.length; i++) {
      for (let j = 0; j < c.cols.length; j++) {
        const got = c.data[c.batch[matrix]! + c.rows[i]! + c.cols[j]!]!;
        const want = expected[matrix]![i]![j]!;
        const ok = dtype === "int32" ? got === want : Math.abs(got - want) <= tolerance * scale;
        if (!ok) return `C[${matrix}][${i}][${j}] = ${got}, expected ${want}`;
      }
    }
  }
  return undefined;
}

/** A product to run: views of A, B and C (C's storage filled with 7 around it), the naive product, and a label. */
export interface ProductProblem {
  readonly a: MatrixBatch;
  readonly b: MatrixBatch;
  readonly c: MatrixBatch;
  readonly expected: number[][][];
  readonly where: string;
}

/** Random A (m×k), B (k×n) and C (m×n) in the given layouts, with their naive product. */
export function randomProduct(
  dtype: DType,
  batch: number,
  m: number,
  n: number,
  k: number,
  layout: readonly [Layout, Layout, Layout],
  seed: number,
): ProductProblem {
  const random = generator(seed);
  const a = matrixView(storage(dtype, batch, m, k, random), layout[0], batch, m, k, random);
  const b = matrixView(storage(dtype, batch, k, n, random), layout[1], batch, k, n, random);
  const c = matrixView(storage(dtype, batch, m, n, random, 7), layout[2], batch, m, n, random);
  const expected = naiveProduct(a, b, dtype === "int32");
  return { a, b, c, expected, where: `${dtype} batch ${batch}, ${m}×${k} (${layout[0]}) · ${k}×${n} (${layout[1]}) -> ${layout[2]}` };
}

/** The first index where two arrays differ (NaN equals NaN), or -1: vitest's deep equality is slow on large arrays. */
export function firstDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return 0;
  for (let index = 0; index < x.length; index++) if (!Object.is(x[index], y[index])) return index;
  return -1;
}

/**
 * Runs a kernel that may decline a product (`run` says whether it took it), after `poison` has filled its memory
 * with NaN; checks that A and B are not written, that a declined product writes nothing, and that a taken one
 * equals the naive product and writes nothing outside C. Returns whether the kernel took it.
 */
export function checkKernelRun(dtype: DType, problem: ProductProblem, poison: () => void, run: () => boolean): boolean {
  const { a, b, c, expected, where } = problem;
  const [aBefore, bBefore, cBefore] = [a.data.slice(), b.data.slice(), c.data.slice()];
  poison();
  const accepted = run();
  expect(firstDifference(a.data, aBefore), `${where}: A is not written`).toBe(-1);
  expect(firstDifference(b.data, bBefore), `${where}: B is not written`).toBe(-1);
  if (!accepted) {
    expect(firstDifference(c.data, cBefore), `${where}: a declined problem writes nothing`).toBe(-1);
    return false;
  }
  expect(productMismatch(c, expected, dtype, a.cols.length), where).toBeUndefined();
  expect(c.data[0], `${where}: storage outside C is untouched`).toBe(7);
  return true;
}

export { generator };
