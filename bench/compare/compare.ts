/**
 * Comparison benchmark: the kernel cases through typed-einsum, NumPy's einsum, onnxruntime-node's Einsum op,
 * jax-js's `numpy.einsum` (its WebAssembly backend), tfjs's `tf.einsum` (on tfjs's JavaScript backend: the wasm
 * backend has no Einsum kernel) and a hand-written tfjs version of each case on the wasm backend. Every case runs
 * in float32, and the product cases in float64 too (without tfjs, which has no float64), on one thread
 * (onnxruntime's intra-op threads, NumPy's BLAS threads and tfjs-wasm's threads all set to 1; jax-js starts no
 * workers in Node). Peers that are not installed, or do not run on this Node, are skipped with a note.
 *
 * Install the peers with `npm install --prefix bench/compare` (and `apt-get install python3-numpy` for NumPy),
 * then run `npm run --prefix bench/compare bench` (or, on another Node, `npm run --prefix bench/compare bench -- /path/to/node`).
 * Results go to stdout, bench/results/compare-node<major>.json and docs/compare-chart.svg.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { einsum } from "../../src/index.js";
import { kernelVariant } from "../../src/kernels/wasm/kernel-variant.js";
import { renderCompareChart } from "./compare-chart.js";
import { einsumModel } from "./onnx-einsum.js";

const root = new URL("../../../", import.meta.url);
const peers = createRequire(fileURLToPath(new URL("bench/compare/package.json", root)));


/**
 * typed-einsum, onnxruntime and jax-js each get at least this many timed runs and this long per case. A case with a
 * large result is slow on the runs whose result lands on fresh pages (about 10 µs per 4 KiB page on the bench
 * machine) and fast on those whose pages the allocator recycles.
 */
const minRuns = 10;
const budgetMs = 1000;
/**
 * Before each timed run of a case whose result takes at least this many bytes, every contender's earlier results
 * are collected (a full garbage collection, outside the time), so that the allocator can recycle their pages, as
 * NumPy's reference counting does at once; otherwise whether a run pays for faulting in a fresh result depends on
 * when the collector last ran. Smaller results are not worth it, and a collection would evict their operands from
 * the caches.
 */
const collectAbove = 1 << 20;

v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** The best time in milliseconds of `run`, after one warm-up run, collecting garbage before each run if `collect`. */
async function timeAsync(run: () => unknown, collect: boolean, budget = budgetMs, runs = minRuns): Promise<number> {
  await run();
  let best = Infinity;
  let spent = 0;
  for (let count = 0; count < runs || spent < budget; count++) {
    if (collect) collectGarbage();
    const before = performance.now();
    await run();
    const time = performance.now() - before;
    best = Math.min(best, time);
    spent += time;
    if (count > 2000) break;
  }
  return best;
}

/** {@link timeAsync} for a synchronous run, with no `await` inside the time. */
function timeSync(run: () => void, collect: boolean, budget = budgetMs, runs = minRuns): number {
  run();
  let best = Infinity;
  let spent = 0;
  for (let count = 0; count < runs || spent < budget; count++) {
    if (collect) collectGarbage();
    const before = performance.now();
    run();
    const time = performance.now() - before;
    best = Math.min(best, time);
    spent += time;
    if (count > 2000) break;
  }
  return best;
}

function random(length: number, seed: number): Float32Array {
  const data = new Float32Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) | 0;
    data[i] = (state >>> 8) / 16777216 - 0.5;
  }
  return data;
}

// ---- the peers, typed as far as this benchmark uses them -----------------------------------------------------

interface TfTensor {
  dataSync(): ArrayLike<number>;
  reshape(shape: number[]): TfTensor;
  transpose(perm?: number[]): TfTensor;
}

