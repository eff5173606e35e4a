import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { toOperand } from "../../src/execute/operand.js";
import { runPath } from "../../src/execute/run-path.js";
import { runSliced } from "../../src/execute/run-sliced.js";
import { splitShared } from "../../src/execute/shared-steps.js";
import { normalizeEquation } from "../../src/parse/normalize.js";
import { randomOperands, specOf } from "../fixtures/network-operands.js";
import { lattice } from "../optimizer/generators.js";
import { recomputeSlicedCost } from "../optimizer/recompute.js";

describe("steps that no sliced label reaches", () => {
  it("are split off in subtrees whose inputs carry no sliced label", () => {
    // ab,bc,cd,de->ae along ((1, 2), 3), then 0: slicing a leaves the three steps over inputs 1, 2, 3 shared
    const spec = normalizeEquation("ab,bc,cd,de->ae", [[2, 3], [3, 4], [4, 5], [5, 2]]);
    const split = splitShared(spec, [[1, 2], [1, 2], [0, 1]], [0]);
    if (split === undefined) throw new Error("nothing shared");
    expect(split.shared.map((part) => part.inputs)).toEqual([[1, 2, 3]]);
    expect([...(split.shared[0]?.spec.output ?? [])].sort()).toEqual([1, 4]);
    expect(split.rest.inputs).toEqual([0]);
    expect(split.rest.spec.inputs.map((labels) => [...labels].sort())).toEqual([[0, 1], [1, 4]]);
    expect(split.rest.path).toEqual([[0, 1]]);
    expect(splitShared(spec, [[0, 1], [1, 2], [0, 1]], [0])).toBeUndefined();
  });

  it("run once: the executor forms the shared intermediates once and each slice's once per slice", () => {
    const network = { ...lattice(5, 5, 3), output: [0] };
    const spec = specOf(network);
    const limit = Math.floor(contractPath(network).largestIntermediate / 9);
    const info = contractPath(network, { memoryLimit: limit });
    const slicing = info.slicing;
    if (slicing === undefined) throw new Error("the plan is not sliced");
    const split = splitShared(spec, info.path, slicing.labels);
    const priced = recomputeSlicedCost(network, info.path, slicing.labels);
    expect(priced.shared).toBeGreaterThan(0);
    const sharedSteps = split?.shared.reduce((count, part) => count + part.path.length, 0) ?? 0;
    const sliceSteps = split?.rest.path.length ?? info.path.length;
    expect(sharedSteps + sliceSteps).toBe(info.path.length);
    const operands = randomOperands(spec, 3);
    const seen: number[] = [];
    const sliced = runSliced(spec, operands, info.path, slicing.labels, 1, undefined, (elements) => seen.push(elements));
    expect(seen.length).toBe(sharedSteps + slicing.slices * sliceSteps);
    expect(Math.max(...seen)).toBeLessThanOrEqual(limit);
    const whole = runPath(spec, operands, info.path);
    sliced.data.forEach((value, index) => {
      const expected = whole.data[index] as number;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    });
  });

  it("are not split off in int32 runs, which stay exact and int32", () => {
    const spec = normalizeEquation("ab,bc,cd,de->ae", [[2, 3], [3, 4], [4, 5], [5, 2]]);
    const operands = spec.inputs.map((labels, index) => {
      const shape = labels.map((label) => spec.sizes[label] as number);
      const size = shape.reduce((product, dimension) => product * dimension, 1);
      return toOperand({ shape, data: Int32Array.from({ length: size }, (_, i) => ((i * 7 + index) % 9) - 4) }, index);
    });
    const sliced = runSliced(spec, operands, [[1, 2], [1, 2], [0, 1]], [0]);
    const whole = runPath(spec, operands, [[1, 2], [1, 2], [0, 1]]);
    expect(sliced.dtype).toBe("int32");
    expect(Array.from(sliced.data)).toEqual(Array.from(whole.data));
  });

  it("run in the common dtype: float32 operands next to a float64 one are contracted in float64", () => {
    const spec = normalizeEquation("ab,bc,cd,de->ae", [[2, 3], [3, 4], [4, 5], [5, 2]]);
    const operands = randomOperands(spec, 7, "float32").map((operand, index) =>
      index === 0 ? { ...operand, data: Float64Array.from(operand.data), dtype: "float64" as const } : operand,
    );
    const sliced = runSliced(spec, operands, [[1, 2], [1, 2], [0, 1]], [0]);
    const whole = runPath(spec, operands, [[1, 2], [1, 2], [0, 1]]);
    expect(sliced.dtype).toBe("float64");
    sliced.data.forEach((value, index) => {
      const expected = whole.data[index] as number;
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    });
  });

  it("keep float32 operands in float32 when every operand is float32, and match the unsliced run", () => {
    const spec = normalizeEquation("ab,bc,cd,de->ae", [[2, 3], [3, 4], [4, 5], [5, 2]]);
    const operands = randomOperands(spec, 5, "float32");
    const sliced = runSliced(spec, operands, [[1, 2], [1, 2], [0, 1]], [0]);
    const whole = runPath(spec, operands, [[1, 2], [1, 2], [0, 1]]);
    expect(sliced.dtype).toBe("float32");
    sliced.data.forEach((value, index) => expect(value).toBeCloseTo(whole.data[index] as number, 5));
  });
});
