import { afterEach, describe, expect, it } from "vitest";
import { contractLabelled } from "../../src/kernels/contract-pair.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import type { FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { setGemmBackend } from "../../src/kernels/gemm/gemm.js";
import { outerCopied } from "../../src/kernels/elementwise/outer-copied.js";
import { loadDirectWasm } from "../../src/kernels/wasm/direct-instance.js";
import { generator, mismatch, randomData, referenceEinsum, type DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const wasm = loadDirectWasm()!;
const dtypes: readonly DType[] = ["float64", "float32", "int32"];

afterEach(() => setGemmBackend("wasm"));

function labelsOf(term: string, letters: string): number[] {
  return [...term].map((letter) => letters.indexOf(letter));
}

describe("outer products in WebAssembly SIMD", sharedMachineTimeout, () => {
  /** Equations with the size of every letter: SIMD tails (n mod 4), one row per block, batches, permuted outputs. */
  const named: [string, Record<string, number>][] = [
    ["i,j->ij", { i: 2000, j: 2000 }],
    ["i,j->ij", { i: 97, j: 31 }],
    ["i,j->ij", { i: 3, j: 17001 }], // a row longer than one block
    ["i,j->ij", { i: 1500, j: 1 }],
    ["i,j->ji", { i: 61, j: 45 }],
    ["bi,bj->bij", { b: 3, i: 40, j: 33 }],
    ["ib,bj->bij", { b: 3, i: 40, j: 33 }], // the left vector strided
    ["bi,jb->bij", { b: 3, i: 40, j: 33 }], // the right vector strided: not the SIMD path
    ["i,j->ij", { i: 0, j: 2000 }],
    ["i,j->ij", { i: 2000, j: 0 }],
  ];
  for (const backend of ["wasm", "typescript"] as const) {
    for (const dtype of dtypes) {
      it(`${dtype}, ${backend}: against a naive reference`, () => {
        setGemmBackend(backend);
        const random = generator(dtype.length * 3 + backend.length);
        for (const [equation, extents] of named) {
          const letters = Object.keys(extents).join("");
          const sizes = Object.values(extents);
          const [inputs = "", output = ""] = equation.split("->");
          const [leftTerm = "", rightTerm = ""] = inputs.split(",");
          const left = labelsOf(leftTerm, letters);
          const right = labelsOf(rightTerm, letters);
          const keep = labelsOf(output, letters);
          const leftData = randomData(dtype, left.reduce((x, label) => x * sizes[label]!, 1), random);
          const rightData = randomData(dtype, right.reduce((x, label) => x * sizes[label]!, 1), random);
          const before = [leftData.slice(), rightData.slice()];
          const result = contractLabelled({ data: leftData, labels: left }, { data: rightData, labels: right }, keep, sizes);
          const expected = referenceEinsum(
            [
              { data: leftData, shape: left.map((label) => sizes[label]!), labels: left },
              { data: rightData, shape: right.map((label) => sizes[label]!), labels: right },
            ],
            keep,
            sizes,
            dtype === "int32",
          );
          expect(mismatch(result.data, expected, dtype), `${equation} ${JSON.stringify(extents)}`).toBeUndefined();
          expect(result.data.constructor).toBe(leftData.constructor);
          expect([leftData, rightData], "the inputs are not written").toEqual(before);
        }
      });
    }
  }

  it("writes +0, never -0, for a product with a zero, as every other path", () => {
    for (const make of [(v: number[]) => Float64Array.from(v), (v: number[]) => Float32Array.from(v)]) {
      const x = make(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? -1 : 0)));
      const y = make(Array.from({ length: 41 }, (_, j) => (j % 3 === 0 ? 0 : -2)));
      const result = contractLabelled({ data: x, labels: [0] }, { data: y, labels: [1] }, [0, 1], [40, 41]);
      for (const value of result.data) expect(Object.is(value, -0)).toBe(false);
      expect(result.data[1]).toBe(2);
    }
  });

  it("declines a right vector or a result that is not contiguous, and products too small to gain", () => {
    const view = (data: FloatData, rows: Int32Array, cols: Int32Array): MatrixBatch<FloatData> => ({ data, batch: Int32Array.of(0), rows, cols });
    const range = (count: number, stride: number): Int32Array => Int32Array.from({ length: count }, (_, t) => t * stride);
    const x = new Float64Array(64).fill(2);
    const y = new Float64Array(128).fill(3);
    const c = new Float64Array(64 * 64);
    expect(outerCopied(wasm, view(x, range(64, 1), range(1, 1)), view(y, range(1, 1), range(64, 2)), view(c, range(64, 64), range(64, 1)))).toBe(false);
    expect(outerCopied(wasm, view(x, range(64, 1), range(1, 1)), view(y, range(1, 1), range(64, 1)), view(c, range(64, 1), range(64, 64)))).toBe(false);
    expect(outerCopied(wasm, view(x, range(16, 1), range(1, 1)), view(y, range(1, 1), range(16, 1)), view(c, range(16, 16), range(16, 1)))).toBe(false);
    expect(c.every((value) => value === 0)).toBe(true);
    expect(outerCopied(wasm, view(x, range(64, 1), range(1, 1)), view(y, range(1, 1), range(64, 1)), view(c, range(64, 64), range(64, 1)))).toBe(true);
    expect(c.every((value) => value === 6)).toBe(true);
  });
});
