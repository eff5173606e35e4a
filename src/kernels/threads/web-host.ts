/**
 * The worker host of browsers: module Web Workers started from a blob URL of the task script, each sent the
 * shared memory in its first message. Shared WebAssembly memory needs a cross-origin isolated page (served with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`); elsewhere there
 * is no `SharedArrayBuffer` and products run on one thread.
 *
 * A Web Worker starts running only once the page returns to its event loop, so the workers started by a call
 * join in from the next call on; until then the calling thread claims every item itself. On the page's main
 * thread, which may not block in `Atomics.wait`, the caller spins on the job's counter while the workers finish
 * the items they hold.
 */
import { threadMayWait, type WorkerHost } from "./worker-host.js";
import { gemmTaskScript, webWorkerStart } from "./worker-source.js";

interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: "error" | "messageerror", listener: () => void): void;
}

interface WebGlobals {
  readonly Worker?: new (url: string, options: { type: "module"; name: string }) => WebWorker;
  readonly Blob?: new (parts: readonly string[], options: { type: string }) => unknown;
  readonly URL?: { createObjectURL?(blob: unknown): string };
  readonly navigator?: { readonly hardwareConcurrency?: number };
  readonly crossOriginIsolated?: boolean;
}

/**
 * The Web Worker host, or `undefined` where Web Workers, blob URLs or cross-origin isolation are missing.
 *
 * @example
 * webWorkerHost()?.kind; //=> "web" on a cross-origin isolated page
 */
export function webWorkerHost(): WorkerHost | undefined {
  const web = globalThis as unknown as WebGlobals;
  const { Worker, Blob, URL } = web;
  if (Worker === undefined || Blob === undefined || URL?.createObjectURL === undefined) return undefined;
  if (web.crossOriginIsolated === false) return undefined;
  let url: string | undefined;
  return {
    kind: "web",
    cores: web.navigator?.hardwareConcurrency ?? 1,
    canWait: threadMayWait(),
    start(message, onError) {
      url ??= URL.createObjectURL!(new Blob([gemmTaskScript + webWorkerStart], { type: "text/javascript" }));
      const worker = new Worker(url, { type: "module", name: `typed-einsum GEMM ${message.slot}` });
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", onError);
      worker.postMessage(message);
    },
  };
}
