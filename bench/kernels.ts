/**
 * Kernel benchmarks: each case times typed-einsum and a plain loop doing the same work in the same run, and
 * reports both with the ratio (plain loop time / our time). The two threads rows time einsum with `threads: 2`
 * against the same call with `threads: 1` instead of a plain loop. Like einsum, each plain loop allocates its result,
 * except in the GEMM-alone cases, where both write into one preallocated matrix. Results go to stdout, bench/results/kernels-node<major>.json
 * (per Node major) and docs/kernels-chart.svg. Run with `npm run bench:kernels`, or with `npm run bench` (optionally
 * followed by `-- /path/to/node` to run on another Node).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { einsum } from "../src/index.js";
import { gemm, activeGemmBackend, kernelVariant } from "../src/kernels/gemm/gemm.js";
import { stridedOffsets } from "../src/kernels/offset-table.js";
import { renderChart, type BenchResult } from "./kernels-chart.js";
import { bestTime } from "./timing.js";

const root = new URL("../../", import.meta.url);


type Dtype = "float64" | "float32";
type FloatArray = Float64Array | Float32Array;

function random(length: number, seed: number): Float64Array {
  const data = new Float64Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) | 0;
    data[i] = (state >>> 8) / 16777216 - 0.5;
  }
  return data;
}

/** `random` in the given dtype. */
function randomOf(dtype: Dtype, length: number, seed: number): FloatArray {
  return dtype === "float64" ? random(length, seed) : Float32Array.from(random(length, seed));
}

function allocate(dtype: Dtype, length: number): FloatArray {
  return dtype === "float64" ? new Float64Array(length) : new Float32Array(length);
}

const bytesOf = (dtype: Dtype): number => (dtype === "float64" ? 8 : 4);

/** `c = a·b` for row-major m×k and k×n, as anyone would write it (i-k-j order, so the inner loop is contiguous). */
function plainMatmul(a: ArrayLike<number>, b: ArrayLike<number>, c: Float64Array | Float32Array, m: number, k: number, n: number, aAt = 0, bAt = 0, cAt = 0): void {
  c.fill(0, cAt, cAt + m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const x = a[aAt + i * k + p]!;
      const row = bAt + p * n;
      const out = cAt + i * n;
      for (let j = 0; j < n; j++) c[out + j] = c[out + j]! + x * b[row + j]!;
    }
  }
}

interface Case {
  name: string;
  /** Work per run: floating-point operations, or bytes moved for memory-bound cases. */
  work: number;
  unit: "GFLOP/s" | "GB/s";
  ours: () => void;
  plain: () => void;
}

function matmulCase(size: number): Case {
  const a = random(size * size, 1);
  const b = random(size * size, 2);
  const x = { shape: [size, size], data: a };
  const y = { shape: [size, size], data: b };
  return {
    name: `ik,kj->ij ${size}`,
    work: 2 * size ** 3,
    unit: "GFLOP/s",
    ours: () => void einsum("ik,kj->ij", x, y),
    plain: () => plainMatmul(a, b, new Float64Array(size * size), size, size, size),
  };
}

function gemmCase(size: number, dtype: "float64" | "float32"): Case {
  const make = (seed: number): Float64Array | Float32Array =>
    dtype === "float64" ? random(size * size, seed) : Float32Array.from(random(size * size, seed));
  const a = make(3);
  const b = make(4);
  const c = dtype === "float64" ? new Float64Array(size * size) : new Float32Array(size * size);
  const view = (data: Float64Array | Float32Array) => ({
    data,
    batch: Int32Array.of(0),
    rows: stridedOffsets(size, size),
    cols: stridedOffsets(size, 1),
  });
  return {
    name: `GEMM ${dtype} ${size}`,
    work: 2 * size ** 3,
    unit: "GFLOP/s",
    ours: () => gemm(view(a), view(b), view(c)),
    plain: () => plainMatmul(a, b, c, size, size, size),
  };
}

function batchedCase(): Case {
  const [batch, i, j, k] = [32, 128, 128, 128];
  const a = random(batch * i * j, 5);
  const b = random(batch * j * k, 6);
  return {
    name: "bij,bjk->bik 32×128³",
    work: 2 * batch * i * j * k,
    unit: "GFLOP/s",
    ours: () => void einsum("bij,bjk->bik", { shape: [batch, i, j], data: a }, { shape: [batch, j, k], data: b }),
    plain: () => {
      const c = new Float64Array(batch * i * k);
      for (let t = 0; t < batch; t++) plainMatmul(a, b, c, i, j, k, t * i * j, t * j * k, t * i * k);
    },
  };
}

