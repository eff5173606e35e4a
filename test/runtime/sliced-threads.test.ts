// Slices on worker threads. The slice workers run the built module dist/execute/slice-worker.js, so the threaded
// runs here use the built package (npm test builds it first; it is built here when missing); the fallback, where
// the worker module cannot be found, runs from the sources, beside which there is no built worker.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { runSliced } from "../../src/execute/run-sliced.js";
import { awaitPart, claimSlice, createRing, giveUpSlice, releaseSlot, writePart } from "../../src/execute/slice-ring.js";
import { sliceWorkersReady } from "../../src/execute/slice-workers.js";
import type { Network } from "../../src/optimizer/network.js";
import type { DataArray } from "../../src/tensor/dtype.js";
import { ensureBuilt, packageRoot } from "../editor/virtual-project.js";
import { randomOperands, specOf } from "../fixtures/network-operands.js";
import { lattice, randomRegular } from "../optimizer/generators.js";

type RunSliced = typeof import("../../src/execute/run-sliced.js");
type SliceThreads = typeof import("../../src/execute/slice-threads.js");
type Slicers = typeof import("../../src/execute/slicer.js");
type SliceWorkers = typeof import("../../src/execute/slice-workers.js");

function built<Module>(file: string): Promise<Module> {
  return import(pathToFileURL(join(packageRoot, "dist", "execute", file)).href) as Promise<Module>;
}

