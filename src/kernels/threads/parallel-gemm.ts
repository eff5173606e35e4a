/**
 * The threaded float GEMM: `C[b] = A[b]·B[b]` over strided views, with C overwritten, run by the calling thread
 * and the pool's workers together. The operands, their offset tables and C are copied into the shared
 * WebAssembly memory; the product is cut into items of (matrix, block of rows) that the threads claim in turn
 * (see `parallel-task.ts`); the calling thread works too, then sleeps in `Atomics.wait` (or, on a page's main
 * thread, spins) until the last item is done, and copies C back. Each item packs its rows of A and, once per matrix and thread, all of B.
 */
import { gemmSizes, type MatrixBatch } from "../gemm/gemm-problem.js";
import type { FloatData } from "../gemm/gemm-wasm.js";
import { closeClaims, closedItem, itemBits, jobSlot, runClaimedItems, runItems, type PackedMatrix } from "./parallel-task.js";
import { acquireThreadPool, reserveShared } from "./thread-pool.js";
import { kernelVariant, type KernelVariant } from "../wasm/kernel-variant.js";
import { roundUp } from "../round-up.js";

/** Products of fewer multiply-adds than this stay on one thread: waking the workers would cost more. */
export const parallelThreshold = 1 << 21;
const rowsPerPanel = 4;
const depthBlock = 256;
const rowPanelBlock = 32;
/** Items per thread, so that a thread that starts late or runs slow still gets its share. */
const itemsPerThread = 4;
/** How many items the calling thread runs before leaving the rest to the workers; `undefined`: it claims in turn. */
let callerItems: number | undefined;

/**
 * Computes `c[b] = a[b]·b[b]` on up to `threads` threads (a, b and c share one float dtype), every thread with the
 * kernels of build `variant` (by default the one {@link kernelVariant} picks, as for a product on one thread, so
 * that the result is the one-thread product's, bit for bit). Returns false,
 * having written nothing, when the product is too small to share, threads are unavailable, or the shared
 * memory cannot hold it; the caller then runs it on one thread.
 *
 * @example
 * if (!gemmParallel(a, b, c, 2)) gemm(a, b, c);
 */
