/**
 * The ring through which slice workers hand their slices' results to the calling thread, in shared memory. Slices
 * are claimed from a counter; slice `s` goes to slot `s mod slots`, which passes through these states, each a
 * number `4s + phase` that only ever grows: open for `s` (phase 0), being written (1), written (2), or taken over
 * by the calling thread (3: the slice failed on its worker, or the calling thread stopped waiting for it). Once the
 * calling thread has added slice `s` into the output, it opens the slot for `s + slots`. A closed ring (every slot
 * past any slice) tells every worker to drop what it holds.
 */
import type { DataArray } from "../tensor/dtype.js";

/** The control block's fields: the next slice to claim, the slice count, the slices workers wrote; then the slots. */
const field = { next: 0, count: 1, byWorkers: 2, firstSlot: 3 } as const;

/** The phases of a slot, added to four times its slice. */
const phase = { open: 0, writing: 1, written: 2, takenOver: 3 } as const;

/** A state above every slice's: the ring is closed. */
const closed = 0x7fffffff;

/** Rings hold fewer slices than this, so that every state fits an int32. */
export const maxRingSlices = 1 << 28;

/**
 * A ring in shared memory: the control block, each slot's part (`partSize` elements) and, per slot, the element
 * counts of the slice's intermediates (`observedPerSlice` of them).
 *
 * @example
 * const ring = createRing(16, 4, 64, 25, "float64");
 */
export interface SliceRing {
  readonly control: Int32Array;
  readonly parts: Float64Array | Float32Array;
  readonly observed: Int32Array;
  readonly slots: number;
  readonly partSize: number;
  readonly observedPerSlice: number;
}

/**
 * A new ring for `count` slices with `slots` slots, in shared memory, each slot open for its first slice.
 *
 * @example
 * createRing(16, 4, 64, 25, "float32").parts.length; //=> 256
 */
export function createRing(count: number, slots: number, partSize: number, observedPerSlice: number, dtype: "float64" | "float32"): SliceRing {
  const control = new Int32Array(new SharedArrayBuffer(4 * (field.firstSlot + slots)));
  control[field.count] = count;
  for (let slot = 0; slot < slots; slot++) control[field.firstSlot + slot] = 4 * slot + phase.open;
  const bytes = dtype === "float64" ? 8 : 4;
  const buffer = new SharedArrayBuffer(bytes * slots * partSize);
  const parts = dtype === "float64" ? new Float64Array(buffer) : new Float32Array(buffer);
  const observed = new Int32Array(new SharedArrayBuffer(4 * slots * observedPerSlice));
  return { control, parts, observed, slots, partSize, observedPerSlice };
}

/**
 * Claims the next slice for a worker: its number, or `undefined` when every slice is claimed.
 *
 * @example
 * for (let slice = claimSlice(ring); slice !== undefined; slice = claimSlice(ring)) runAndWrite(slice);
 */
export function claimSlice(ring: SliceRing): number | undefined {
  const slice = Atomics.add(ring.control, field.next, 1);
  return slice < (ring.control[field.count] as number) ? slice : undefined;
}

/**
 * Claims slice `slice` for the calling thread if no one has yet: true when it is now the caller's.
 *
 * @example
 * if (claimIfNext(ring, consumed + 1)) writePart(ring, consumed + 1, runSlice(slicer, consumed + 1), []);
 */
export function claimIfNext(ring: SliceRing, slice: number): boolean {
  return Atomics.compareExchange(ring.control, field.next, slice, slice + 1) === slice;
}

/**
 * The next slice no one has claimed.
 *
 * @example
 * nextUnclaimed(ring); //=> 0 before any claim
 */
export function nextUnclaimed(ring: SliceRing): number {
  return Atomics.load(ring.control, field.next);
}

