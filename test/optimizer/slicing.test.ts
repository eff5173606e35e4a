import { describe, expect, it } from "vitest";
import { contractExpression } from "../../src/contract-expression.js";
import { contractPath } from "../../src/contract-path.js";
import { EinsumError } from "../../src/einsum-error.js";
import { toOperand } from "../../src/execute/operand.js";
import { runPath } from "../../src/execute/run-path.js";
import { runSliced } from "../../src/execute/run-sliced.js";
import { writeMemoryLimitUnmet } from "../../src/messages.js";
import type { Network } from "../../src/optimizer/network.js";
import { priceSlicing, slicedTotal } from "../../src/optimizer/slicing.js";
import { seededRandom } from "../../src/optimizer/random.js";
import { specOf } from "../fixtures/network-operands.js";
import { untypedEinsum } from "../fixtures/untyped.js";
import { randomRegular } from "./generators.js";
import { cheapestOrderTotal, recomputeSlicedCost } from "./recompute.js";

/** Operands of a network filled with small whole numbers, so that every summation order gives the same bits. */
function operandsOf(network: Network, seed: number, whole = true): { shape: number[]; data: Float64Array }[] {
  const random = seededRandom(seed);
  return network.inputs.map((labels) => {
    const shape = labels.map((label) => network.sizes[label] as number);
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    return { shape, data: Float64Array.from({ length: size }, () => (whole ? Math.floor(random() * 3) - 1 : random() - 0.5)) };
  });
}

/** The network in einsum's sublist form: operand, labels, ..., output labels. */
function sublistArguments(network: Network, operands: readonly unknown[]): unknown[] {
  return [...network.inputs.flatMap((labels, index) => [operands[index], labels]), network.output];
}

const networks: readonly (readonly [string, Network])[] = [
  ["random 3-regular, 60 tensors, D=2", randomRegular(60, 3, 2, 2)],
  ["random 3-regular, 60 tensors, D=2, two open legs", { ...randomRegular(60, 3, 2, 2), output: [0, 7] }],
];

