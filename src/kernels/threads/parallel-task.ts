/**
 * The work every thread of a threaded GEMM runs, the calling thread and the workers alike. This file imports
 * nothing: scripts/build-wasm.mjs compiles it to plain JavaScript and embeds it in the workers' source
 * (`worker-source.ts`), so the workers run exactly this code.
 *
 * A job is one batched product `C[b] = A[b]·B[b]` whose operands, offset tables and result live in one shared
 * WebAssembly memory. It is cut into items of (matrix, block of rows). Threads claim items from a shared
 * counter until none is left: each packs its rows of A and (once per matrix) all of B into its own scratch
 * slot, runs the SIMD kernel, and writes its rows of C through C's offset tables.
 */

/** Slots of the job's control block (an Int32Array over a SharedArrayBuffer). */
export const jobSlot = {
  /**
   * Generation (modulo 4096) × 2^19 + next unclaimed item, in one word that a thread claims by compare-and-swap.
   * While the calling thread writes a job, the item is {@link closedItem}, past any job's items.
   */
  claim: 0,
  /** Items finished in the current job. */
  done: 1,
  /** Set when an item threw: the caller then computes the product on one thread. */
  failed: 2,
  elementBytes: 3,
  items: 4,
  itemsPerMatrix: 5,
  rowsPerItem: 6,
  m: 7,
  n: 8,
  k: 9,
  aData: 10,
  aBatch: 11,
  aRows: 12,
  aCols: 13,
  bData: 14,
  bBatch: 15,
  bRows: 16,
  bCols: 17,
  cData: 18,
  cBatch: 19,
  cRows: 20,
  cCols: 21,
  scratch: 22,
  scratchBytes: 23,
  packedB: 24,
  cBlock: 25,
  depthBlock: 26,
  rowPanelBlock: 27,
  /** Threads that take part: slots from this one on sit the job out. */
  threads: 28,
  /** Counts the jobs, so that a thread knows whether the B it packed belongs to this one. */
  serial: 29,
  /** Items the workers (every slot but the calling thread's) ran in the current job. */
  byWorkers: 30,
  /** Which of the threads' kernel sets the job runs (0 plain, 1 fused): every thread runs the same build. */
  kernelSet: 31,
} as const;

/** How many Int32 slots a control block holds. */
export const jobSlotCount = 32;

/** Items a job may hold: the low bits of the claim word. */
export const itemBits = 19;

const itemScale = 2 ** itemBits;

/** The item of a claim word that no job reaches: claims are closed (see {@link closeClaims}). */
export const closedItem = itemScale - 1;
const rowsPerPanel = 4;

/**
 * The exports of the shared-memory GEMM module that a thread calls.
 *
 * @example
 * const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as ThreadKernels;
 */
export interface ThreadKernels {
  readonly gemm_f64: (mp: number, np: number, k: number, a: number, b: number, c: number, ldc: number, kc: number, mcp: number) => void;
  readonly gemm_f32: (mp: number, np: number, k: number, a: number, b: number, c: number, ldc: number, kc: number, mcp: number) => void;
  readonly pack_64: (target: number, source: number, across: number, lanes: number, along: number, depth: number, width: number) => void;
  readonly pack_32: (target: number, source: number, across: number, lanes: number, along: number, depth: number, width: number) => void;
  readonly unpack_64: (target: number, rows: number, m: number, cols: number, n: number, buffer: number, ldc: number) => void;
  readonly unpack_32: (target: number, rows: number, m: number, cols: number, n: number, buffer: number, ldc: number) => void;
}

/**
 * What a thread remembers between items: which matrix of which job its scratch slot holds B for.
 *
 * @example
 * const packed: PackedMatrix = { serial: -1, matrix: -1 };
 */
export interface PackedMatrix {
  serial: number;
  matrix: number;
}

/**
 * Stops claims on the last job before its fields are overwritten: the claim word keeps its generation and takes
 * {@link closedItem}. Without it, a thread that read the old claim word, then the next job's larger item count,
 * could claim an item of the old job and run it against the new job's half-written fields.
 *
 * @example
 * closeClaims(control); // now write the next job, then publish it
 */
export function closeClaims(control: Int32Array): void {
  Atomics.store(control, jobSlot.claim, (control[jobSlot.serial]! & 4095) * itemScale + closedItem);
}

/**
 * Claims and runs items of the current job until none is left; returns the claim word last seen, which a worker
 * then waits on.
 *
 * @example
 * runClaimedItems([kernels], memory, control, 0, { serial: -1, matrix: -1 });
 */
export function runClaimedItems(
  kernelSets: readonly ThreadKernels[],
  memory: { readonly buffer: ArrayBufferLike },
  control: Int32Array,
  slot: number,
  packed: PackedMatrix,
): number {
  for (;;) {
    const word = Atomics.load(control, jobSlot.claim);
    const item = word % itemScale;
    if (item >= control[jobSlot.items]! || slot >= control[jobSlot.threads]!) return word;
    if (Atomics.compareExchange(control, jobSlot.claim, word, word + 1) !== word) continue;
    runItems(kernelSets, memory, control, slot, item, item + 1, packed);
  }
}

