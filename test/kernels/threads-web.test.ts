import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compileSources, runScript } from "./compiled-sources.js";
import { sharedMachineTimeout } from "./shared-machine.js";

/**
 * A Node process made to look like a cross-origin isolated page: no `process.getBuiltinModule`, a `navigator`,
 * a main thread whose `Atomics.wait` throws as a page's does, and a global `Worker` with the Web Worker API
 * (a blob URL, `{ type: "module" }`, `postMessage`, `addEventListener`) built on `worker_threads`, whose worker
 * reads the blob, exposes `self`, and runs the blob's text as a module.
 */
const script = `
import { resolveObjectURL } from "node:buffer";
import { Worker as NodeWorker } from "node:worker_threads";

const bootstrap = \`
const { workerData, parentPort } = require("node:worker_threads");
const queue = [];
globalThis.self = globalThis;
parentPort.on("message", (data) => (typeof self.onmessage === "function" ? self.onmessage({ data }) : queue.push(data)));
workerData.blob
  .text()
  .then((text) => import("data:text/javascript," + encodeURIComponent(text)))
  .then(() => { for (const data of queue.splice(0)) self.onmessage({ data }); });
\`;

const started = [];
class WebWorker {
  constructor(url, options) {
    started.push({ url: url.slice(0, 5), type: options?.type });
    this.worker = new NodeWorker(bootstrap, { eval: true, workerData: { blob: resolveObjectURL(url) } });
    this.worker.unref();
  }
  postMessage(message) {
    this.worker.postMessage(message);
  }
  addEventListener(type, listener) {
    if (type === "error") this.worker.on("error", listener);
  }
}

process.getBuiltinModule = undefined;
Object.defineProperty(globalThis, "navigator", { value: { hardwareConcurrency: 2 }, configurable: true });
globalThis.Worker = WebWorker;
Atomics.wait = () => {
  throw new TypeError("Atomics.wait cannot be called in this context");
};

const { einsum } = await import("./index.js");
const { acquireThreadPool } = await import("./kernels/threads/thread-pool.js");
const { itemsRunByWorkers } = await import("./kernels/threads/parallel-gemm.js");

const n = 256;
const results = {};
for (const dtype of ["float64", "float32"]) {
  const Data = dtype === "float64" ? Float64Array : Float32Array;
  const a = { shape: [n, n], data: Data.from({ length: n * n }, (_, i) => (i % 17) - 8) };
  const b = { shape: [n, n], data: Data.from({ length: n * n }, (_, i) => (i % 13) - 6) };
  const one = einsum("ij,jk->ik", a, b);
  let same = true;
  let calls = 0;
  let byWorkers = 0;
  // The workers start once this thread returns to its event loop; until then the caller runs every item.
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; calls++) {
    const two = einsum("ij,jk->ik", a, b, { threads: 2 });
    same &&= two.data.every((value, index) => value === one.data[index]);
    byWorkers = itemsRunByWorkers();
    if (byWorkers > 0 && calls >= 3) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  results[dtype] = { same, workersJoined: byWorkers > 0 };
}
const pool = acquireThreadPool(2);
console.log(JSON.stringify({ host: pool?.host.kind, canWait: pool?.host.canWait, workers: pool?.workers, started, results }));
process.exit(0);
`;

describe("threads through Web Workers", sharedMachineTimeout, () => {
  let outRoot = "";
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  it("start module workers from a blob URL, share the product with them, and never block the page's thread", () => {
    outRoot = compileSources("typed-einsum-web-threads-");
    const child = runScript(outRoot, script, 60_000);
    expect(child.error, "the process did not end within 60 s").toBeUndefined();
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({
      host: "web",
      canWait: false,
      workers: 1,
      started: [{ url: "blob:", type: "module" }],
      results: {
        float64: { same: true, workersJoined: true },
        float32: { same: true, workersJoined: true },
      },
    });
  });
});