function attentionCase(): Case {
  const [batch, q, k, d] = [8, 256, 256, 64];
  const a = random(batch * q * d, 7);
  const b = random(batch * k * d, 8);
  return {
    name: "bqd,bkd->bqk 8×256×256×64",
    work: 2 * batch * q * k * d,
    unit: "GFLOP/s",
    ours: () => void einsum("bqd,bkd->bqk", { shape: [batch, q, d], data: a }, { shape: [batch, k, d], data: b }),
    plain: () => {
      const c = new Float64Array(batch * q * k);
      for (let t = 0; t < batch; t++) {
        for (let i = 0; i < q; i++) {
          for (let j = 0; j < k; j++) {
            let sum = 0;
            const x = (t * q + i) * d;
            const y = (t * k + j) * d;
            for (let p = 0; p < d; p++) sum += a[x + p]! * b[y + p]!;
            c[(t * q + i) * k + j] = sum;
          }
        }
      }
    },
  };
}

function outerCase(dtype: Dtype): Case {
  const n = 2000;
  const a = randomOf(dtype, n, 9);
  const b = randomOf(dtype, n, 10);
  return {
    name: `i,j->ij 2000 ${dtype}`,
    work: bytesOf(dtype) * n * n,
    unit: "GB/s",
    ours: () => void einsum("i,j->ij", { shape: [n], data: a }, { shape: [n], data: b }),
    plain: () => {
      const c = allocate(dtype, n * n);
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        for (let j = 0; j < n; j++) c[i * n + j] = x * b[j]!;
      }
    },
  };
}

function fullSumCase(dtype: Dtype): Case {
  const shape = [100, 100, 1000];
  const a = randomOf(dtype, 1e7, 11);
  let sink = 0;
  return {
    name: `ijk-> 100×100×1000 ${dtype}`,
    work: bytesOf(dtype) * a.length,
    unit: "GB/s",
    ours: () => void einsum("ijk->", { shape, data: a }),
    plain: () => {
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += a[i]!;
      sink += sum;
    },
  };
}

function hadamardCase(dtype: Dtype): Case {
  const n = 1000;
  const a = randomOf(dtype, n * n, 17);
  const b = randomOf(dtype, n * n, 18);
  return {
    name: `ij,ij->ij 1000² ${dtype}`,
    work: 3 * bytesOf(dtype) * n * n,
    unit: "GB/s",
    ours: () => void einsum("ij,ij->ij", { shape: [n, n], data: a }, { shape: [n, n], data: b }),
    plain: () => {
      const c = allocate(dtype, n * n);
      for (let i = 0; i < c.length; i++) c[i] = a[i]! * b[i]!;
    },
  };
}

function transposeCase(dtype: Dtype): Case {
  const n = 200;
  const a = randomOf(dtype, n ** 3, 12);
  return {
    name: `ijk->kji 200³ ${dtype}`,
    work: 2 * bytesOf(dtype) * n ** 3,
    unit: "GB/s",
    ours: () => void einsum("ijk->kji", { shape: [n, n, n], data: a }),
    plain: () => {
      const c = allocate(dtype, n ** 3);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) c[(k * n + j) * n + i] = a[(i * n + j) * n + k]!;
    },
  };
}

function traceCase(dtype: Dtype): Case {
  const n = 2000;
  const a = randomOf(dtype, n * n, 13);
  let sink = 0;
  return {
    name: `ii-> 2000 ${dtype}`,
    work: bytesOf(dtype) * n,
    unit: "GB/s",
    ours: () => void einsum("ii->", { shape: [n, n], data: a }),
    plain: () => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += a[i * n + i]!;
      sink += sum;
    },
  };
}

function threeOperandCase(): Case {
  const [ni, nj, nk, nl] = [64, 64, 128, 128];
  const a = random(ni * nk, 14);
  const b = random(nj * nk * nl, 15);
  const c = random(ni * nl, 16);
  return {
    name: "ik,jkl,il->ij 64,64,128,128",
    work: 2 * ni * nj * nk * nl,
    unit: "GFLOP/s",
    ours: () =>
      void einsum("ik,jkl,il->ij", { shape: [ni, nk], data: a }, { shape: [nj, nk, nl], data: b }, { shape: [ni, nl], data: c }),
    plain: () => {
      const out = new Float64Array(ni * nj);
      for (let i = 0; i < ni; i++) {
        for (let j = 0; j < nj; j++) {
          let sum = 0;
          for (let k = 0; k < nk; k++) {
            const x = a[i * nk + k]!;
            for (let l = 0; l < nl; l++) sum += x * b[(j * nk + k) * nl + l]! * c[i * nl + l]!;
          }
          out[i * nj + j] = sum;
        }
      }
    },
  };
}

