import { describe, expect, it } from "vitest";
import { gemmDirect } from "../../src/kernels/gemm/gemm-direct.js";
import { packPanels } from "../../src/kernels/gemm/gemm-pack.js";
import { gemmInt32 } from "../../src/kernels/gemm/gemm-int32.js";
import type { MatrixBatch } from "../../src/kernels/gemm/gemm-problem.js";
import { gemmTypeScript } from "../../src/kernels/gemm/gemm-typescript.js";
import { gemmWasm, type FloatData } from "../../src/kernels/gemm/gemm-wasm.js";
import { activeGemmBackend, gemm, setGemmBackend } from "../../src/kernels/gemm/gemm.js";
import { loadGemmWasm } from "../../src/kernels/wasm/gemm-instance.js";
import { layouts, matrixView, naiveProduct, productMismatch, storage, generator } from "./matrix-views.js";
import type { DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

type Kernel = (a: MatrixBatch, b: MatrixBatch, c: MatrixBatch) => void;

const wasm = loadGemmWasm();
const edgeSizes = [1, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 129];

/** Triples (m, n, k) crossing the block edges, plus depths past one depth block and rows past one row block. */
const shapes: (readonly [number, number, number])[] = [
  ...edgeSizes.map((size, i) => [size, edgeSizes[(i + 5) % 12]!, edgeSizes[(i + 9) % 12]!] as const),
  [1, 1, 1],
  [5, 9, 300],
  [130, 12, 520],
  [17, 33, 257],
];

const kernels: { name: string; dtypes: readonly DType[]; run: Kernel }[] = [
  {
    name: "WebAssembly",
    dtypes: ["float64", "float32"],
    run: (a, b, c) => {
      if (!gemmWasm(wasm!, a as MatrixBatch<FloatData>, b as MatrixBatch<FloatData>, c as MatrixBatch<FloatData>)) {
        throw new Error("the WebAssembly kernel declined");
      }
    },
  },
  {
    name: "WebAssembly in 4 KiB chunks",
    dtypes: ["float64", "float32"],
    run: (a, b, c) => {
      const [fa, fb, fc] = [a, b, c] as MatrixBatch<FloatData>[];
      if (!gemmWasm(wasm!, fa!, fb!, fc!, 4096)) gemmTypeScript(fa!, fb!, fc!);
    },
  },
  {
    name: "TypeScript",
    dtypes: ["float64", "float32"],
    run: (a, b, c) => gemmTypeScript(a as MatrixBatch<FloatData>, b as MatrixBatch<FloatData>, c as MatrixBatch<FloatData>),
  },
  {
    name: "int32",
    dtypes: ["int32"],
    run: (a, b, c) => gemmInt32(a as MatrixBatch<Int32Array>, b as MatrixBatch<Int32Array>, c as MatrixBatch<Int32Array>),
  },
  { name: "direct loops", dtypes: ["float64", "float32", "int32"], run: gemmDirect },
  {
    name: "gemm() preferring WebAssembly",
    dtypes: ["float64", "float32", "int32"],
    run: (a, b, c) => (setGemmBackend("wasm"), gemm(a, b, c)),
  },
  {
    name: "gemm() preferring TypeScript",
    dtypes: ["float64", "float32", "int32"],
    run: (a, b, c) => {
      setGemmBackend("typescript");
      try {
        gemm(a, b, c);
      } finally {
        setGemmBackend("wasm");
      }
    },
  },
];

function check(kernel: Kernel, dtype: DType, batch: number, m: number, n: number, k: number, seed: number): void {
  const random = generator(seed);
  const aLayout = layouts[seed % 4]!;
  const bLayout = layouts[(seed >> 2) % 4]!;
  const cLayout = layouts[(seed >> 4) % 4]!;
  const a = matrixView(storage(dtype, batch, m, k, random), aLayout, batch, m, k, random);
  const b = matrixView(storage(dtype, batch, k, n, random), bLayout, batch, k, n, random);
  const c = matrixView(storage(dtype, batch, m, n, random, 7), cLayout, batch, m, n, random);
  const aBefore = a.data.slice();
  const bBefore = b.data.slice();
  const expected = naiveProduct(a, b, dtype === "int32");
  kernel(a, b, c);
  const where = `${dtype} batch ${batch}, ${m}×${k} (${aLayout}) · ${k}×${n} (${bLayout}) -> ${cLayout}`;
  expect(productMismatch(c, expected, dtype, k), where).toBeUndefined();
  expect(c.data[0], "storage outside C is untouched").toBe(7);
  expect(a.data, "A is not written").toEqual(aBefore);
  expect(b.data, "B is not written").toEqual(bBefore);
}

describe("GEMM kernels against a naive product", sharedMachineTimeout, () => {
  it("runs the WebAssembly SIMD kernel on this engine", () => {
    expect(wasm).toBeDefined();
    expect(activeGemmBackend()).toBe("wasm");
  });

  for (const kernel of kernels) {
    describe(kernel.name, () => {
      for (const dtype of kernel.dtypes) {
        it(`${dtype}: sizes around the tile and block edges, every layout`, () => {
          shapes.forEach(([m, n, k], index) => {
            const seed = index * 7 + 1;
            check(kernel.run, dtype, 1, m, n, k, seed);
            check(kernel.run, dtype, 1, n, m, k, seed + 64);
          });
        });

        it(`${dtype}: batches of matrices in every layout combination`, () => {
          for (let seed = 0; seed < 64; seed += 3) check(kernel.run, dtype, 3, 9, 17, 11, seed);
        });

        it(`${dtype}: size 1 and empty dimensions`, () => {
          for (const [batch, m, n, k] of [
            [1, 1, 1, 1],
            [2, 1, 5, 1],
            [1, 0, 4, 3],
            [1, 4, 0, 3],
            [3, 4, 5, 0],
            [0, 4, 5, 6],
          ] as const) {
            check(kernel.run, dtype, batch, m, n, k, batch + m + n + k);
          }
        });
      }
    });
  }

  it("int32 products wrap modulo 2^32 exactly", () => {
    const view = (values: number[], rows: number, cols: number): MatrixBatch<Int32Array> => ({
      data: Int32Array.from(values),
      batch: Int32Array.of(0),
      rows: Int32Array.from({ length: rows }, (_, i) => i * cols),
      cols: Int32Array.from({ length: cols }, (_, j) => j),
    });
    // (2^31 - 1)² + 2^30·4 = 2^62 - 2^32 + 1 + 2^32 ≡ 1 (mod 2^32)
    for (const kernel of [gemmInt32, gemmDirect]) {
      const c = view([0], 1, 1);
      kernel(view([2147483647, 1073741824], 1, 2), view([2147483647, 4], 2, 1), c);
      expect(c.data[0]).toBe(1);
    }
  });
});

describe("packPanels", () => {
  /** The definition: panel q, depth step p, lane r holds source[base + across[q·width + r] + along[p]], or 0. */
  function naivePack(source: Float64Array, base: number, across: Int32Array, along: Int32Array, width: number): number[] {
    const panels = Math.ceil(across.length / width);
    const packed: number[] = [];
    for (let q = 0; q < panels; q++) {
      for (let p = 0; p < along.length; p++) {
        for (let r = 0; r < width; r++) {
          const lane = q * width + r;
          packed.push(lane < across.length ? source[base + across[lane]! + along[p]!]! : 0);
        }
      }
    }
    return packed;
  }

  it("packs every kind of offset table as the definition says", () => {
    const source = Float64Array.from({ length: 4000 }, (_, i) => i + 0.5);
    const runs = Int32Array.from({ length: 21 }, (_, i) => Math.floor(i / 7) * 500 + (i % 7)); // (j, l): 3 runs of 7
    const tables = {
      contiguous: Int32Array.from({ length: 13 }, (_, i) => i),
      strided: Int32Array.from({ length: 13 }, (_, i) => i * 40),
      runs,
      scrambled: Int32Array.of(5, 1, 900, 13, 2, 77, 300),
    };
    for (const [acrossName, across] of Object.entries(tables)) {
      for (const [alongName, along] of Object.entries(tables)) {
        for (const width of [4, 8]) {
          const target = new Float64Array(Math.ceil(across.length / width) * width * along.length + 3).fill(-1);
          packPanels(target, 3, source, 11, across, along, width);
          const where = `across ${acrossName}, along ${alongName}, width ${width}`;
          expect(Array.from(target.subarray(3)), where).toEqual(naivePack(source, 11, across, along, width));
          expect(Array.from(target.subarray(0, 3)), where).toEqual([-1, -1, -1]);
        }
      }
    }
  });
});
