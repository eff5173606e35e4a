/**
 * What the thread pool needs from its environment: how many cores there are, how to start one worker on the
 * shared memory, and whether the calling thread may sleep in `Atomics.wait`. Node provides it through
 * `worker_threads` (`node-host.ts`), browsers through Web Workers (`web-host.ts`).
 */
import type { WasmMemory, WasmModule } from "../wasm/webassembly.js";

/**
 * What a worker receives: the compiled shared-memory modules (one per kernel build, in the order of the pool's
 * `kernelSets`), the memory, the control block and its slot.
 *
 * @example
 * const start: WorkerStart = { modules: [module], memory, control: control.buffer as SharedArrayBuffer, slot: 1 };
 */
export interface WorkerStart {
  readonly modules: readonly WasmModule[];
  readonly memory: WasmMemory;
  readonly control: SharedArrayBuffer;
  readonly slot: number;
}

/**
 * An environment that can run GEMM workers.
 *
 * @example
 * const host = nodeWorkerHost() ?? webWorkerHost();
 * host?.start({ modules, memory, control, slot: 1 }, () => console.warn("a worker failed"));
 */
export interface WorkerHost {
  /** `"node"` for `worker_threads`, `"web"` for Web Workers. */
  readonly kind: "node" | "web";
  /** How many threads the machine runs at once. */
  readonly cores: number;
  /**
   * Whether the calling thread may block in `Atomics.wait`; a browser's main thread may not, and spins on the
   * job's counter instead while the workers finish their last items.
   */
  readonly canWait: boolean;
  /** Starts one worker; `onError` runs if it fails, now or later. Throws when it cannot be started at all. */
  start(worker: WorkerStart, onError: () => void): void;
}

/**
 * Whether this thread may block in `Atomics.wait` (a browser's main thread throws instead). The probe compares
 * against a value that differs, so where waiting is allowed it returns at once.
 *
 * @example
 * threadMayWait(); //=> true in Node and in any worker
 */
export function threadMayWait(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}
