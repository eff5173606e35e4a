import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { castData } from "../../src/execute/cast.js";
import type { Operand } from "../../src/execute/operand.js";
import { promotedDType, runPath } from "../../src/execute/run-path.js";
import { addInto, cutOffset, cutOperand, forEachSlice, runSliced } from "../../src/execute/run-sliced.js";
import { splitShared } from "../../src/execute/shared-steps.js";
import { cutSlice, planOperandCut } from "../../src/execute/slice-cut.js";
import { cachedSliceSpec, cachedSplitShared } from "../../src/execute/sliced-plan-cache.js";
import { sliceValues } from "../../src/execute/slicer.js";
import { addSlice, planSliceWindow } from "../../src/execute/slice-window.js";
import type { Network } from "../../src/optimizer/network.js";
import type { NormalizedSpec } from "../../src/parse/spec.js";
import { allocate } from "../../src/tensor/dtype.js";
import { stridesOf } from "../../src/tensor/shape.js";
import { randomOperands, specOf } from "../fixtures/network-operands.js";
import { lattice, randomRegular } from "../optimizer/generators.js";
import { recomputeSlicedCost } from "../optimizer/recompute.js";

/**
 * The sliced run as its definition states it, one slice at a time from the plain pieces: the shared steps by
 * `runPath`, then per slice each operand cut element by element (`cutOperand`), `runPath` on the cuts, and the part
 * added into the output in slice order.
 */
function slicedByDefinition(spec: NormalizedSpec, operands: readonly Operand[], path: readonly (readonly number[])[], sliced: readonly number[]) {
  const dtype = promotedDType(operands);
  const outputShape = spec.output.map((label) => spec.sizes[label] as number);
  const output = allocate(dtype, outputShape.reduce((product, size) => product * size, 1));
  const split = splitShared(spec, path, sliced);
  let restSpec = spec;
  let rest = operands;
  let restPath = path;
  if (split !== undefined) {
    const asCommon = (operand: Operand): Operand => ({ ...operand, data: castData(operand.data, dtype), dtype });
    const shared = split.shared.map((part): Operand => {
      const result = runPath(part.spec, part.inputs.map((input) => asCommon(operands[input] as Operand)), part.path);
      return { shape: result.shape, data: result.data, dtype };
    });
    restSpec = split.rest.spec;
    rest = [...split.rest.inputs.map((input) => operands[input] as Operand), ...shared];
    restPath = split.rest.path;
  }
  forEachSlice(restSpec, sliced, ({ sliceSpec, isSliced, values }) => {
    const cut = rest.map((operand, index) => cutOperand(operand, restSpec.inputs[index] ?? [], isSliced, values));
    const part = runPath(sliceSpec, cut, restPath).data;
    const free = spec.output.map((label, axis) => (isSliced[label] === true ? 1 : (outputShape[axis] as number)));
    addInto(output, part, cutOffset(outputShape, spec.output, isSliced, values), free, stridesOf(outputShape));
  });
  return output;
}

const networks: [string, Network, number][] = [
  ["a 5×5 lattice, D=3, one open bond", { ...lattice(5, 5, 3), output: [0] }, 9],
  ["a 3-regular network of 16 tensors, D=3, two open bonds", { ...randomRegular(16, 3, 3, 5), output: [0, 7] }, 16],
  ["a 4×4 lattice, D=4, closed", lattice(4, 4, 4), 16],
];

describe("sliced runs with the per-slice steps planned once", () => {
  for (const [name, network, divisor] of networks) {
    for (const mix of ["float64", "float32", "float32 and float64"] as const) {
      it(`give the bits of the slice-by-slice definition: ${name}, ${mix}`, () => {
        const spec = specOf(network);
        const limit = Math.floor(contractPath(network).largestIntermediate / divisor);
        const info = contractPath(network, { memoryLimit: limit });
        const sliced = info.slicing?.order ?? [];
        expect(sliced.length).toBeGreaterThan(0);
        const operands = randomOperands(spec, 11, (index) => (mix === "float64" || (mix !== "float32" && index % 3 === 0) ? "float64" : "float32"));
        const seen: number[] = [];
        const result = runSliced(spec, operands, info.path, sliced, 1, undefined, (elements) => seen.push(elements));
        const expected = slicedByDefinition(spec, operands, info.path, sliced);
        expect(result.dtype).toBe(mix === "float32" ? "float32" : "float64");
        expect(Array.from(result.data)).toEqual(Array.from(expected));
        expect(Math.max(...seen)).toBeLessThanOrEqual(limit);
        // the same storage is reused from slice to slice: a second run gives the same bits again
        expect(Array.from(runSliced(spec, operands, info.path, sliced).data)).toEqual(Array.from(expected));
        // each step ran once per change of the sliced labels it depends on, as the plan's flops count it
        expect(seen.length).toBe(recomputeSlicedCost(network, info.path, info.slicing?.labels ?? [], sliced).runs);
      });
    }
  }
});