/** The bytes of the data: equal bytes are equal bits, signed zeros and NaNs included. */
function bytesOf(data: DataArray): number[] {
  return Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

const cases: [string, Network, number][] = [
  ["a 6×6 lattice, D=4, two open bonds", { ...lattice(6, 6, 4), output: [0, 5] }, 9],
  ["a 3-regular network of 16 tensors, D=8, two open bonds", { ...randomRegular(16, 3, 8, 3), output: [0, 3] }, 9],
];

describe("slices on worker threads", () => {
  let dist: { runSliced: RunSliced["runSliced"]; threads: SliceThreads; slicers: Slicers; workers: SliceWorkers };

  // Loading the built modules, and the worker loading them again, can take seconds on a loaded machine.
  beforeAll(async () => {
    ensureBuilt();
    const [sliced, threads, slicers, workers] = await Promise.all([
      built<RunSliced>("run-sliced.js"),
      built<SliceThreads>("slice-threads.js"),
      built<Slicers>("slicer.js"),
      built<SliceWorkers>("slice-workers.js"),
    ]);
    dist = { runSliced: sliced.runSliced, threads, slicers, workers };
    expect(await workers.sliceWorkersReady(2)).toBe(true);
  }, 120_000);

  for (const [name, network, divisor] of cases) {
    for (const dtype of ["float64", "float32"] as const) {
      it(`give the bits of one thread: ${name}, ${dtype}`, () => {
        const spec = specOf(network);
        const limit = Math.floor(contractPath(network).largestIntermediate / divisor);
        const info = contractPath(network, { memoryLimit: limit });
        const sliced = info.slicing?.labels ?? [];
        expect(info.slicing?.slices ?? 1).toBeGreaterThan(2);
        const operands = randomOperands(spec, 21, dtype);
        const one = dist.runSliced(spec, operands, info.path, sliced, 1);
        const seen: number[] = [];
        const two = dist.runSliced(spec, operands, info.path, sliced, 2, undefined, (elements) => seen.push(elements));
        expect(two.dtype).toBe(dtype);
        expect(bytesOf(two.data)).toEqual(bytesOf(one.data));
        // the same as the sources' run on one thread, and every intermediate observed, within the limit: each
        // thread keeps its own results from one of its slices to the next, so two threads compute at least as many
        const seenOnOne: number[] = [];
        const fromSources = runSliced(spec, operands, info.path, sliced, 1, undefined, (elements) => seenOnOne.push(elements));
        expect(bytesOf(fromSources.data)).toEqual(bytesOf(one.data));
        expect(seen.length).toBeGreaterThanOrEqual(seenOnOne.length);
        expect(new Set(seen)).toEqual(new Set(seenOnOne));
        expect(Math.max(...seen)).toBeLessThanOrEqual(limit);
        // the run is large enough to go to the workers
        const slicer = dist.slicers.prepareSlicer({ spec, operands, path: info.path, sliced, dtype, maxElements: 2 ** 30 });
        expect(dist.threads.runSlicesOnThreads(slicer, 2, () => undefined)).toBeDefined();
      });
    }
  }

  it("hand the slices' results over in slice order, some of them run by a worker", () => {
    const network = lattice(6, 6, 4);
    const spec = specOf(network);
    const limit = Math.floor(contractPath(network).largestIntermediate / 9);
    const info = contractPath(network, { memoryLimit: limit });
    const operands = randomOperands(spec, 5, "float64");
    const slicer = dist.slicers.prepareSlicer({ spec, operands, path: info.path, sliced: info.slicing?.labels ?? [], dtype: "float64", maxElements: 2 ** 30 });
    // A worker may be kept off the processor for a whole run on a loaded machine: a few runs give it its turn.
    let byWorkers = 0;
    const parts: number[][] = [];
    for (let attempt = 0; attempt < 20 && byWorkers === 0; attempt++) {
      const order: number[] = [];
      byWorkers = dist.threads.runSlicesOnThreads(slicer, 2, (index, part) => (order.push(index), (parts[index] = bytesOf(part)))) ?? -1;
      expect(order).toEqual(Array.from({ length: slicer.count }, (_, index) => index));
    }
    expect(byWorkers).toBeGreaterThan(0);
    expect(byWorkers).toBeLessThanOrEqual(slicer.count);
    // every slice's result, wherever it ran, has the bits of the same slice run here
    const here = dist.slicers.prepareSlicer(slicer.job);
    parts.forEach((part, index) => expect(part).toEqual(bytesOf(dist.slicers.runSlice(here, index))));
  });
});

describe("slices without worker threads", () => {
  it("run on the calling thread with the same bits when the worker module cannot be found", async () => {
    // From the sources there is no slice-worker.js beside slice-workers.ts: the workers fail to start.
    const network = lattice(5, 5, 3);
    const spec = specOf(network);
    const limit = Math.floor(contractPath(network).largestIntermediate / 9);
    const info = contractPath(network, { memoryLimit: limit });
    const operands = randomOperands(spec, 8, "float64");
    const one = runSliced(spec, operands, info.path, info.slicing?.labels ?? [], 1);
    const first = runSliced(spec, operands, info.path, info.slicing?.labels ?? [], 2);
    expect(bytesOf(first.data)).toEqual(bytesOf(one.data));
    expect(await sliceWorkersReady(2)).toBe(false);
    const after = runSliced(spec, operands, info.path, info.slicing?.labels ?? [], 2);
    expect(bytesOf(after.data)).toEqual(bytesOf(one.data));
  });
});

describe("the ring of slice results", () => {
  it("passes a written part to the calling thread, and a failed or overdue slice back to it", () => {
    const ring = createRing(5, 2, 3, 1, "float64");
    expect(claimSlice(ring)).toBe(0);
    expect(writePart(ring, 0, Float64Array.of(1, 2, 3), [3])).toBe(true);
    expect(awaitPart(ring, 0, 0)).toBe("written");
    expect(Array.from(ring.parts.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(ring.observed.subarray(0, 1))).toEqual([3]);
    releaseSlot(ring, 0);
    // slice 1 fails on its worker; slice 2 is claimed and never written: the calling thread takes both over
    expect(claimSlice(ring)).toBe(1);
    giveUpSlice(ring, 1);
    expect(awaitPart(ring, 1, 0)).toBe("run here");
    releaseSlot(ring, 1);
    expect(claimSlice(ring)).toBe(2);
    expect(awaitPart(ring, 2, 1)).toBe("run here");
    // the worker that held slice 2 finds its slot taken and writes nothing
    expect(writePart(ring, 2, Float64Array.of(7, 7, 7), [3])).toBe(false);
    expect(Array.from(ring.parts.subarray(0, 3))).toEqual([1, 2, 3]);
    releaseSlot(ring, 2);
    expect(claimSlice(ring)).toBe(3);
    expect(claimSlice(ring)).toBe(4);
    expect(claimSlice(ring)).toBeUndefined();
  });
});
