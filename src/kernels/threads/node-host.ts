/**
 * The worker host of Node (and of runtimes with Node's API): `worker_threads`, reached through
 * `process.getBuiltinModule` rather than a static import, so the package still loads in browsers. Workers run
 * the task script from source (`eval: true`) and are `unref`ed, so they never keep a process alive.
 */
import { threadMayWait, type WorkerHost } from "./worker-host.js";
import { gemmTaskScript, nodeWorkerStart } from "./worker-source.js";

interface NodeWorker {
  unref(): void;
  on(event: "error" | "exit", listener: (value: unknown) => void): void;
}

interface WorkerThreadsModule {
  readonly Worker: new (source: string, options: { eval: true; workerData: unknown }) => NodeWorker;
}

interface OsModule {
  availableParallelism?(): number;
  cpus(): readonly unknown[];
}

interface NodeProcess {
  getBuiltinModule?(name: string): unknown;
}

/**
 * The `worker_threads` host, or `undefined` outside Node.
 *
 * @example
 * nodeWorkerHost()?.kind; //=> "node" in Node
 */
export function nodeWorkerHost(): WorkerHost | undefined {
  const process = (globalThis as { process?: NodeProcess }).process;
  if (process?.getBuiltinModule === undefined) return undefined;
  const workerThreads = process.getBuiltinModule("node:worker_threads") as WorkerThreadsModule | undefined;
  const os = process.getBuiltinModule("node:os") as OsModule | undefined;
  if (workerThreads?.Worker === undefined || os === undefined) return undefined;
  const source = gemmTaskScript + nodeWorkerStart;
  return {
    kind: "node",
    cores: os.availableParallelism?.() ?? os.cpus().length,
    canWait: threadMayWait(),
    start(workerData, onError) {
      const worker = new workerThreads.Worker(source, { eval: true, workerData });
      worker.on("error", onError);
      worker.unref();
    },
  };
}
