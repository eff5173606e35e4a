/**
 * The GEMM threads: workers started lazily on the first threaded product, through Node's `worker_threads`
 * (`node-host.ts`) or, in browsers, Web Workers (`web-host.ts`). The calling thread and the workers share one
 * WebAssembly memory, a control block and the kernels of `gemm.wat`'s shared-memory builds (plain, and fused where
 * the engine has relaxed SIMD). Where any piece is
 * missing (no worker host, no `SharedArrayBuffer`, no shared WebAssembly memory, no SIMD),
 * {@link acquireThreadPool} returns `undefined` and products run on one thread.
 */
import { decodeBase64 } from "../wasm/base64.js";
import { sharedFusedGemmWasmBase64, sharedGemmWasmBase64 } from "../wasm/gemm-module.js";
import { relaxedSimdSupported, type KernelVariant } from "../wasm/kernel-variant.js";
import type { WasmMemory, WasmModule, WasmNamespace } from "../wasm/webassembly.js";
import { nodeWorkerHost } from "./node-host.js";
import { jobSlotCount, type ThreadKernels } from "./parallel-task.js";
import { webWorkerHost } from "./web-host.js";
import type { WorkerHost } from "./worker-host.js";

const pageBytes = 65536;
/** The shared memory's `maximum` in `gemm.wat`'s shared build: 1 GiB. */
export const maxSharedBytes = 16384 * pageBytes;

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
  /** The calling thread's instances of the shared-memory kernels: plain first, then fused where available. */
  readonly kernelSets: readonly ThreadKernels[];
  /** The builds of {@link ThreadPool.kernelSets}, in the same order. */
  readonly variants: readonly KernelVariant[];
  /** The job's control block, see `jobSlot`. */
  readonly control: Int32Array;
  /** How many workers are started: jobs may use that many threads plus the calling one. */
  readonly workers: number;
  /** Where the workers run, and whether the calling thread may sleep in `Atomics.wait` while they finish. */
  readonly host: WorkerHost;
}

interface PoolState extends ThreadPool {
  readonly modules: readonly WasmModule[];
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
  const wanted = Math.min(threads, current.host.cores) - 1;
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
    const api = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
    if (api?.Memory === undefined || typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object") {
      return undefined;
    }
    const host = nodeWorkerHost() ?? webWorkerHost();
    if (host === undefined) return undefined;
    const bytes = decodeBase64(sharedGemmWasmBase64);
    if (!api.validate(bytes)) return undefined;
    const variants: KernelVariant[] = relaxedSimdSupported() ? ["plain", "fused"] : ["plain"];
    const modules = variants.map((variant) =>
      variant === "fused" ? new api.Module(decodeBase64(sharedFusedGemmWasmBase64)) : new api.Module(bytes),
    );
    const memory = new api.Memory({ initial: 1, maximum: maxSharedBytes / pageBytes, shared: true });
    if (!(memory.buffer instanceof SharedArrayBuffer)) return undefined;
    const kernelSets = modules.map(
      (module) => new api.Instance(module, { env: { memory } }).exports as unknown as ThreadKernels,
    );
    const control = new Int32Array(new SharedArrayBuffer(jobSlotCount * 4));
    return { host, modules, variants, memory, kernelSets, control, workers: 0, broken: false };
  } catch {
    return undefined;
  }
}

function startWorker(pool: PoolState, slot: number): void {
  const control = pool.control.buffer as SharedArrayBuffer;
  // A worker that fails never claims an item, so the jobs still complete; later products use one thread.
  pool.host.start({ modules: pool.modules, memory: pool.memory, control, slot }, () => {
    pool.broken = true;
  });
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
