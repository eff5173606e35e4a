/**
 * The slice workers: Node `worker_threads` that run the module `slice-worker.js` next to this one, so that they
 * run the package's own executor. They are started on the first threaded sliced run and `unref`ed, so they never
 * keep a process alive. Outside Node, or where the module cannot be found (a bundle that left it out), or once a
 * worker has failed, there are none and slices run on the calling thread.
 */
import { sliceWorkerMark, type SliceMessage } from "./slice-worker.js";

interface NodeWorker {
  postMessage(message: SliceMessage): void;
  ref(): void;
  unref(): void;
  on(event: "error" | "exit" | "message", listener: (value: unknown) => void): void;
}

interface WorkerThreadsModule {
  readonly Worker: new (url: unknown, options: { workerData: string }) => NodeWorker;
}

interface OsModule {
  availableParallelism?(): number;
  cpus(): readonly unknown[];
}

interface NodeProcess {
  getBuiltinModule?(name: string): unknown;
}

interface Pool {
  readonly workers: NodeWorker[];
  /** Resolves when the worker of the same index has loaded its module. */
  readonly ready: Promise<boolean>[];
  broken: boolean;
}

let pool: Pool | null | undefined;

/**
 * Up to `threads − 1` slice workers (never more than the machine's cores less one), started on first use; none
 * where they cannot run or one has failed.
 *
 * @example
 * sliceWorkers(2).length; //=> 1 in Node on a machine with 2 cores or more
 */
export function sliceWorkers(threads: number): readonly NodeWorker[] {
  if (pool === undefined) pool = createPool() ?? null;
  if (pool === null || pool.broken) return [];
  const current = pool;
  const wanted = Math.min(threads, cores()) - 1;
  try {
    while (current.workers.length < wanted) startWorker(current);
  } catch {
    current.broken = true;
    return [];
  }
  return current.workers.slice(0, Math.max(0, wanted));
}

/**
 * Starts the slice workers for `threads` threads and resolves once each has loaded (true), or one has failed or
 * none can run (false). Sliced runs do not need this: a worker that is not ready yet claims no slice.
 *
 * @example
 * await sliceWorkersReady(2); //=> true in Node, from the built package
 */
export async function sliceWorkersReady(threads: number): Promise<boolean> {
  const workers = sliceWorkers(threads);
  if (workers.length === 0 || pool === null || pool === undefined) return false;
  // Held while they load, or the wait alone would not keep the process alive.
  for (const worker of workers) worker.ref();
  try {
    const ready = await Promise.all(pool.ready.slice(0, workers.length));
    return ready.every(Boolean) && !pool.broken;
  } finally {
    for (const worker of workers) worker.unref();
  }
}

function createPool(): Pool | undefined {
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object" || workerThreads() === undefined) return undefined;
  return { workers: [], ready: [], broken: false };
}

function startWorker(current: Pool): void {
  const threads = workerThreads();
  const url = workerUrl();
  if (threads === undefined || url === undefined) throw new Error("no slice worker module");
  const worker = new threads.Worker(url, { workerData: sliceWorkerMark });
  current.workers.push(worker);
  current.ready.push(
    new Promise((resolve) => {
      worker.on("message", () => resolve(true));
      const fail = (): void => {
        current.broken = true;
        resolve(false);
      };
      worker.on("error", fail);
      worker.on("exit", fail);
    }),
  );
  worker.unref();
}

function nodeProcess(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

function workerThreads(): WorkerThreadsModule | undefined {
  const module = nodeProcess()?.getBuiltinModule?.("node:worker_threads") as WorkerThreadsModule | undefined;
  return module?.Worker === undefined ? undefined : module;
}

function cores(): number {
  const os = nodeProcess()?.getBuiltinModule?.("node:os") as OsModule | undefined;
  return os === undefined ? 1 : (os.availableParallelism?.() ?? os.cpus().length);
}

/** The worker module's URL, beside this module's: built as `dist/execute/slice-worker.js`. */
function workerUrl(): unknown {
  const here = (import.meta as { url?: string }).url;
  const Url = (globalThis as { URL?: new (path: string, base: string) => unknown }).URL;
  return here === undefined || Url === undefined ? undefined : new Url("./slice-worker.js", here);
}