/**
 * Runs items `first` to `end - 1` of the current job, which nothing else may claim (they were claimed, or the
 * job was published with its claims starting at `end`), and counts them done.
 *
 * @example
 * runItems([kernels], memory, control, 0, 0, 2, { serial: -1, matrix: -1 });
 */
export function runItems(
  kernelSets: readonly ThreadKernels[],
  memory: { readonly buffer: ArrayBufferLike },
  control: Int32Array,
  slot: number,
  first: number,
  end: number,
  packed: PackedMatrix,
): void {
  for (let item = first; item < end; item++) {
    try {
      const kernels = kernelSets[control[jobSlot.kernelSet]!];
      if (kernels === undefined) throw new Error("no such kernel set");
      runItem(kernels, memory, control, slot, item, packed);
    } catch {
      Atomics.store(control, jobSlot.failed, 1);
    }
    if (slot > 0) Atomics.add(control, jobSlot.byWorkers, 1);
    Atomics.add(control, jobSlot.done, 1);
    Atomics.notify(control, jobSlot.done);
  }
}

/**
 * A worker's life: run the items of each job as it is published, then sleep until the next one.
 *
 * @example
 * serveJobs([kernels], memory, new Int32Array(controlBuffer), 1); // never returns
 */
export function serveJobs(
  kernelSets: readonly ThreadKernels[],
  memory: { readonly buffer: ArrayBufferLike },
  control: Int32Array,
  slot: number,
): void {
  const packed: PackedMatrix = { serial: -1, matrix: -1 };
  for (;;) Atomics.wait(control, jobSlot.claim, runClaimedItems(kernelSets, memory, control, slot, packed));
}

function runItem(
  kernels: ThreadKernels,
  memory: { readonly buffer: ArrayBufferLike },
  control: Int32Array,
  slot: number,
  item: number,
  packed: PackedMatrix,
): void {
  const field = (index: number): number => control[index]!;
  const tables = new Int32Array(memory.buffer);
  const entry = (table: number, index: number): number => tables[(table >> 2) + index]!;
  const bytes = field(jobSlot.elementBytes);
  const double = bytes === 8;
  const shift = double ? 3 : 2;
  const m = field(jobSlot.m);
  const n = field(jobSlot.n);
  const k = field(jobSlot.k);
  const rowsPerItem = field(jobSlot.rowsPerItem);
  const itemsPerMatrix = field(jobSlot.itemsPerMatrix);
  const matrix = Math.floor(item / itemsPerMatrix);
  const firstRow = (item % itemsPerMatrix) * rowsPerItem;
  const rows = Math.min(rowsPerItem, m - firstRow);
  const colsPerPanel = double ? 4 : 8;
  const paddedRows = Math.ceil(rows / rowsPerPanel) * rowsPerPanel;
  const paddedCols = Math.ceil(n / colsPerPanel) * colsPerPanel;
  const scratch = field(jobSlot.scratch) + slot * field(jobSlot.scratchBytes);
  const packedA = scratch;
  const packedB = scratch + field(jobSlot.packedB);
  const cBlock = scratch + field(jobSlot.cBlock);
  const pack = double ? kernels.pack_64 : kernels.pack_32;

  // The fields are read after the claim: the job cannot change before this item is done.
  const serial = field(jobSlot.serial);
  if (packed.serial !== serial || packed.matrix !== matrix) {
    const bSource = field(jobSlot.bData) + (entry(field(jobSlot.bBatch), matrix) << shift);
    pack(packedB, bSource, field(jobSlot.bCols), n, field(jobSlot.bRows), k, colsPerPanel);
    packed.serial = serial;
    packed.matrix = matrix;
  }
  const aSource = field(jobSlot.aData) + (entry(field(jobSlot.aBatch), matrix) << shift);
  pack(packedA, aSource, field(jobSlot.aRows) + firstRow * 4, rows, field(jobSlot.aCols), k, rowsPerPanel);
  const blockLength = paddedRows * paddedCols;
  if (double) new Float64Array(memory.buffer, cBlock, blockLength).fill(0);
  else new Float32Array(memory.buffer, cBlock, blockLength).fill(0);
  const gemm = double ? kernels.gemm_f64 : kernels.gemm_f32;
  const ldc = paddedCols * bytes;
  gemm(
    paddedRows / rowsPerPanel,
    paddedCols / colsPerPanel,
    k,
    packedA,
    packedB,
    cBlock,
    ldc,
    field(jobSlot.depthBlock),
    field(jobSlot.rowPanelBlock),
  );
  const cTarget = field(jobSlot.cData) + (entry(field(jobSlot.cBatch), matrix) << shift);
  const unpack = double ? kernels.unpack_64 : kernels.unpack_32;
  unpack(cTarget, field(jobSlot.cRows) + firstRow * 4, rows, field(jobSlot.cCols), n, cBlock, ldc);
}
