import "./relaxed-simd.js";
import { afterEach, describe, expect, it } from "vitest";
import { einsum } from "../../src/index.js";
import { gemmCopied } from "../../src/kernels/gemm/gemm-copied.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import { gemmWasm, type FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { gemm } from "../../src/kernels/gemm/gemm.js";
import { gemmWholeBatch } from "../../src/kernels/gemm/gemm-whole-batch.js";
import { gemmParallel } from "../../src/kernels/threads/parallel-gemm.js";
import { loadDirectWasm } from "../../src/kernels/wasm/direct-instance.js";
import { loadGemmWasm } from "../../src/kernels/wasm/gemm-instance.js";
import {
  kernelVariant,
  relaxedSimdSupported,
  setFusedMultiplyAdd,
  type KernelVariant,
} from "../../src/kernels/wasm/kernel-variant.js";
import { layouts, matrixView, naiveProduct, productMismatch, storage, generator } from "./matrix-views.js";
import { randomData } from "./naive.js";
import { processorHasFma } from "./relaxed-simd.js";
import { sharedMachineTimeout } from "./shared-machine.js";

type FloatType = "float64" | "float32";
type Kernel = (a: MatrixBatch<FloatData>, b: MatrixBatch<FloatData>, c: MatrixBatch<FloatData>) => boolean;

const variants = ["plain", "fused"] as const;
const floatTypes = ["float64", "float32"] as const;

afterEach(() => setFusedMultiplyAdd(true));

/**
 * Each WebAssembly GEMM kernel in one build: packed panels, copied tiles, copied thin dot products, whole batches
 * (which take depths up to 512).
 */
function kernelsOf(variant: KernelVariant): { name: string; run: Kernel; maxDepth?: number }[] {
  const packed = loadGemmWasm(variant)!;
  const direct = loadDirectWasm(variant)!;
  return [
    { name: "packed", run: (a, b, c) => gemmWasm(packed, a, b, c) },
    { name: "copied", run: (a, b, c) => gemmCopied(direct, a, b, c) },
    { name: "whole batch", run: (a, b, c) => gemmWholeBatch(direct, a, b, c), maxDepth: 512 },
  ];
}

/**
 * A product whose entry (0, 0) tells a fused multiply-add from a multiply then add: A's row 0 is 1 at depth 0 and
 * x = 1 + ε at depth `lanes`, B's column 0 is −1 and y = 1 − ε there (ε = 2^-30 in float64, 2^-13 in float32), the
 * rest zero. x·y = 1 − ε² rounds to 1, so multiply-then-add gives −1 + 1 = 0, and a fused multiply-add gives −ε²
 * exactly. Depth 0 and `lanes` share a SIMD lane, so the thin kernel's lane sums see the same two steps.
 */
function witness(dtype: FloatType, m: number, n: number, k: number): MatrixBatch<FloatData>[] {
  const epsilon = dtype === "float64" ? 2 ** -30 : 2 ** -13;
  const lanes = dtype === "float64" ? 2 : 4;
  const make = (length: number): FloatData => (dtype === "float64" ? new Float64Array(length) : new Float32Array(length));
  const a = make(m * k);
  const b = make(k * n);
  a[0] = 1;
  a[lanes] = 1 + epsilon;
  b[0] = -1;
  b[lanes * n] = 1 - epsilon;
  const view = (data: FloatData, rows: number, cols: number): MatrixBatch<FloatData> => ({
    data,
    batch: Int32Array.of(0),
    rows: Int32Array.from({ length: rows }, (_, i) => i * cols),
    cols: Int32Array.from({ length: cols }, (_, j) => j),
  });
  return [view(a, m, k), view(b, k, n), view(make(m * n), m, n)];
}

function fusedEntry(dtype: FloatType): number {
  return -((dtype === "float64" ? 2 ** -30 : 2 ** -13) ** 2);
}