interface Tf {
  tensor(data: Float32Array, shape: readonly number[], dtype?: string): TfTensor;
  range(start: number, stop: number, step: number, dtype: string): TfTensor;
  tidy<Result>(run: () => Result): Result;
  einsum(equation: string, ...tensors: TfTensor[]): TfTensor;
  matMul(a: TfTensor, b: TfTensor, transposeA?: boolean, transposeB?: boolean): TfTensor;
  outerProduct(a: TfTensor, b: TfTensor): TfTensor;
  sum(x: TfTensor): TfTensor;
  transpose(x: TfTensor, perm: number[]): TfTensor;
  gather(x: TfTensor, indices: TfTensor): TfTensor;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  version: Record<string, string>;
}

interface OrtTensor {
  readonly data: ArrayLike<number>;
}

interface Ort {
  Tensor: new (type: Dtype, data: FloatArray, dims: readonly number[]) => OrtTensor;
  InferenceSession: {
    create(model: Uint8Array, options: Record<string, unknown>): Promise<{ run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>> }>;
  };
}

/** A jax-js array: passing it to a function gives that function its reference (`.ref` keeps one). */
interface JaxArray {
  readonly ref: JaxArray;
  reshape(shape: readonly number[]): JaxArray;
  data(): Promise<ArrayLike<number>>;
}

interface Jax {
  init(...devices: string[]): Promise<string[]>;
  defaultDevice(device?: string): string;
  numpy: {
    array(data: FloatArray, options?: { dtype?: unknown }): JaxArray;
    einsum(equation: string, ...operands: JaxArray[]): JaxArray;
    float32: unknown;
    float64: unknown;
  };
}

// ---- the cases -----------------------------------------------------------------------------------------------

type Dtype = "float32" | "float64";
type FloatArray = Float32Array | Float64Array;

interface Case {
  readonly name: string;
  readonly dtype?: Dtype;
  readonly equation: string;
  readonly shapes: readonly (readonly number[])[];
  /** The same computation written with tfjs's own ops, as a careful user would. */
  readonly handWritten: (tf: Tf, inputs: readonly TfTensor[], constants: Map<string, TfTensor>) => TfTensor;
}

const chainDims = [250, 250, 250, 250, 250, 250, 2];

const cases: readonly Case[] = [
  ...[64, 256, 512].map((n): Case => ({
    name: `ik,kj->ij ${n}`,
    equation: "ik,kj->ij",
    shapes: [[n, n], [n, n]],
    handWritten: (tf, [a, b]) => tf.matMul(a!, b!),
  })),
  {
    name: "bij,bjk->bik 32×128³",
    equation: "bij,bjk->bik",
    shapes: [[32, 128, 128], [32, 128, 128]],
    handWritten: (tf, [a, b]) => tf.matMul(a!, b!),
  },
  {
    name: "ik,jkl,il->ij 64,64,128,128",
    equation: "ik,jkl,il->ij",
    shapes: [[64, 128], [64, 128, 128], [64, 128]],
    handWritten: (tf, [a, b, c]) => {
      // t[j,k,i] = Σ_l b[j,k,l]·c[i,l], then out[i,j] = Σ_k a[i,k]·t[j,k,i] as a batch over i.
      const t = tf.matMul(b!.reshape([64 * 128, 128]), c!, false, true).reshape([64, 128, 64]);
      return tf.matMul(a!.reshape([64, 1, 128]), t.transpose([2, 1, 0])).reshape([64, 64]);
    },
  },
  {
    name: "bqd,bkd->bqk 8×256×64",
    equation: "bqd,bkd->bqk",
    shapes: [[8, 256, 64], [8, 256, 64]],
    handWritten: (tf, [q, k]) => tf.matMul(q!, k!, false, true),
  },
  {
    name: "ab,bc,cd,de,ef,fg->ag 250s, g=2",
    equation: "ab,bc,cd,de,ef,fg->ag",
    shapes: chainDims.slice(0, -1).map((rows, index) => [rows, chainDims[index + 1]!]),
    handWritten: (tf, inputs) => {
      // Right to left: every product then has only two columns.
      let product = inputs[inputs.length - 1]!;
      for (let index = inputs.length - 2; index >= 0; index--) product = tf.matMul(inputs[index]!, product);
      return product;
    },
  },
  {
    name: "i,j->ij 2000",
    equation: "i,j->ij",
    shapes: [[2000], [2000]],
    handWritten: (tf, [a, b]) => tf.outerProduct(a!, b!),
  },
  {
    name: "ijk-> 100×100×1000",
    equation: "ijk->",
    shapes: [[100, 100, 1000]],
    handWritten: (tf, [x]) => tf.sum(x!),
  },
  {
    name: "ijk->kji 200³",
    equation: "ijk->kji",
    shapes: [[200, 200, 200]],
    handWritten: (tf, [x]) => tf.transpose(x!, [2, 1, 0]),
  },
  {
    name: "ii-> 2000",
    equation: "ii->",
    shapes: [[2000, 2000]],
    handWritten: (tf, [x], constants) => tf.sum(tf.gather(x!.reshape([2000 * 2000]), constants.get("diagonal")!)),
  },
];

