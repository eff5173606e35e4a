/**
 * The GEMM threads: Node's `worker_threads`, reached without a static import (so the package still loads in
 * browsers), started lazily on the first threaded product and `unref`ed so they never keep a process alive.
 * The calling thread and the workers share one WebAssembly memory, a control block and the kernels of
 * `gemm.wat`'s shared-memory build. Where any piece is missing (no `process.getBuiltinModule`, no
 * `SharedArrayBuffer`, no shared WebAssembly memory, no SIMD), {@link acquireThreadPool} returns `undefined` and
 * products run on one thread.
 */
import { decodeBase64 } from "../base64.js";
import { sharedGemmWasmBase64 } from "../wasm/gemm-module.js";
import type { WasmMemory, WasmModule, WasmNamespace } from "../wasm/webassembly.js";
import { jobSlotCount, type ThreadKernels } from "./parallel-task.js";
import { gemmWorkerSource } from "./worker-source.js";

const pageBytes = 65536;
/** The shared memory's `maximum` in `gemm.wat`'s shared build: 1 GiB. */
export const maxSharedBytes = 16384 * pageBytes;

interface WorkerHandle {
  unref(): void;
  on(event: "error" | "exit", listener: (value: unknown) => void): void;
}

interface WorkerThreadsModule {
  readonly Worker: new (
    source: string,
    options: { eval: true; workerData: unknown; stdout?: boolean; stderr?: boolean },
  ) => WorkerHandle;
}

interface OsModule {
  availableParallelism?(): number;
  cpus(): readonly unknown[];
}

interface NodeProcess {
  getBuiltinModule?(name: string): unknown;
}

/**
 * The threads of the process: the calling thread is slot 0, worker `w` is slot `w`.
 *
 * @example
 * const pool = acquireThreadPool(2);
 * if (pool !== undefined && reserveShared(pool, 1 << 20)) new Float64Array(pool.memory.buffer)[0] = 1;
 */
export interface ThreadPool {
  /** The shared memory every thread reads and writes. */
  readonly memory: WasmMemory;
  /** The calling thread's instance of the shared-memory kernels. */
  readonly kernels: ThreadKernels;
  /** The job's control block, see `jobSlot`. */
  readonly control: Int32Array;
  /** How many workers are started: jobs may use that many threads plus the calling one. */
  readonly workers: number;
}

interface PoolState extends ThreadPool {
  readonly workerThreads: WorkerThreadsModule;
  readonly module: WasmModule;
  readonly cores: number;
  workers: number;
  broken: boolean;
}

let state: PoolState | null | undefined;

/**
 * The pool, with enough workers for `threads` threads (never more than the machine's cores), started on first
 * use; `undefined` where threads are unavailable or a worker has failed.
 *
 * @example
 * acquireThreadPool(2)?.workers; //=> 1 on a machine with 2 cores or more, in Node
 */
export function acquireThreadPool(threads: number): ThreadPool | undefined {
  if (state === undefined) state = createState() ?? null;
  if (state === null || state.broken) return undefined;
  const current = state;
  const wanted = Math.min(threads, current.cores) - 1;
  while (current.workers < wanted) {
    try {
      startWorker(current, current.workers + 1);
    } catch {
      current.broken = true;
      return undefined;
    }
    current.workers++;
  }
  return current;
}

function createState(): PoolState | undefined {
  try {
    const process = (globalThis as { process?: NodeProcess }).process;
    const api = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
    if (process?.getBuiltinModule === undefined || api?.Memory === undefined) return undefined;
    if (typeof SharedArrayBuffer !== "function" || typeof Atomics?.wait !== "function") return undefined;
    const workerThreads = process.getBuiltinModule("node:worker_threads") as WorkerThreadsModule | undefined;
    const os = process.getBuiltinModule("node:os") as OsModule | undefined;
    if (workerThreads?.Worker === undefined || os === undefined) return undefined;
    const bytes = decodeBase64(sharedGemmWasmBase64);
    if (!api.validate(bytes)) return undefined;
    const module = new api.Module(bytes);
    const memory = new api.Memory({ initial: 1, maximum: maxSharedBytes / pageBytes, shared: true });
    if (!(memory.buffer instanceof SharedArrayBuffer)) return undefined;
    const kernels = new api.Instance(module, { env: { memory } }).exports as unknown as ThreadKernels;
    const control = new Int32Array(new SharedArrayBuffer(jobSlotCount * 4));
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    return { workerThreads, module, memory, kernels, control, cores, workers: 0, broken: false };
  } catch {
    return undefined;
  }
}

function startWorker(pool: PoolState, slot: number): void {
  const worker = new pool.workerThreads.Worker(gemmWorkerSource, {
    eval: true,
    workerData: { module: pool.module, memory: pool.memory, control: pool.control.buffer, slot },
  });
  // A worker that fails never claims an item, so the jobs still complete; later products use one thread.
  worker.on("error", () => {
    pool.broken = true;
  });
  worker.unref();
}

/**
 * Grows the shared memory to hold at least `bytes`; false when it cannot (past 1 GiB, or out of memory).
 *
 * @example
 * reserveShared(pool, 64 << 20); //=> true
 */
export function reserveShared(pool: ThreadPool, bytes: number): boolean {
  if (bytes > maxSharedBytes) return false;
  const missing = Math.ceil((bytes - pool.memory.buffer.byteLength) / pageBytes);
  if (missing <= 0) return true;
  try {
    pool.memory.grow(missing);
    return true;
  } catch {
    return false;
  }
}