function chainCase(dtype: Dtype): Case {
  const dims = [250, 250, 250, 250, 250, 250, 2];
  const matrices = dims.slice(0, -1).map((rows, index) => randomOf(dtype, rows * dims[index + 1]!, 20 + index));
  const operands = matrices.map((data, index) => ({ shape: [dims[index]!, dims[index + 1]!], data }));
  // Work as the best order does it (right to left), for the rate; the plain loop goes left to right.
  let flops = 0;
  for (let index = 0; index < matrices.length - 1; index++) flops += 2 * dims[index]! * dims[index + 1]! * dims[6]!;
  return {
    name: `6-matrix chain 250s, g=2 ${dtype}`,
    work: flops,
    unit: "GFLOP/s",
    ours: () => void einsum("ab,bc,cd,de,ef,fg->ag", operands),
    plain: () => {
      let left = matrices[0]!;
      for (let index = 1; index < matrices.length; index++) {
        const next = allocate(dtype, dims[0]! * dims[index + 1]!);
        plainMatmul(left, matrices[index]!, next, dims[0]!, dims[index]!, dims[index + 1]!);
        left = next;
      }
    },
  };
}

/** `ik,kj->ij` at 512 on two threads; the baseline is the same call on one thread, in the same run. */
function threadsCase(dtype: "float64" | "float32"): Case {
  const size = 512;
  const make = (seed: number): Float64Array | Float32Array =>
    dtype === "float64" ? random(size * size, seed) : Float32Array.from(random(size * size, seed));
  const x = { shape: [size, size], data: make(40) };
  const y = { shape: [size, size], data: make(41) };
  return {
    name: `ik,kj->ij 512 ${dtype}, 2 threads vs 1`,
    work: 2 * size ** 3,
    unit: "GFLOP/s",
    ours: () => void einsum("ik,kj->ij", x, y, { threads: 2 }),
    plain: () => void einsum("ik,kj->ij", x, y, { threads: 1 }),
  };
}

function smallCase(dtype: Dtype): Case {
  const size = 64;
  const a = randomOf(dtype, size * size, 30);
  const b = randomOf(dtype, size * size, 31);
  return {
    name: `ik,kj->ij 64 ${dtype} (per call)`,
    work: 2 * size ** 3,
    unit: "GFLOP/s",
    ours: () => void einsum("ik,kj->ij", { shape: [size, size], data: a }, { shape: [size, size], data: b }),
    plain: () => plainMatmul(a, b, allocate(dtype, size * size), size, size, size),
  };
}

const cases: Case[] = [
  smallCase("float64"),
  smallCase("float32"),
  matmulCase(256),
  matmulCase(512),
  gemmCase(512, "float64"),
  gemmCase(512, "float32"),
  batchedCase(),
  attentionCase(),
  outerCase("float64"),
  outerCase("float32"),
  fullSumCase("float64"),
  fullSumCase("float32"),
  hadamardCase("float64"),
  hadamardCase("float32"),
  transposeCase("float64"),
  transposeCase("float32"),
  traceCase("float64"),
  traceCase("float32"),
  threeOperandCase(),
  chainCase("float64"),
  chainCase("float32"),
  threadsCase("float64"),
  threadsCase("float32"),
];

const results: BenchResult[] = [];
console.log(`Node ${process.version}, GEMM backend: ${activeGemmBackend()} (${kernelVariant()}); ratio = plain loop time / typed-einsum time (higher is better)\n`);
console.log(`${"case".padEnd(40)} ${"ours".padStart(10)} ${"plain".padStart(10)}   ${"ours".padStart(14)} ${"plain".padStart(14)}  ratio`);
for (const benchCase of cases) {
  const oursMs = bestTime(benchCase.ours);
  const plainMs = bestTime(benchCase.plain);
  const rate = (ms: number): number => benchCase.work / ms / 1e6;
  const result: BenchResult = {
    name: benchCase.name,
    unit: benchCase.unit,
    oursMs,
    plainMs,
    oursRate: rate(oursMs),
    plainRate: rate(plainMs),
    ratio: plainMs / oursMs,
  };
  results.push(result);
  console.log(
    `${result.name.padEnd(40)} ${oursMs.toFixed(3).padStart(8)}ms ${plainMs.toFixed(3).padStart(8)}ms   ` +
      `${result.oursRate.toFixed(2).padStart(7)} ${result.unit.padEnd(7)}${result.plainRate.toFixed(2).padStart(7)} ${result.unit.padEnd(7)} ${result.ratio.toFixed(2)}×`,
  );
}

const report = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores`,
  node: process.version,
  gemmBackend: activeGemmBackend(),
  kernels: kernelVariant(),
  results,
};
mkdirSync(fileURLToPath(new URL("bench/results/", root)), { recursive: true });
const resultsName = `kernels-node${process.versions.node.split(".")[0]}.json`;
writeFileSync(fileURLToPath(new URL(`bench/results/${resultsName}`, root)), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(fileURLToPath(new URL("docs/kernels-chart.svg", root)), renderChart(report));
console.log(`\nwrote bench/results/${resultsName} and docs/kernels-chart.svg`);
