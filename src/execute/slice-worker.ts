/**
 * The body of a slice worker (see `slice-workers.ts`): for each sliced run it is sent, it sets the kernels the
 * calling thread uses (WebAssembly or TypeScript, plain or fused build), plans the same slicer (its steps' compiled
 * runs kept from one run of the same spec to the next), and runs the slices it claims from the ring, writing each
 * result into its slot (`slice-ring.ts`). A slice that throws is left to the calling thread. It says it is ready
 * once loaded.
 */
import { setGemmBackend, type GemmBackend } from "../kernels/backend.js";
import { setFusedMultiplyAdd } from "../kernels/wasm/kernel-variant.js";
import type { NormalizedSpec } from "../parse/spec.js";
import { LruCache } from "./lru-cache.js";
import { claimSlice, giveUpSlice, writePart, type SliceRing } from "./slice-ring.js";
import { prepareSlicer, runSlice, type SliceJob } from "./slicer.js";

/**
 * What a slice worker is sent for one sliced run: the job (its operands in shared memory), the ring, and the
 * kernels to use.
 *
 * @example
 * worker.postMessage({ job, ring, backend: preferredBackend(), fused: kernelVariant() === "fused" });
 */
export interface SliceMessage {
  readonly job: SliceJob;
  readonly ring: SliceRing;
  readonly backend: GemmBackend;
  readonly fused: boolean;
}

interface Port {
  on(event: "message", listener: (message: SliceMessage) => void): void;
  postMessage(message: unknown): void;
}

/**
 * Runs the slices of one sliced run that this thread claims, until none is left.
 *
 * @example
 * serveSlices(message); // in a slice worker, for each message
 */
export function serveSlices({ job, ring, backend, fused }: SliceMessage): void {
  setGemmBackend(backend);
  setFusedMultiplyAdd(fused);
  let slicer;
  try {
    slicer = prepareSlicer({ ...job, spec: keptSpec(job.spec) });
  } catch {
    return;
  }
  for (let slice = claimSlice(ring); slice !== undefined; slice = claimSlice(ring)) {
    const counts: number[] = [];
    try {
      writePart(ring, slice, runSlice(slicer, slice, 1, (elements) => counts.push(elements)), counts);
    } catch {
      giveUpSlice(ring, slice);
      return;
    }
  }
}

/** The specs of earlier runs, by their content: the same object again lets the executor reuse its compiled runs. */
const specs = new LruCache<NormalizedSpec>(64);

function keptSpec(spec: NormalizedSpec): NormalizedSpec {
  const key = JSON.stringify([spec.inputs, spec.output, spec.sizes, spec.labelNames]);
  return specs.get(key, () => spec);
}

/**
 * The `workerData` a slice worker is started with: any other thread that loads this module is left alone.
 *
 * @example
 * new Worker(url, { workerData: sliceWorkerMark });
 */
export const sliceWorkerMark = "typed-einsum slice worker";

const process = (globalThis as { process?: { getBuiltinModule?(name: string): unknown } }).process;
const threads = process?.getBuiltinModule?.("node:worker_threads") as { parentPort?: Port | null; workerData?: unknown } | undefined;
const port = threads?.parentPort;
if (threads?.workerData === sliceWorkerMark && port !== undefined && port !== null) {
  port.on("message", serveSlices);
  port.postMessage("ready");
}