describe("slicing under memoryLimit", () => {
  it.each(networks)("%s: a sixteenth of the free path's largest intermediate fits, priced slice by slice", (_, network) => {
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const info = contractPath(network, { memoryLimit: limit });
    const slicing = info.slicing;
    if (slicing === undefined) throw new Error("the plan is not sliced");
    expect(info.largestIntermediate).toBeLessThanOrEqual(limit);
    expect(slicing.slices).toBe(slicing.labels.reduce((product, label) => product * (network.sizes[label] as number), 1));
    // priced again independently, with the sliced labels at size 1 and the steps they do not reach once
    const slice = recomputeSlicedCost(network, info.path, slicing.labels, slicing.order);
    expect(slice.perSlice).toBe(slicing.sliceFlops);
    expect(slice.shared).toBe(slicing.sharedFlops);
    expect(slice.largest).toBeLessThanOrEqual(limit);
    expect(info.flops).toBe(slice.total);
    // slicing repeats some work; with bonds of size 2 a sixteenth leaves 64 elements, and the searched labels cost
    // under 2.5 times the free path here (bonds of size 3 and 4 stay within twice: see slice-search.test.ts)
    expect(info.flops).toBeGreaterThanOrEqual(free.flops);
    expect(info.flops).toBeLessThanOrEqual(2.5 * free.flops);
    expect(info.toString()).toContain(`Sliced labels:  ${slicing.names} (${slicing.slices} slices)`);
    expect(info.toDot()).toContain(`sliced over ${slicing.names}: ${slicing.slices} slices`);
    expect(info.toString()).toMatch(/Shared FLOP count: {2}\S+ \(once, before the slices\)/);
    expect(info.toDot()).toContain("flops shared");
  });

  it.each(networks)("%s: einsum in the sublist form gives the unsliced result, within the limit", (_, network) => {
    const operands = operandsOf(network, 3);
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const unsliced = untypedEinsum(...sublistArguments(network, operands));
    const sliced = untypedEinsum(...sublistArguments(network, operands), { memoryLimit: limit });
    expect(Array.from(sliced.data)).toEqual(Array.from(unsliced.data));
    expect(sliced.shape).toEqual(unsliced.shape);
  });

  it("never forms an intermediate over the limit, measured in the executor, and is bit-identical across threads", () => {
    const spec = specOf({ ...randomRegular(60, 3, 2, 2), output: [0, 7] });
    const free = contractPath(spec);
    const limit = Math.floor(free.largestIntermediate / 16);
    const info = contractPath(spec, { memoryLimit: limit });
    const labels = info.slicing?.labels ?? [];
    expect(labels.length).toBeGreaterThan(0);
    const operands = operandsOf(spec, 5, false).map((operand, index) => toOperand(operand, index));
    let peak = 0;
    const one = runSliced(spec, operands, info.path, labels, 1, undefined, (elements) => (peak = Math.max(peak, elements)));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(limit);
    let unslicedPeak = 0;
    const whole = runPath(spec, operands, info.path, 1, undefined, (elements) => (unslicedPeak = Math.max(unslicedPeak, elements)));
    expect(unslicedPeak).toBeGreaterThan(limit);
    const two = runSliced(spec, operands, info.path, labels, 2);
    expect(Array.from(two.data)).toEqual(Array.from(one.data));
    one.data.forEach((value, index) => {
      const expected = whole.data[index] as number;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    });
  });

  it("gives the same bits through einsum with 1 and 2 threads, shared steps included", () => {
    const network = { ...randomRegular(40, 3, 4, 1), output: [3] };
    const operands = operandsOf(network, 11, false);
    const limit = Math.floor(contractPath(network).largestIntermediate / 16);
    const info = contractPath(network, { memoryLimit: limit });
    expect(info.slicing?.sharedFlops ?? 0).toBeGreaterThan(0);
    const one = untypedEinsum(...sublistArguments(network, operands), { memoryLimit: limit, threads: 1 });
    const two = untypedEinsum(...sublistArguments(network, operands), { memoryLimit: limit, threads: 2 });
    expect(Array.from(two.data)).toEqual(Array.from(one.data));
    const unsliced = untypedEinsum(...sublistArguments(network, operands));
    one.data.forEach((value, index) => {
      const expected = unsliced.data[index] as number;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    });
  }, 30_000);

  it("prices a slicing with its shared steps once and each other step once per change of its sliced labels, in the cheapest loop order, as an independent recount does", () => {
    const random = seededRandom(5);
    for (const network of [randomRegular(20, 3, 3, 4), { ...randomRegular(30, 3, 2, 6), output: [2, 9] }]) {
      const { path } = contractPath(network, { optimize: "greedy" });
      for (let trial = 0; trial < 6; trial++) {
        const labels = network.sizes.map((_, label) => label).filter(() => random() < 0.1);
        const priced = priceSlicing(network, path, labels);
        const recount = recomputeSlicedCost(network, path, labels, priced.order);
        expect(priced.sliceFlops).toBe(recount.perSlice);
        expect(priced.sharedFlops).toBe(recount.shared);
        expect(priced.slices).toBe(recount.slices);
        expect(priced.largestIntermediate).toBe(recount.largest);
        expect(slicedTotal(priced)).toBe(recount.total);
        // the loop order is the cheapest of all orders, each recounted slice by slice
        if (labels.length <= 5) expect(priced.flops).toBe(cheapestOrderTotal(network, path, labels));
        expect(priced.flops).toBeLessThanOrEqual(priced.sharedFlops + priced.slices * priced.sliceFlops);
      }
    }
  });

  it("slices a given path so that it fits, with its shared steps once", () => {
    const network = randomRegular(40, 3, 4, 1);
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const info = contractPath(network, { optimize: free.path, memoryLimit: limit });
    const slicing = info.slicing;
    if (slicing === undefined) throw new Error("the plan is not sliced");
    const recount = recomputeSlicedCost(network, info.path, slicing.labels, slicing.order);
    expect(info.path).toEqual(free.path);
    expect(recount.largest).toBeLessThanOrEqual(limit);
    expect(recount.shared).toBeGreaterThan(0);
    expect(info.flops).toBe(recount.total);
    // greedily on the free path (no tree search): 1.27 times the free path here
    expect(info.flops).toBeLessThanOrEqual(1.5 * free.flops);
  });

  it("runs sliced plans in contractExpression", () => {
    const expression = contractExpression("ab,bc,cd->ad", [4, 8], [8, 8], [8, 4], { memoryLimit: 8 });
    const a = { shape: [4, 8] as const, data: Float64Array.from({ length: 32 }, (_, i) => (i % 5) - 2) };
    const b = { shape: [8, 8] as const, data: Float64Array.from({ length: 64 }, (_, i) => (i % 3) - 1) };
    const c = { shape: [8, 4] as const, data: Float64Array.from({ length: 32 }, (_, i) => (i % 7) - 3) };
    const expected = untypedEinsum("ab,bc,cd->ad", a, b, c);
    expect(Array.from(expression(a, b, c).data)).toEqual(Array.from(expected.data));
    expect(contractPath("ab,bc,cd->ad", [4, 8], [8, 8], [8, 4], { memoryLimit: 8 }).largestIntermediate).toBeLessThanOrEqual(8);
  });

  it("throws MEMORY_LIMIT when no slicing can meet the limit at a bearable cost", () => {
    const dense = { ...randomRegular(16, 3, 3, 9), output: [0, 5] };
    const free = contractPath(dense);
    expect(() => contractPath(dense, { memoryLimit: Math.floor(free.largestIntermediate / 16) })).toThrow(
      writeMemoryLimitUnmet(Math.floor(free.largestIntermediate / 16)),
    );
  });

  it("throws MEMORY_LIMIT when no slicing can meet the limit", () => {
    let thrown: unknown;
    try {
      contractPath("ab,bc->ac", [2, 3], [3, 4], { memoryLimit: 0 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EinsumError);
    expect((thrown as EinsumError).code).toBe("MEMORY_LIMIT");
    expect((thrown as EinsumError).message).toBe(writeMemoryLimitUnmet(0));
  });
});