// ---- the runners ---------------------------------------------------------------------------------------------

/** The product cases again in float64, for the peers that have it. */
const float64Cases = ["ik,kj->ij 512", "bij,bjk->bik 32×128³", "ik,jkl,il->ij 64,64,128,128", "bqd,bkd->bqk 8×256×64", "ijk-> 100×100×1000"];
const allCases: readonly Case[] = [
  ...cases,
  ...cases
    .filter((benchCase) => float64Cases.includes(benchCase.name))
    .map((benchCase): Case => ({ ...benchCase, name: `${benchCase.name} float64`, dtype: "float64" })),
];

interface Row {
  name: string;
  dtype: Dtype;
  ours: number;
  numpy?: number;
  onnxruntime?: number;
  jax?: number;
  tfEinsum?: number;
  tfHandWritten?: number;
}

const notes: string[] = [];
const dtypeOf = (benchCase: Case): Dtype => benchCase.dtype ?? "float32";
const operandsOf = (benchCase: Case, caseIndex: number): FloatArray[] =>
  benchCase.shapes.map((shape, index) => {
    const data = random(shape.reduce((x, y) => x * y, 1), caseIndex * 10 + index + 1);
    return dtypeOf(benchCase) === "float64" ? Float64Array.from(data) : data;
  });

/** Whether a case's result is large enough for a collection before each timed run (see {@link collectAbove}). */
function collects(benchCase: Case): boolean {
  const [inputs, output = ""] = benchCase.equation.split("->");
  const sizes = new Map<string, number>();
  inputs!.split(",").forEach((term, operand) => [...term].forEach((label, axis) => sizes.set(label, benchCase.shapes[operand]![axis]!)));
  const elements = [...output].reduce((product, label) => product * sizes.get(label)!, 1);
  return elements * (dtypeOf(benchCase) === "float64" ? 8 : 4) >= collectAbove;
}

function measureOurs(): Row[] {
  return allCases.map((benchCase, caseIndex) => {
    const operands = operandsOf(benchCase, caseIndex).map((data, index) => ({ shape: benchCase.shapes[index]!, data }));
    return { name: benchCase.name, dtype: dtypeOf(benchCase), ours: timeSync(() => void einsum(benchCase.equation, operands), collects(benchCase)) };
  });
}

function measureNumpy(rows: Row[]): string | undefined {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.status !== 0) {
    notes.push("NumPy skipped: `python3 -c 'import numpy'` failed (apt-get install -y python3-numpy).");
    return undefined;
  }
  const script = fileURLToPath(new URL("bench/compare/numpy_cases.py", root));
  const input = JSON.stringify(allCases.map((benchCase) => ({ ...benchCase, dtype: dtypeOf(benchCase), handWritten: undefined })));
  const threads = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const run = spawnSync("python3", [script], { input, encoding: "utf8", env: { ...process.env, ...threads }, maxBuffer: 1 << 24 });
  if (run.status !== 0) {
    notes.push(`NumPy failed: ${run.stderr.trim().split("\n").pop() ?? "unknown error"}`);
    return undefined;
  }
  const parsed = JSON.parse(run.stdout) as { numpy: string; results: Record<string, number> };
  for (const row of rows) {
    const ms = parsed.results[row.name];
    if (ms !== undefined) row.numpy = ms;
  }
  return parsed.numpy;
}