/**
 * Writes slice `slice`'s part and its intermediates' element counts into its slot, once the calling thread has
 * opened the slot for it (this waits for that). False, having written nothing, when the slot has moved past the
 * slice: the calling thread took it over, or closed the ring.
 *
 * @example
 * writePart(ring, slice, part, counts); // then claim the next slice
 */
export function writePart(ring: SliceRing, slice: number, part: DataArray, counts: readonly number[], byWorker = true): boolean {
  const at = field.firstSlot + (slice % ring.slots);
  const open = 4 * slice + phase.open;
  for (let state = Atomics.load(ring.control, at); state < open; state = Atomics.load(ring.control, at)) {
    Atomics.wait(ring.control, at, state);
  }
  if (Atomics.compareExchange(ring.control, at, open, open + phase.writing) !== open) return false;
  const slot = slice % ring.slots;
  ring.parts.set(part, slot * ring.partSize);
  ring.observed.set(counts.slice(0, ring.observedPerSlice), slot * ring.observedPerSlice);
  if (byWorker) Atomics.add(ring.control, field.byWorkers, 1);
  Atomics.store(ring.control, at, open + phase.written);
  Atomics.notify(ring.control, at);
  return true;
}

/**
 * Marks slice `slice` as taken over by the calling thread, if it is still open: its worker failed on it.
 *
 * @example
 * giveUpSlice(ring, slice); // after the slice threw on this worker
 */
export function giveUpSlice(ring: SliceRing, slice: number): void {
  const at = field.firstSlot + (slice % ring.slots);
  const open = 4 * slice + phase.open;
  if (Atomics.compareExchange(ring.control, at, open, open + phase.takenOver) === open) Atomics.notify(ring.control, at);
}

/**
 * What the calling thread finds in the slot of slice `slice`: its part written, or to be run here (taken over,
 * or, after waiting `timeoutMs` for a claimed slice, taken over now), or still to wait for (`"pending"`, only when
 * the wait was cut short by a change of the slot).
 *
 * @example
 * const found = awaitPart(ring, consumed, 1000); // "written", "run here" or "pending"
 */
export function awaitPart(ring: SliceRing, slice: number, timeoutMs: number): "written" | "run here" | "pending" {
  const at = field.firstSlot + (slice % ring.slots);
  const open = 4 * slice + phase.open;
  const state = Atomics.load(ring.control, at);
  if (state === open + phase.written) return "written";
  if (state === open + phase.takenOver) return "run here";
  if (Atomics.wait(ring.control, at, state, timeoutMs) !== "timed-out") return "pending";
  if (state !== open) return "pending";
  // The worker that claimed the slice has not written it in that time: the calling thread runs it itself.
  return Atomics.compareExchange(ring.control, at, open, open + phase.takenOver) === open ? "run here" : "pending";
}

/**
 * Opens the slot of slice `slice`, whose part the calling thread has added into the output, for the slice
 * `slots` later.
 *
 * @example
 * releaseSlot(ring, consumed);
 */
export function releaseSlot(ring: SliceRing, slice: number): void {
  const at = field.firstSlot + (slice % ring.slots);
  Atomics.store(ring.control, at, 4 * (slice + ring.slots) + phase.open);
  Atomics.notify(ring.control, at);
}

/**
 * Closes the ring: no slice is claimed any more, and every worker holding one drops it.
 *
 * @example
 * try { runSlices(); } finally { closeRing(ring); }
 */
export function closeRing(ring: SliceRing): void {
  Atomics.store(ring.control, field.next, ring.control[field.count] as number);
  for (let slot = 0; slot < ring.slots; slot++) {
    Atomics.store(ring.control, field.firstSlot + slot, closed);
    Atomics.notify(ring.control, field.firstSlot + slot);
  }
}

/**
 * How many slices the workers wrote into the ring.
 *
 * @example
 * slicesByWorkers(ring); //=> 0 when the calling thread ran every slice
 */
export function slicesByWorkers(ring: SliceRing): number {
  return Atomics.load(ring.control, field.byWorkers);
}
