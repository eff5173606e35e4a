/**
 * Storage for the intermediates of an einsum, recycled from one call to the next. A multi-step path allocates
 * each intermediate and drops it after the next step has read it; allocating afresh costs more than the step's
 * writes where the system backs every new page on first touch (an 8 MB intermediate took 20–80 ms to fault in
 * on a virtual machine, against 1 ms to overwrite reused storage). Released arrays are kept by dtype up to a fixed
 * total and handed out again, whole, to a step that needs exactly that many elements; a step that receives one
 * overwrites every element, and an array handed to the caller as a result is never released again.
 */
import type { DataArray } from "../tensor/dtype.js";
import { allocateLike } from "./labelled-data.js";

/** Arrays smaller than this are cheap to allocate and not kept. */
const minimumBytes = 64 * 1024;
/** The most storage the pool keeps. */
const maximumBytes = 64 * 1024 * 1024;

const kept: DataArray[] = [];
let keptBytes = 0;

/**
 * Storage for `length` elements of the dtype of `like`: a released array of that exact length when the pool
 * holds one (its contents are stale: the caller overwrites it whole), else a new zeroed one.
 *
 * @example
 * const out = acquireScratch(left, 64 * 64); // then every element is written
 */
export function acquireScratch<Data extends DataArray>(like: Data, length: number): Data {
  const at = kept.findIndex((data) => data.length === length && data.constructor === like.constructor);
  if (at === -1) return allocateLike(like, length);
  const [data] = kept.splice(at, 1);
  keptBytes -= data!.byteLength;
  return data as Data;
}

/**
 * Gives an intermediate back once nothing reads it any more. Arrays the pool cannot keep (small, or past its
 * limit, which then drops the oldest) are left to the garbage collector.
 *
 * @example
 * releaseScratch(intermediate); // never touch `intermediate` after this
 */
export function releaseScratch(data: DataArray): void {
  if (data.byteLength < minimumBytes || data.byteLength > maximumBytes || kept.includes(data)) return;
  while (keptBytes + data.byteLength > maximumBytes) keptBytes -= kept.shift()!.byteLength;
  kept.push(data);
  keptBytes += data.byteLength;
}

/**
 * How many arrays and bytes the pool holds now.
 *
 * @example
 * scratchHeld(); //=> { arrays: 0, bytes: 0 } before any multi-step einsum
 */
export function scratchHeld(): { arrays: number; bytes: number } {
  return { arrays: kept.length, bytes: keptBytes };
}