async function measureOnnxruntime(rows: Row[]): Promise<string | undefined> {
  let ort: Ort;
  try {
    ort = peers("onnxruntime-node") as Ort;
  } catch {
    notes.push("onnxruntime-node skipped: not installed (npm install --prefix bench/compare).");
    return undefined;
  }
  const options = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all" };
  for (const [caseIndex, benchCase] of allCases.entries()) {
    try {
      const dtype = dtypeOf(benchCase);
      const session = await ort.InferenceSession.create(einsumModel(benchCase.equation, benchCase.shapes, dtype), options);
      const operands = operandsOf(benchCase, caseIndex);
      const feeds = (): Record<string, OrtTensor> =>
        Object.fromEntries(operands.map((data, index) => [`x${index}`, new ort.Tensor(dtype, data, benchCase.shapes[index]!)]));
      rows[caseIndex]!.onnxruntime = await timeAsync(() => session.run(feeds()), collects(benchCase));
    } catch (error) {
      notes.push(`onnxruntime-node, ${benchCase.name}: ${String(error).split("\n")[0]}`);
    }
  }
  return (peers("onnxruntime-node/package.json") as { version: string }).version;
}

async function measureTfjs(rows: Row[]): Promise<string | undefined> {
  let tf: Tf;
  try {
    tf = peers("@tensorflow/tfjs") as Tf;
    const wasm = peers("@tensorflow/tfjs-backend-wasm") as { setThreadsCount?(count: number): void };
    wasm.setThreadsCount?.(1);
    if (!(await tf.setBackend("wasm"))) throw new Error("the wasm backend did not start");
    await tf.ready();
  } catch (error) {
    notes.push(`tfjs skipped: ${String(error).split("\n")[0]} (npm install --prefix bench/compare).`);
    return undefined;
  }
  const constants = new Map([["diagonal", tf.range(0, 2000 * 2000, 2001, "int32")]]);
  for (const [caseIndex, benchCase] of cases.entries()) {
    const inputs = operandsOf(benchCase, caseIndex).map((data, index) => tf.tensor(data as Float32Array, benchCase.shapes[index]!, "float32"));
    const row = rows[caseIndex]!;
    // Some tfjs-wasm ops take seconds (the outer product, the transpose): three runs are enough to rank them.
    const timeOp = (op: () => TfTensor): number => timeSync(() => void tf.tidy(() => op().dataSync()), collects(benchCase), 400, 3);
    try {
      row.tfHandWritten = timeOp(() => benchCase.handWritten(tf, inputs, constants));
    } catch (error) {
      notes.push(`tfjs hand-written, ${benchCase.name}: ${String(error).split("\n")[0]}`);
    }
  }
  // tfjs-wasm has no Einsum kernel: tf.einsum runs on tfjs's plain JavaScript backend, seconds per case, so only
  // when asked for (TF_EINSUM=1).
  if (process.env["TF_EINSUM"] !== "1") {
    notes.push("tf.einsum (cpu backend) not timed: set TF_EINSUM=1 to include it.");
    return tf.version["tfjs-core"] ?? "?";
  }
  await tf.setBackend("cpu");
  for (const [caseIndex, benchCase] of cases.entries()) {
    const inputs = operandsOf(benchCase, caseIndex).map((data, index) => tf.tensor(data as Float32Array, benchCase.shapes[index]!, "float32"));
    try {
      rows[caseIndex]!.tfEinsum = timeSync(() => void tf.tidy(() => tf.einsum(benchCase.equation, ...inputs).dataSync()), collects(benchCase), 400, 5);
    } catch (error) {
      notes.push(`tf.einsum (cpu backend), ${benchCase.name}: ${String(error).split("\n")[0]}`);
    }
  }
  return tf.version["tfjs-core"] ?? "?";
}

