import "./relaxed-simd.js";
import { afterEach, describe, expect, it } from "vitest";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import type { FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { gemm } from "../../src/kernels/gemm/gemm.js";
import { gemmParallel, itemsRunByWorkers, setCallerItems } from "../../src/kernels/threads/parallel-gemm.js";
import {
  closeClaims,
  itemBits,
  jobSlot,
  jobSlotCount,
  runClaimedItems,
  type ThreadKernels,
} from "../../src/kernels/threads/parallel-task.js";
import { acquireThreadPool } from "../../src/kernels/threads/thread-pool.js";
import { relaxedSimdSupported, setFusedMultiplyAdd } from "../../src/kernels/wasm/kernel-variant.js";
import { layouts, matrixView, storage, generator } from "./matrix-views.js";
import { sharedMachineTimeout } from "./shared-machine.js";

afterEach(() => {
  setCallerItems(undefined);
  setFusedMultiplyAdd(true);
});

/** (batch, m, n, k): a matrix split by rows, a batch split by matrices, a depth past one depth block (256). */
const shapes = [
  [1, 129, 131, 127],
  [5, 65, 67, 129],
  [1, 61, 93, 600],
] as const;

/** How many items the calling thread runs itself: none, one, some, and all of them. */
const callerShares = [0, 1, 3, 1_000] as const;

function operands(dtype: "float64" | "float32", shape: readonly number[], seed: number): MatrixBatch<FloatData>[] {
  const [batch, m, n, k] = shape as [number, number, number, number];
  const random = generator(seed);
  const sizes: [number, number][] = [[m, k], [k, n], [m, n]];
  return sizes.map(([rows, cols], which) => {
    const layout = layouts[(seed + which) % layouts.length]!;
    // C starts filled with 7, so that storage outside its view is seen to stay untouched.
    const data = storage(dtype, batch, rows, cols, random, which === 2 ? 7 : undefined);
    return matrixView(data, layout, batch, rows, cols, random) as MatrixBatch<FloatData>;
  });
}

describe("threaded GEMM under every split of its items", sharedMachineTimeout, () => {
  it("has both kernel builds in the pool where the engine has relaxed SIMD", () => {
    const pool = acquireThreadPool(2);
    expect(pool?.workers).toBeGreaterThanOrEqual(1);
    expect(pool?.variants).toEqual(relaxedSimdSupported() ? ["plain", "fused"] : ["plain"]);
  });

  for (const variant of ["plain", "fused"] as const) {
    for (const dtype of ["float64", "float32"] as const) {
      it(`${variant}, ${dtype}: whoever runs each item, the product is the one-thread product, bit for bit`, () => {
        expect(relaxedSimdSupported() || variant === "plain").toBe(true);
        setFusedMultiplyAdd(variant === "fused");
        shapes.forEach((shape, index) => {
          const [a, b, c] = operands(dtype, shape, index + 1);
          const single = { ...c!, data: c!.data.slice() };
          gemm(a!, b!, single, 1);
          let items = 0;
          for (const share of callerShares) {
            const threaded = { ...c!, data: c!.data.slice() };
            const where = `${variant} ${dtype} ${shape.join("×")}, caller runs ${share}`;
            setCallerItems(share);
            // No build named: the threads run the build a product on one thread runs now.
            expect(gemmParallel(a!, b!, threaded, 2), where).toBe(true);
            if (share === 0) items = itemsRunByWorkers();
            expect(itemsRunByWorkers(), where).toBe(Math.max(items - share, 0));
            expect(threaded.data, where).toEqual(single.data);
          }
          expect(items).toBeGreaterThan(callerShares[2]);
        });
      });
    }
  }
});

describe("the claim word between two jobs", () => {
  /** A control block whose job (serial 5) has all 3 of its items claimed and done; the next job has 8. */
  function staleClaim(closed: boolean): { control: Int32Array; word: number } {
    const control = new Int32Array(new SharedArrayBuffer(jobSlotCount * 4));
    control[jobSlot.serial] = 5;
    control[jobSlot.items] = 3;
    control[jobSlot.done] = 3;
    control[jobSlot.threads] = 2;
    Atomics.store(control, jobSlot.claim, 5 * 2 ** itemBits + 3);
    if (closed) closeClaims(control);
    control[jobSlot.items] = 8;
    control[jobSlot.done] = 0;
    return { control, word: Atomics.load(control, jobSlot.claim) };
  }
  const calls: string[] = [];
  const recording = new Proxy({}, { get: (_, name) => () => calls.push(String(name)) }) as ThreadKernels;
  const memory = { buffer: new SharedArrayBuffer(1 << 16) };

  it("a worker still on the last job claims nothing while the next one is written", () => {
    const { control, word } = staleClaim(true);
    expect(runClaimedItems([recording], memory, control, 1, { serial: -1, matrix: -1 })).toBe(word);
    expect(Atomics.load(control, jobSlot.claim)).toBe(word);
    expect(control[jobSlot.done]).toBe(0);
    expect(calls).toEqual([]);
  });

  it("(without closing, it would claim an item of the last job against the new fields)", () => {
    const { control } = staleClaim(false);
    runClaimedItems([recording], memory, control, 1, { serial: -1, matrix: -1 });
    expect(control[jobSlot.done]).toBeGreaterThan(0);
  });
});
