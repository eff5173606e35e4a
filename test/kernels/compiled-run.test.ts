import { describe, expect, it } from "vitest";
import { compileRun } from "../../src/execute/compiled-run.js";
import { runPath } from "../../src/execute/run-path.js";
import { toOperand } from "../../src/execute/operand.js";
import { einsum } from "../../src/index.js";
import { normalizeEquation } from "../../src/parse/normalize.js";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { generator, mismatch, randomData, type DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const dtypes: readonly DType[] = ["float64", "float32", "int32"];
const chainShapes = [[5, 6], [6, 7], [7, 5], [5, 6], [6, 4], [4, 2]];

function operandsFor(shapes: readonly (readonly number[])[], dtype: DType, seed: number): { shape: readonly number[]; data: ReturnType<typeof randomData> }[] {
  const random = generator(seed);
  // Small integers keep int32 products exact in the float64 reference.
  return shapes.map((shape) => {
    const data = randomData(dtype, shape.reduce((x, y) => x * y, 1), random);
    if (dtype === "int32") data.forEach((value, index) => (data[index] = value % 7));
    return { shape, data };
  });
}

describe("compileRun: the executor's plan of a path", sharedMachineTimeout, () => {
  it("plans the 6-matrix chain right to left as five thin products and nothing else", () => {
    const spec = normalizeEquation("ab,bc,cd,de,ef,fg->ag", chainShapes);
    const run = compileRun(spec, chainShapes, [[4, 5], [3, 4], [2, 3], [1, 2], [0, 1]]);
    expect(run.operands.every((operand) => operand.asIs)).toBe(true);
    expect(run.steps.map((step) => step.kind)).toEqual(["pair", "pair", "pair", "pair", "pair"]);
    expect(run.steps.map((step) => (step.kind === "pair" ? step.plan.kernel : "")).every((kernel) => kernel === "gemm")).toBe(true);
    expect(run.result).toBe(10);
    expect(run.outputShape).toEqual([5, 2]);
    expect(run.worthKeeping).toBe(true);
  });

  it("copies a lone operand even when nothing changes, and reduces operands that need it", () => {
    const lone = compileRun(normalizeEquation("ij->ij", [[2, 3]]), [[2, 3]], [[0]]);
    expect(lone.operands[0]!.asIs).toBe(false);
    const traced = compileRun(normalizeEquation("ii,ij->j", [[3, 3], [3, 4]]), [[3, 3], [3, 4]], [[0, 1]]);
    expect(traced.operands.map((operand) => operand.asIs)).toEqual([false, true]);
  });

  it("does not keep plans whose offset tables grow with the operands", () => {
    const shapes = [[40000], [40000]];
    expect(compileRun(normalizeEquation("i,j->ij", shapes), shapes, [[0, 1]]).worthKeeping).toBe(false);
  });

  it("keeps the plan of a large Hadamard product, which holds no offset table", () => {
    const shapes = [[1000, 1000], [1000, 1000]];
    expect(compileRun(normalizeEquation("ij,ji->ij", shapes), shapes, [[0, 1]]).worthKeeping).toBe(true);
  });
});

describe("runPath with kept plans", sharedMachineTimeout, () => {
  const equations: [string, number[][]][] = [
    ["ab,bc,cd,de,ef,fg->ag", chainShapes],
    ["ik,kj->ij", [[64, 64], [64, 64]]],
    ["ik,kj->ij", [[13, 7], [7, 3]]],
    ["ii,ij->j", [[5, 5], [5, 4]]],
    ["i,j->ij", [[40], [33]]],
    ["ijk->", [[5, 6, 70]]],
    ["ij->ji", [[3, 4]]],
    ["bij,bjk->bik", [[3, 4, 0], [3, 0, 5]]],
    ["ab,cd->", [[2, 3], [4, 0]]],
  ];
  for (const dtype of dtypes) {
    it(`${dtype}: repeated calls, fresh data each time, match the naive einsum`, () => {
      equations.forEach(([equation, shapes], index) => {
        for (let call = 0; call < 3; call++) {
          const operands = operandsFor(shapes, dtype, index * 10 + call);
          const before = operands.map((operand) => operand.data.slice());
          const result = einsum(equation, operands);
          const expected = naiveEinsum(equation, operands);
          expect(result.shape).toEqual(expected.shape);
          expect(result.dtype).toBe(dtype);
          expect(mismatch(result.data, expected.data, dtype, 64), `${equation}, call ${call}`).toBeUndefined();
          operands.forEach((operand, at) => {
            expect(operand.data, "inputs are not written").toEqual(before[at]);
            expect(result.data, "the result is never an input").not.toBe(operand.data);
          });
        }
      });
    });
  }

  it("reads the data of each call, not that of the call that made the plan, and mixes dtypes on one plan", () => {
    const a = { shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) };
    const b = { shape: [2, 2], data: Float64Array.of(1, 0, 0, 1) };
    expect(Array.from(einsum("ij,jk->ik", a, b).data)).toEqual([1, 2, 3, 4]);
    b.data.set([0, 1, 1, 0]);
    expect(Array.from(einsum("ij,jk->ik", a, b).data)).toEqual([2, 1, 4, 3]);
    const c = { shape: [2, 2], data: Int32Array.of(0, 2, 2, 0) };
    const mixed = einsum("ij,jk->ik", c, { shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) });
    expect(mixed.dtype).toBe("float32");
    expect(Array.from(mixed.data)).toEqual([6, 8, 2, 4]);
  });

  it("gives a new result array on every call of a lone operand", () => {
    const x = { shape: [3, 2], data: Float32Array.of(1, 2, 3, 4, 5, 6) };
    const first = einsum("ij->ij", x);
    const second = einsum("ij->ij", x);
    expect(first.data).not.toBe(second.data);
    expect(first.data).not.toBe(x.data);
    expect(Array.from(second.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("runs a spec it has never seen (the sublist form's) with the same results", () => {
    const shapes = [[4, 3], [3, 5]];
    const spec = normalizeEquation("ij,jk->ik", shapes);
    const operands = operandsFor(shapes, "float64", 99);
    const result = runPath(spec, operands.map((operand, index) => toOperand(operand, index)), [[0, 1]]);
    expect(mismatch(result.data, naiveEinsum("ij,jk->ik", operands).data, "float64", 3)).toBeUndefined();
  });
});