describe("cutting an operand for every slice", () => {
  it("copies what the element-wise cut copies, for each slice, whatever axes are sliced", () => {
    const shape = [3, 1, 4, 2, 5];
    const data = Float64Array.from({ length: 120 }, (_, index) => index * 1.5 - 7);
    const operand: Operand = { shape, data, dtype: "float64" };
    const labels = [0, 1, 2, 3, 4];
    for (const slicedLabels of [[0], [2], [4], [1], [1, 4], [0, 3], [2, 3, 4], [0, 1, 2, 3, 4]]) {
      const isSliced = labels.map((label) => slicedLabels.includes(label));
      const plan = planOperandCut(operand, labels, isSliced);
      if (plan === undefined) throw new Error("the operand is sliced");
      const sizes = [3, 4, 4, 2, 5];
      forEachSlice({ inputs: [labels], output: [], sizes, labelNames: ["a", "b", "c", "d", "e"] }, slicedLabels, ({ values }) => {
        const expected = cutOperand(operand, labels, isSliced, values);
        expect(plan.shape).toEqual(expected.shape);
        expect(Array.from(cutSlice(plan, values))).toEqual(Array.from(expected.data));
      });
    }
    expect(planOperandCut(operand, labels, [false, false, false, false, false, true])).toBeUndefined();
  });
});

describe("adding a slice's result into the output", () => {
  it("adds what the element-wise addInto adds, at the slice's place, whatever output axes are sliced", () => {
    const shape = [3, 1, 4, 2, 5];
    const labels = [0, 1, 2, 3, 4];
    const sizes = [3, 4, 4, 2, 5];
    const spec: NormalizedSpec = { inputs: [labels], output: labels, sizes, labelNames: ["a", "b", "c", "d", "e"] };
    for (const slicedLabels of [[], [0], [2], [4], [1], [1, 4], [0, 3], [2, 3, 4], [0, 1, 2, 3, 4]]) {
      const isSliced = labels.map((label) => slicedLabels.includes(label));
      const place = planSliceWindow(shape, labels, isSliced);
      const free = shape.map((size, axis) => (isSliced[axis] === true ? 1 : size));
      const byRuns = Float64Array.from({ length: 120 }, (_, index) => index / 8);
      const byElements = byRuns.slice();
      let slice = 0;
      forEachSlice(spec, slicedLabels, ({ values }) => {
        const part = Float64Array.from({ length: free.reduce((product, size) => product * size, 1) }, (_, index) => (index + 1) * 0.37 + slice++);
        addSlice(place, byRuns, part, values);
        addInto(byElements, part, cutOffset(shape, labels, isSliced, values), free, stridesOf(shape));
      });
      expect(place.shape).toEqual(free);
      expect(Array.from(byRuns)).toEqual(Array.from(byElements));
    }
  });
});

describe("numbering the slices", () => {
  it("gives slice i the values forEachSlice visits i-th", () => {
    const sizes = [3, 2, 4, 1, 5];
    const spec: NormalizedSpec = { inputs: [[0, 1, 2, 3, 4]], output: [], sizes, labelNames: ["a", "b", "c", "d", "e"] };
    for (const sliced of [[0], [4, 1], [0, 2, 4], [3, 2]]) {
      const visited: number[][] = [];
      forEachSlice(spec, sliced, ({ values }) => visited.push([...values]));
      const numbered = visited.map((_, index) => sliceValues(index, sliced, sizes, new Array<number>(5).fill(0)));
      expect(numbered).toEqual(visited);
      expect(visited.length).toBe(sliced.reduce((count, label) => count * (sizes[label] as number), 1));
    }
  });
});

describe("the plan of a sliced run, kept from call to call", () => {
  it("is the same split for an equal network, path and slicing, and another for another slicing or other names", () => {
    const network = { ...lattice(5, 5, 3), output: [0] };
    const spec = specOf(network);
    const info = contractPath(network, { memoryLimit: Math.floor(contractPath(network).largestIntermediate / 9) });
    const sliced = info.slicing?.labels ?? [];
    const split = cachedSplitShared(spec, info.path, sliced);
    expect(split).toBeDefined();
    expect(split).toEqual(splitShared(spec, info.path, sliced));
    expect(cachedSplitShared({ ...spec }, info.path.map((step) => [...step]), [...sliced])).toBe(split);
    const renamed = { ...spec, labelNames: spec.labelNames.map((name) => `${name}'`) };
    expect(cachedSplitShared(renamed, info.path, sliced)?.rest.spec.labelNames).toEqual(renamed.labelNames);
    expect(cachedSplitShared(spec, info.path, sliced.slice(1))).toEqual(splitShared(spec, info.path, sliced.slice(1)));
    const sliceSpec = cachedSliceSpec(spec, sliced);
    expect(cachedSliceSpec(spec, sliced)).toBe(sliceSpec);
    expect(sliceSpec.sizes).toEqual(spec.sizes.map((size, label) => (sliced.includes(label) ? 1 : size)));
  });
});