export function gemmParallel(
  a: MatrixBatch<FloatData>,
  b: MatrixBatch<FloatData>,
  c: MatrixBatch<FloatData>,
  threads: number,
  variant: KernelVariant = kernelVariant(),
): boolean {
  const { batch, m, n, k } = gemmSizes(a, b);
  if (threads < 2 || k === 0 || batch * m * n * k < parallelThreshold) return false;
  const pool = acquireThreadPool(threads);
  if (pool === undefined) return false;
  const kernelSet = pool.variants.indexOf(variant);
  if (kernelSet === -1) return false;
  const participants = Math.min(threads, pool.workers + 1);
  if (participants < 2) return false;

  const double = c.data instanceof Float64Array;
  const bytes = double ? 8 : 4;
  const colsPerPanel = double ? 4 : 8;
  const itemsWanted = participants * itemsPerThread;
  const split = batch >= itemsWanted ? 1 : Math.ceil(itemsWanted / batch);
  const rowsPerItem = roundUp(Math.ceil(m / split), rowsPerPanel);
  const itemsPerMatrix = Math.ceil(m / rowsPerItem);
  const items = batch * itemsPerMatrix;
  if (items >= closedItem) return false;

  let end = 0;
  const place = (byteLength: number): number => {
    const start = roundUp(end, 64);
    end = start + byteLength;
    return start;
  };
  const layout = {
    aData: place(a.data.length * bytes),
    bData: place(b.data.length * bytes),
    cData: place(c.data.length * bytes),
    aBatch: place(a.batch.byteLength),
    aRows: place(a.rows.byteLength),
    aCols: place(a.cols.byteLength),
    bBatch: place(b.batch.byteLength),
    bRows: place(b.rows.byteLength),
    bCols: place(b.cols.byteLength),
    cBatch: place(c.batch.byteLength),
    cRows: place(c.rows.byteLength),
    cCols: place(c.cols.byteLength),
  };
  const paddedCols = roundUp(n, colsPerPanel);
  const packedBOffset = roundUp(rowsPerItem * k * bytes, 64);
  const cBlockOffset = packedBOffset + roundUp(paddedCols * k * bytes, 64);
  const scratchBytes = cBlockOffset + roundUp(rowsPerItem * paddedCols * bytes, 64);
  const scratch = place(scratchBytes * participants);
  if (!reserveShared(pool, end)) return false;

  const control = pool.control;
  closeClaims(control);
  const buffer = pool.memory.buffer;
  const floats = (at: number, length: number): FloatData =>
    double ? new Float64Array(buffer, at, length) : new Float32Array(buffer, at, length);
  const ints = (at: number, table: Int32Array): void => new Int32Array(buffer, at, table.length).set(table);
  floats(layout.aData, a.data.length).set(a.data);
  floats(layout.bData, b.data.length).set(b.data);
  // A view that covers C whole (as every pairwise step's does) leaves nothing of the old C to keep.
  if (batch * m * n !== c.data.length) floats(layout.cData, c.data.length).set(c.data);
  ints(layout.aBatch, a.batch);
  ints(layout.aRows, a.rows);
  ints(layout.aCols, a.cols);
  ints(layout.bBatch, b.batch);
  ints(layout.bRows, b.rows);
  ints(layout.bCols, b.cols);
  ints(layout.cBatch, c.batch);
  ints(layout.cRows, c.rows);
  ints(layout.cCols, c.cols);

  for (const [name, at] of Object.entries(layout)) control[jobSlot[name as keyof typeof layout]] = at;
  control[jobSlot.elementBytes] = bytes;
  control[jobSlot.items] = items;
  control[jobSlot.itemsPerMatrix] = itemsPerMatrix;
  control[jobSlot.rowsPerItem] = rowsPerItem;
  control[jobSlot.m] = m;
  control[jobSlot.n] = n;
  control[jobSlot.k] = k;
  control[jobSlot.scratch] = scratch;
  control[jobSlot.scratchBytes] = scratchBytes;
  control[jobSlot.packedB] = packedBOffset;
  control[jobSlot.cBlock] = cBlockOffset;
  control[jobSlot.depthBlock] = depthBlock;
  control[jobSlot.rowPanelBlock] = rowPanelBlock;
  control[jobSlot.threads] = participants;
  control[jobSlot.done] = 0;
  control[jobSlot.failed] = 0;
  control[jobSlot.byWorkers] = 0;
  control[jobSlot.kernelSet] = kernelSet;
  const packed: PackedMatrix = { serial: -1, matrix: -1 };
  const ownItems = Math.min(callerItems ?? 0, items);
  publish(control, ownItems);
  if (callerItems === undefined) runClaimedItems(pool.kernelSets, pool.memory, control, 0, packed);
  else runItems(pool.kernelSets, pool.memory, control, 0, 0, ownItems, packed);
  for (let done = Atomics.load(control, jobSlot.done); done < items; done = Atomics.load(control, jobSlot.done)) {
    if (pool.host.canWait) Atomics.wait(control, jobSlot.done, done);
  }
  if (control[jobSlot.failed] !== 0) return false;
  c.data.set(floats(layout.cData, c.data.length));
  return true;
}

/**
 * Starts the job: the next serial number, a claim word whose claims start at `firstClaimed` (the items before it
 * are the calling thread's), and every sleeping worker woken.
 */
function publish(control: Int32Array, firstClaimed: number): void {
  const serial = (control[jobSlot.serial]! + 1) | 0;
  control[jobSlot.serial] = serial;
  Atomics.store(control, jobSlot.claim, (serial & 4095) * 2 ** itemBits + firstClaimed);
  Atomics.notify(control, jobSlot.claim);
}

/**
 * Fixes how the items of every later threaded product are split: the calling thread runs the first `count` (all
 * of them, if the product has fewer) and the workers claim the rest; `undefined` restores claiming in turn. The
 * switch tests use to check that any split gives the same bits.
 *
 * @example
 * setCallerItems(0); // the workers run every item
 * setCallerItems(undefined);
 */
export function setCallerItems(count: number | undefined): void {
  callerItems = count;
}

/**
 * How many items of the last threaded product the workers ran (the calling thread ran the rest); 0 before any.
 *
 * @example
 * gemmParallel(a, b, c, 2);
 * itemsRunByWorkers(); //=> 4, say, of 8
 */
export function itemsRunByWorkers(): number {
  return acquireThreadPool(1)?.control[jobSlot.byWorkers] ?? 0;
}