describe("fused multiply-add kernels", sharedMachineTimeout, () => {
  it("are chosen where the engine validates relaxed SIMD, and the switch keeps the plain ones", () => {
    expect(relaxedSimdSupported()).toBe(true);
    expect(kernelVariant()).toBe("fused");
    setFusedMultiplyAdd(false);
    expect(kernelVariant()).toBe("plain");
    setFusedMultiplyAdd(true);
    expect(kernelVariant()).toBe("fused");
    expect(loadGemmWasm("fused")).not.toBe(loadGemmWasm("plain"));
    expect(loadDirectWasm("fused")).not.toBe(loadDirectWasm("plain"));
  });

  for (const variant of variants) {
    for (const dtype of floatTypes) {
      it(`${variant}, ${dtype}: every kernel matches a naive product over edge sizes and layouts`, () => {
        const shapes = [[1, 1, 1], [5, 9, 300], [33, 17, 257], [64, 3, 70], [9, 65, 129], [4, 8, 520]] as const;
        for (const { name, run, maxDepth = Infinity } of kernelsOf(variant)) {
          shapes.forEach(([m, n, k], index) => {
            if (k > maxDepth) return;
            const random = generator(index * 13 + 5);
            const batch = 1 + (index % 2);
            const aLayout = name === "packed" ? layouts[index % 4]! : "row-major";
            const anyB = layouts[(index + 1) % 4]!;
            // The copied tiles take a B in rows (or a thin one), whole batches a B whose rows are evenly spaced.
            const bLayout =
              name === "copied" && n * (dtype === "float64" ? 8 : 4) >= 32 ? "row-major" : name === "whole batch" && anyB === "scrambled" ? "transposed" : anyB;
            const cLayout = layouts[(index + 2) % 4]!;
            const a = matrixView(storage(dtype, batch, m, k, random), aLayout, batch, m, k, random) as MatrixBatch<FloatData>;
            const b = matrixView(storage(dtype, batch, k, n, random), bLayout, batch, k, n, random) as MatrixBatch<FloatData>;
            const c = matrixView(storage(dtype, batch, m, n, random, 7), cLayout, batch, m, n, random) as MatrixBatch<FloatData>;
            const where = `${variant} ${name} ${dtype} ${batch}×${m}×${n}×${k} ${aLayout}/${bLayout}/${cLayout}`;
            expect(run(a, b, c), where).toBe(true);
            expect(productMismatch(c, naiveProduct(a, b, false), dtype, k), where).toBeUndefined();
            expect(c.data[0], where).toBe(7);
          });
        }
      });

      it(`${variant}, ${dtype}: rounds each multiply-add ${variant === "fused" ? "once" : "twice"} in every kernel`, () => {
        const fma = processorHasFma();
        const expected = variant === "plain" || fma === false ? 0 : fusedEntry(dtype);
        // (m, n, k): packed panels (large B), copied tiles, a thin B for the dot products.
        for (const [m, n, k] of [[8, 160, 520], [8, 8, 16], [8, 1, 16]] as const) {
          for (const { name, run, maxDepth = Infinity } of kernelsOf(variant)) {
            if (k > maxDepth) continue;
            const [a, b, c] = witness(dtype, m, n, k);
            expect(run(a!, b!, c!), name).toBe(true);
            const entry = c!.data[0]!;
            if (fma === undefined) expect([0, fusedEntry(dtype)], `${name} ${m}×${n}×${k}`).toContain(entry);
            else expect(entry, `${name} ${m}×${n}×${k}`).toBe(expected);
          }
        }
      });

      it(`${variant}, ${dtype}: gemm() and the threads run the build the switch picks, bit for bit alike`, () => {
        setFusedMultiplyAdd(variant === "fused");
        const fma = processorHasFma() !== false;
        // 128 × 130 × 128 by 128 × 130: past the threads' threshold, with the witness in entry (0, 0).
        const [a, b] = witness(dtype, 128, 130, 128);
        const random = generator(3);
        for (let i = 1; i < a!.data.length; i++) if (i !== (dtype === "float64" ? 2 : 4)) a!.data[i] = random() - 0.5;
        const single = witness(dtype, 128, 130, 128)[2]!;
        const threaded = witness(dtype, 128, 130, 128)[2]!;
        gemm(a!, b!, single, 1);
        expect(gemmParallel(a!, b!, threaded, 2, variant)).toBe(true);
        expect(threaded.data).toEqual(single.data);
        expect(single.data[0]).toBe(variant === "fused" && fma ? fusedEntry(dtype) : 0);
      });

      it(`${variant}, ${dtype}: einsum with threads: 2 equals threads: 1, bit for bit`, () => {
        setFusedMultiplyAdd(variant === "fused");
        const random = generator(dtype === "float64" ? 11 : 12);
        for (const [equation, shapes] of [
          ["ik,kj->ij", [[1024, 300], [300, 8]]],
          ["bij,bjk->bik", [[8, 64, 300], [8, 300, 72]]],
          ["ik,kj->ij", [[160, 400], [400, 160]]],
        ] as const) {
          const operands = shapes.map((shape) => ({
            shape,
            data: randomData(dtype, shape[0] * shape[1] * (shape[2] ?? 1), random),
          }));
          const one = einsum(equation, operands, { threads: 1 });
          const two = einsum(equation, operands, { threads: 2 });
          expect(two.data, equation).toEqual(one.data);
        }
      });
    }
  }
});
