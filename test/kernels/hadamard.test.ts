import { afterEach, describe, expect, it } from "vitest";
import { setGemmBackend, type GemmBackend } from "../../src/kernels/backend.js";
import { planPair } from "../../src/kernels/contract-pair.js";
import { hadamardAxes } from "../../src/kernels/elementwise/hadamard-axes.js";
import { hadamardStrided } from "../../src/kernels/elementwise/hadamard.js";
import { generator } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

describe("hadamardAxes", sharedMachineTimeout, () => {
  it("orders the axes innermost first and reads a transposed operand through its strides", () => {
    // "ij,ji->ij" with i = 2, j = 3
    expect(hadamardAxes([0, 1], [1, 0], [0, 1], [2, 3])).toEqual([
      { extent: 3, aStride: 1, bStride: 2, cStride: 1 },
      { extent: 2, aStride: 3, bStride: 1, cStride: 3 },
    ]);
  });

  it("merges axes that are contiguous in all three arrays and leaves out labels of size 1", () => {
    // "iaj,iaj->iaj" with i = 4, a = 1, j = 5: one run of 20
    expect(hadamardAxes([0, 1, 2], [0, 1, 2], [0, 1, 2], [4, 1, 5])).toEqual([
      { extent: 20, aStride: 1, bStride: 1, cStride: 1 },
    ]);
    expect(hadamardAxes([0], [0], [0], [1])).toEqual([]);
  });

  it("keeps a plan whose size does not grow with the data", () => {
    const plan = planPair([0, 1], [0, 1], [0, 1], [1000, 1000]);
    expect(plan.kernel).toBe("hadamard");
    expect(plan.tableEntries).toBe(0);
    expect(plan.hadamard).toHaveLength(1);
  });
});

describe("hadamardStrided", sharedMachineTimeout, () => {
  it("multiplies element by element through every view's strides", () => {
    // "abc,cab->bca" with a = 2, b = 3, c = 2 (labels a = 0, b = 1, c = 2)
    const sizes = [2, 3, 2];
    const a = Float64Array.from({ length: 12 }, (_, index) => index + 1);
    const b = Float64Array.from({ length: 12 }, (_, index) => 100 + index);
    const c = new Float64Array(12);
    hadamardStrided(hadamardAxes([0, 1, 2], [2, 0, 1], [1, 2, 0], sizes), a, b, c);
    for (let x = 0; x < 2; x++) {
      for (let y = 0; y < 3; y++) {
        for (let z = 0; z < 2; z++) {
          expect(c[y * 4 + z * 2 + x]).toBe(a[x * 6 + y * 2 + z]! * b[z * 6 + x * 3 + y]!);
        }
      }
    }
  });

  it("wraps int32 products and writes a zero float product as +0", () => {
    const axes = hadamardAxes([0], [0], [0], [2]);
    const wrapped = new Int32Array(2);
    hadamardStrided(axes, Int32Array.of(65536, -3), Int32Array.of(65536, 5), wrapped);
    expect([...wrapped]).toEqual([0, -15]);
    const zero = new Float64Array(2);
    hadamardStrided(axes, Float64Array.of(-0, 2), Float64Array.of(1, -0), zero);
    expect(Object.is(zero[0], 0) && Object.is(zero[1], 0)).toBe(true);
  });

  it("writes the one element of a product with no axis", () => {
    const c = new Float32Array(1);
    hadamardStrided([], Float32Array.of(3), Float32Array.of(4), c);
    expect(c[0]).toBe(12);
  });
});

describe.each<GemmBackend>(["wasm", "typescript"])("long contiguous runs (%s backend)", (backend) => {
  afterEach(() => setGemmBackend("wasm"));

  const floatTypes = [
    ["float64", Float64Array, (x: number) => x],
    ["float32", Float32Array, Math.fround],
  ] as const;

  it.each(floatTypes)("%s: one run longer than a copied chunk, with a tail", (_, Data, round) => {
    setGemmBackend(backend);
    const n = 5001;
    const random = generator(11);
    const a = new Data(n).map(() => random() - 0.5);
    const b = new Data(n).map(() => random() - 0.5);
    const aBefore = a.slice();
    const c = new Data(n).fill(7);
    hadamardStrided(hadamardAxes([0], [0], [0], [n]), a, b, c);
    for (let index = 0; index < n; index++) expect(c[index]).toBe(round(a[index]! * b[index]!));
    expect(a).toEqual(aBefore);
  });

  it.each(floatTypes)("%s: many runs, contiguous inside and permuted outside (\"abj,baj->abj\")", (_, Data, round) => {
    setGemmBackend(backend);
    const [na, nb, nj] = [3, 4, 300];
    const random = generator(12);
    const a = new Data(na * nb * nj).map(() => random() - 0.5);
    const b = new Data(na * nb * nj).map(() => random() - 0.5);
    const c = new Data(na * nb * nj);
    hadamardStrided(hadamardAxes([0, 1, 2], [1, 0, 2], [0, 1, 2], [na, nb, nj]), a, b, c);
    for (let x = 0; x < na; x++) {
      for (let y = 0; y < nb; y++) {
        for (let j = 0; j < nj; j++) {
          expect(c[(x * nb + y) * nj + j]).toBe(round(a[(x * nb + y) * nj + j]! * b[(y * na + x) * nj + j]!));
        }
      }
    }
  });

  it.each(floatTypes)("%s: writes a zero product as +0", (_, Data) => {
    setGemmBackend(backend);
    const n = 1000;
    const a = new Data(n).fill(-0);
    const b = new Data(n).fill(3);
    const c = new Data(n).fill(1);
    hadamardStrided(hadamardAxes([0], [0], [0], [n]), a, b, c);
    expect(c.every((value) => Object.is(value, 0))).toBe(true);
  });
});