async function measureJax(rows: Row[]): Promise<string | undefined> {
  let jax: Jax;
  try {
    jax = peers("@jax-js/jax") as Jax;
    await jax.init("wasm");
    jax.defaultDevice("wasm");
  } catch (error) {
    notes.push(`jax-js skipped: ${String(error).split("\n")[0]} (npm install --prefix bench/compare).`);
    return undefined;
  }
  const np = jax.numpy;
  for (const [caseIndex, benchCase] of allCases.entries()) {
    try {
      const dtype = dtypeOf(benchCase) === "float64" ? np.float64 : np.float32;
      const inputs = operandsOf(benchCase, caseIndex).map((data, index) => np.array(data, { dtype }).reshape(benchCase.shapes[index]!));
      // Each run lends the einsum a reference to every input and reads the result out, as a caller would.
      rows[caseIndex]!.jax = await timeAsync(() => np.einsum(benchCase.equation, ...inputs.map((input) => input.ref)).data(), collects(benchCase));
    } catch (error) {
      notes.push(`jax-js, ${benchCase.name}: ${String(error).split("\n")[0]}`);
    }
  }
  // The package exports no ./package.json: read it next to the resolved entry point.
  const entry = peers.resolve("@jax-js/jax");
  const manifest = JSON.parse(readFileSync(entry.slice(0, entry.lastIndexOf("/dist/")) + "/package.json", "utf8")) as { version: string };
  return manifest.version;
}

// ---- the report ----------------------------------------------------------------------------------------------

function geometricMean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

const rows = measureOurs();
const numpyVersion = measureNumpy(rows);
const onnxruntimeVersion = await measureOnnxruntime(rows);
const tfjsVersion = await measureTfjs(rows);
const jaxVersion = await measureJax(rows);

const peerColumns = [
  ["numpy", "NumPy einsum"],
  ["onnxruntime", "ORT Einsum"],
  ["jax", "jax-js einsum"],
  ["tfEinsum", "tf.einsum (cpu)"],
  ["tfHandWritten", "tfjs by hand"],
] as const;
const cell = (ms: number | undefined, ours: number): string =>
  ms === undefined ? "n/a".padStart(17) : `${ms.toFixed(3).padStart(8)} ${`(${(ms / ours).toFixed(2)}×)`.padStart(8)}`;
console.log(`Node ${process.version}, kernels ${kernelVariant()}; one thread; each peer's time in ms, then (peer time / typed-einsum time): above 1× we are faster\n`);
console.log(`${"case".padEnd(34)} ${"typed-einsum".padStart(12)} ${peerColumns.map(([, title]) => title.padStart(17)).join(" ")}`);
for (const row of rows) {
  console.log(`${row.name.padEnd(34)} ${row.ours.toFixed(3).padStart(12)} ${peerColumns.map(([key]) => cell(row[key], row.ours)).join(" ")}`);
}
const speedRatios = Object.fromEntries(
  peerColumns.map(([key]) => [key, geometricMean(rows.flatMap((row) => (row[key] === undefined ? [] : [row[key]! / row.ours])))]),
);
console.log(
  `${"geometric mean of the ratios".padEnd(34)} ${"".padStart(12)} ${peerColumns
    .map(([key]) => (speedRatios[key] === undefined ? "n/a" : `${speedRatios[key]!.toFixed(2)}×`).padStart(17))
    .join(" ")}`,
);
for (const note of notes) console.log(`note: ${note}`);

const report = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores`,
  node: process.version,
  kernels: kernelVariant(),
  versions: { numpy: numpyVersion, onnxruntime: onnxruntimeVersion, tfjs: tfjsVersion, jax: jaxVersion },
  rows,
  geometricMeanRatios: speedRatios,
  notes,
};
mkdirSync(fileURLToPath(new URL("bench/results/", root)), { recursive: true });
const resultsName = `compare-node${process.versions.node.split(".")[0]}.json`;
writeFileSync(fileURLToPath(new URL(`bench/results/${resultsName}`, root)), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(fileURLToPath(new URL("docs/compare-chart.svg", root)), renderCompareChart(report));
console.log(`\nwrote bench/results/${resultsName} and docs/compare-chart.svg`);
