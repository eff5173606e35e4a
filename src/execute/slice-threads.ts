/**
 * Sliced runs on several threads: the slice workers (`slice-workers.ts`) and the calling thread claim slices from
 * a shared counter and run them with the same slicer and kernels; each worker writes its slices' results into a
 * ring of slots (`slice-ring.ts`), and the calling thread adds every slice's result into the output strictly in
 * slice order, so the output has the bits of a run on one thread. The ring holds two results per thread, or more
 * while they stay small (2^16 elements together), so only that many results wait at once. A slice that fails on a
 * worker, or that a worker has not written while the calling thread could have run it twice, is run on the calling
 * thread instead, with the same result. Each worker holds its own slice's intermediates, so a threaded run holds up
 * to `threads` slices' intermediates at once.
 */
import { preferredBackend } from "../kernels/backend.js";
import { labelledSize } from "../kernels/labelled-data.js";
import { kernelVariant } from "../kernels/wasm/kernel-variant.js";
import type { DataArray } from "../tensor/dtype.js";
import { sizeOf } from "../tensor/shape.js";
import type { CompiledRun } from "./compiled-run.js";
import type { Operand } from "./operand.js";
import {
  awaitPart,
  claimIfNext,
  closeRing,
  createRing,
  maxRingSlices,
  nextUnclaimed,
  releaseSlot,
  slicesByWorkers,
  writePart,
  type SliceRing,
} from "./slice-ring.js";
import type { SliceMessage } from "./slice-worker.js";
import { sliceWorkers } from "./slice-workers.js";
import { runSlice, slicerSteps, type Slicer } from "./slicer.js";

/**
 * The calling thread waits this long for a claimed slice, or twice its own slowest slice if longer, before it runs
 * the slice itself: a worker kept off the processor does not hold the run up.
 */
const minimumTakeOverMs = 1;
/**
 * Runs of fewer multiply-adds than this over all slices stay on one thread: sending the job to a worker and its
 * planning there cost more than the worker saves.
 */
export const minimumThreadedWork = 1 << 22;
/** The ring holds more than two results per thread while they take no more elements than this together. */
const ringElements = 1 << 16;
const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

/**
 * Runs every slice of `slicer` on up to `threads` threads and hands each slice's result to `add`, in slice order;
 * returns how many slices the workers ran. `undefined`, having run nothing, when no slice worker can run (outside
 * Node, fewer than two slices, int32 runs, less than {@link minimumThreadedWork} multiply-adds in all, or a worker
 * has failed): the caller then runs the slices itself.
 * `observe` is told the element count of every intermediate of every slice, wherever it ran.
 *
 * @example
 * if (runSlicesOnThreads(slicer, 2, addPart) === undefined) for (let index = 0; index < slicer.count; index++) addPart(index, runSlice(slicer, index));
 */
export function runSlicesOnThreads(
  slicer: Slicer,
  threads: number,
  add: (index: number, part: DataArray) => void,
  observe?: (elements: number) => void,
): number | undefined {
  const { job, count } = slicer;
  const dtype = job.dtype;
  if ((dtype !== "float64" && dtype !== "float32") || threads < 2 || count < 2 || count >= maxRingSlices) return undefined;
  const workers = sliceWorkers(threads);
  if (workers.length === 0) return undefined;
  const steps = slicerSteps(slicer);
  if (count * sliceWork(steps.run) < minimumThreadedWork) return undefined;
  let ring: SliceRing | undefined;
  try {
    const partSize = labelledSize(job.spec.output, slicer.sliceSpec.sizes);
    ring = createRing(count, ringSlots(count, workers.length + 1, partSize), partSize, steps.run.steps.length, dtype);
    const message: SliceMessage = {
      job: { ...job, operands: job.operands.map(inSharedMemory) },
      ring,
      backend: preferredBackend(),
      fused: kernelVariant() === "fused",
    };
    for (const worker of workers) worker.postMessage(message);
  } catch {
    if (ring !== undefined) closeRing(ring);
    return undefined;
  }
  try {
    consumeInOrder(slicer, ring, add, observe);
  } finally {
    closeRing(ring);
  }
  return slicesByWorkers(ring);
}

/**
 * The calling thread's share: it adds the slices into the output in order, running itself the next slice when no
 * one has claimed it, else a later one that fits in the ring, else waiting for the next one's result.
 */
function consumeInOrder(slicer: Slicer, ring: SliceRing, add: (index: number, part: DataArray) => void, observe?: (elements: number) => void): void {
  let takeOverMs = minimumTakeOverMs;
  const runHere = (slice: number, seen?: (elements: number) => void): DataArray => {
    const started = now();
    const part = runSlice(slicer, slice, 1, seen);
    takeOverMs = Math.max(takeOverMs, 2 * (now() - started));
    return part;
  };
  for (let next = 0; next < slicer.count; ) {
    const unclaimed = nextUnclaimed(ring);
    if (unclaimed === next && claimIfNext(ring, next)) {
      add(next, runHere(next, observe));
      releaseSlot(ring, next++);
      continue;
    }
    if (unclaimed > next && unclaimed < Math.min(slicer.count, next + ring.slots) && claimIfNext(ring, unclaimed)) {
      const counts: number[] = [];
      writePart(ring, unclaimed, runHere(unclaimed, (elements) => counts.push(elements)), counts, false);
      continue;
    }
    const found = awaitPart(ring, next, takeOverMs);
    if (found === "pending") continue;
    if (found === "run here") add(next, runHere(next, observe));
    else {
      const slot = next % ring.slots;
      if (observe !== undefined) for (const elements of ring.observed.subarray(slot * ring.observedPerSlice, (slot + 1) * ring.observedPerSlice)) observe(elements);
      add(next, ring.parts.subarray(slot * ring.partSize, (slot + 1) * ring.partSize));
    }
    releaseSlot(ring, next++);
  }
}

/** An operand whose data is a copy in shared memory, which every worker reads without a copy of its own. */
function inSharedMemory(operand: Operand): Operand {
  const { data } = operand;
  const bytes = data.length * data.BYTES_PER_ELEMENT;
  const shared =
    data instanceof Float64Array
      ? new Float64Array(new SharedArrayBuffer(bytes))
      : data instanceof Float32Array
        ? new Float32Array(new SharedArrayBuffer(bytes))
        : new Int32Array(new SharedArrayBuffer(bytes));
  shared.set(data);
  return { ...operand, data: shared };
}

/**
 * The ring's slots: two per thread, or as many as fit in {@link ringElements} when the slices' results are small,
 * so that a worker seldom waits for the calling thread to free a slot; never more than the slices.
 */
function ringSlots(count: number, threads: number, partSize: number): number {
  return Math.min(count, Math.max(2 * threads, Math.floor(ringElements / Math.max(1, partSize))));
}

/** The multiply-adds of one slice's steps (a reduction counted by the elements it reads). */
function sliceWork(run: CompiledRun): number {
  let work = 0;
  for (const step of run.steps) {
    if (step.kind === "reduce") work += sizeOf(step.shape);
    else {
      const { a, b } = step.plan;
      work += Math.max(step.plan.size, a.batch.length * a.rows.length * a.cols.length * b.cols.length);
    }
  }
  return work;
}
