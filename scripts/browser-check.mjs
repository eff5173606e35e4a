// Runs the built package (dist/) in a real headless Chromium and prints what each page measured: on a
// cross-origin isolated page (on its main thread, and in a dedicated worker it starts), threaded products must
// use Web Workers and agree with one thread bit for bit; on a page that is not isolated, they must still agree,
// on one thread. Needs a Chromium or Chrome
// binary (`CHROME=/path/to/chrome`, or `chromium` on the PATH); `npm run check:browser` builds first.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const chrome = process.env.CHROME ?? "chromium";
const timeoutMs = 120_000;

/** The measurement, as module code that a page or a worker runs: `measure()` resolves to its report. */
const measureScript = `
import { einsum, randn } from "/dist/index.js";
import { acquireThreadPool } from "/dist/kernels/threads/thread-pool.js";
import { itemsRunByWorkers } from "/dist/kernels/threads/parallel-gemm.js";

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const best = (run, repeats) => {
  let fastest = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
};

async function measure() {
  const report = { crossOriginIsolated, userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency };
  for (const dtype of ["float64", "float32"]) {
    const a = randn([512, 512], { dtype, seed: 1 });
    const b = randn([512, 512], { dtype, seed: 2 });
    const one = einsum("ij,jk->ik", a, b);
    let same = true;
    let byWorkers = 0;
    // Web Workers start once the page returns to its event loop: give them a few turns.
    for (let call = 0; call < 40; call++) {
      const two = einsum("ij,jk->ik", a, b, { threads: 2 });
      same &&= two.data.every((value, index) => value === one.data[index]);
      byWorkers = itemsRunByWorkers();
      if (byWorkers > 0 && call >= 3) break;
      await pause(25);
    }
    let oneMs = Infinity;
    let twoMs = Infinity;
    for (let round = 0; round < 5; round++) {
      oneMs = Math.min(oneMs, best(() => einsum("ij,jk->ik", a, b), 3));
      twoMs = Math.min(twoMs, best(() => einsum("ij,jk->ik", a, b, { threads: 2 }), 3));
      await pause(10);
    }
    report[dtype] = { same, itemsRunByWorkers: byWorkers, oneThreadMs: oneMs, twoThreadsMs: twoMs, speedUp: oneMs / twoMs };
  }
  const pool = acquireThreadPool(2);
  report.pool = pool === undefined ? null : { host: pool.host.kind, canWait: pool.host.canWait, workers: pool.workers };
  return report;
}
`;

const reportOrError = "measure().catch((error) => ({ error: String(error?.stack ?? error) }))";
const post = (page) => `(report) => fetch("/report?page=${page}", { method: "POST", body: JSON.stringify(report) })`;

/** Each page's module script: measure on the page's main thread, or in a dedicated worker it starts. */
const pageScripts = {
  isolated: `${measureScript}\n${reportOrError}.then(${post("isolated")});`,
  worker: `
const worker = new Worker("/measure-worker.js", { type: "module" });
worker.onmessage = (event) => (${post("worker")})(event.data);
worker.onerror = (event) => (${post("worker")})({ error: String(event.message) });
`,
  plain: `${measureScript}\n${reportOrError}.then(${post("plain")});`,
};
const workerScript = `${measureScript}\n${reportOrError}.then((report) => postMessage(report));`;

const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};
const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".html": "text/html" };

const reports = new Map();
const waiting = new Map();
const pages = ["isolated", "worker", "plain"];
const isolatedPages = new Set(["isolated", "worker"]);

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  // The document's headers (and a worker script's) decide isolation; the same-origin modules they load need none.
  const page = url.searchParams.get("page") ?? "";
  const headers = isolatedPages.has(page) ? isolationHeaders : {};
  if (request.method === "POST" && url.pathname === "/report") {
    let body = "";
    for await (const chunk of request) body += chunk;
    const page = url.searchParams.get("page");
    reports.set(page, JSON.parse(body));
    response.writeHead(204).end();
    waiting.get(page)?.();
    return;
  }
  if (url.pathname === "/") {
    response.writeHead(200, { ...headers, "Content-Type": "text/html" });
    response.end(`<!doctype html><script type="module">${pageScripts[page]}</script>`);
    return;
  }
  if (url.pathname === "/measure-worker.js") {
    response.writeHead(200, { ...isolationHeaders, "Content-Type": "text/javascript" });
    response.end(workerScript);
    return;
  }
  const file = normalize(join(root, url.pathname));
  if (!file.startsWith(join(root, "dist"))) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});

await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
const profiles = await mkdtemp(join(tmpdir(), "typed-einsum-browser-"));
// One browser at a time, so that the two pages do not share the cores while they measure.
for (const page of pages) {
  const browser = spawn(
    chrome,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      `--user-data-dir=${join(profiles, page)}`,
      `http://127.0.0.1:${port}/?page=${page}`,
    ],
    { stdio: "ignore" },
  );
  const ended = new Promise((resolve) => browser.once("close", resolve));
  let timer;
  const outcome = await Promise.race([
    new Promise((resolve) => waiting.set(page, () => resolve("reported"))),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, "timed out"))),
    new Promise((resolve) => browser.once("error", (error) => resolve(`cannot start ${chrome}: ${error.message}`))),
  ]);
  clearTimeout(timer);
  if (outcome !== "reported") console.error(`${page} page: ${outcome}`);
  browser.kill();
  await ended;
}
server.close();
await rm(profiles, { recursive: true, force: true });

for (const page of pages) console.log(`${page} page:`, JSON.stringify(reports.get(page) ?? null, null, 2));
const isolated = reports.get("isolated");
const plain = reports.get("plain");
const failures = [];
const worker = reports.get("worker");
if (isolated?.pool?.host !== "web" || isolated.pool.canWait !== false) failures.push("the isolated page: no pool that spins");
if (worker?.pool?.host !== "web" || worker.pool.canWait !== true) failures.push("the worker: no pool that waits");
for (const dtype of ["float64", "float32"]) {
  for (const [name, report] of [["isolated", isolated], ["worker", worker]]) {
    if (report?.[dtype]?.same !== true) failures.push(`${name} ${dtype}: threaded result differs`);
    if (!(report?.[dtype]?.itemsRunByWorkers > 0)) failures.push(`${name} ${dtype}: no item ran on a worker`);
  }
  if (plain?.[dtype]?.same !== true) failures.push(`plain ${dtype}: threaded result differs`);
}
if (plain?.pool !== null) failures.push("the page that is not isolated should have no pool");
for (const failure of failures) console.error(failure);
if (failures.length > 0) process.exitCode = 1;
