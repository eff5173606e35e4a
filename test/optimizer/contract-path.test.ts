import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { EinsumError } from "../../src/einsum-error.js";
import { writeInvalidNetwork } from "../../src/messages.js";
import { recomputeCost } from "./recompute.js";

describe("contractPath", () => {
  it("takes shapes, tensors (anything with a shape) and an operand list alike", () => {
    const fromShapes = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5]);
    const fromTensors = contractPath("ij,jk,kl->il", { shape: [2, 3] }, { shape: [3, 4] }, { shape: [4, 5] });
    const fromList = contractPath("ij,jk,kl->il", [[2, 3], [3, 4], [4, 5]]);
    expect(fromTensors.path).toEqual(fromShapes.path);
    expect(fromList.path).toEqual(fromShapes.path);
    // (ij,jk) first: 2·2·3·4 = 48, then ik,kl: 2·2·4·5 = 80
    expect(fromShapes.flops).toBe(128);
  });

  it("reports each step's equation, cost and result size", () => {
    const info = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5], { optimize: [[0, 1], [0, 1]] });
    expect(info.steps.map((step) => step.einsum)).toEqual(["ij,jk->ik", "kl,ik->il"]);
    expect(info.steps.map((step) => step.flops)).toEqual([48, 80]);
    expect(info.steps.map((step) => step.resultSize)).toEqual([8, 10]);
    expect(info.largestIntermediate).toBe(10);
    // everything at once: 2·3·4·5 labels, 3 operands, summed: 120·(2 + 1)
    expect(info.naiveFlops).toBe(360);
    expect(info.speedup).toBeCloseTo(360 / 128, 12);
  });

  it("prices single-operand reductions as steps of their own", () => {
    // ab->a (2·6) and ef->f (2·12) first, then a,f->af (6) and cd,af->acdf (120)
    const info = contractPath("ab,cd,ef->acdf", [2, 3], [4, 5], [4, 3]);
    expect(info.flops).toBe(162);
    expect(info.steps.filter((step) => step.positions.length === 1)).toHaveLength(2);
  });

  it("takes a network with integer labels and names its labels", () => {
    const info = contractPath({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] });
    expect(info.flops).toBe(48);
    expect(info.equation).toBe("ab,bc->ac");
    const wide = contractPath({
      inputs: [Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => i + 30)],
      output: [0, 59],
      sizes: Array.from({ length: 60 }, () => 1),
    });
    expect(new Set([...wide.equation.replace(/[,>-]/g, "")]).size).toBe(60);
  });

  it("prints a report like numpy.einsum_path's", () => {
    const report = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5]).toString();
    const lines = report.split("\n");
    expect(lines[0]).toBe("  Complete contraction:  ij,jk,kl->il");
    expect(lines[1]).toBe("         Naive scaling:  4");
    expect(lines[2]).toBe("     Optimized scaling:  3");
    expect(lines[3]).toBe("      Naive FLOP count:  3.600e+02");
    expect(lines[4]).toBe("  Optimized FLOP count:  1.280e+02");
    expect(lines[6]).toBe("  Largest intermediate:  1.000e+01 elements");
    expect(lines).toHaveLength(12);
  });

  it("draws the contraction tree as DOT", () => {
    const dot = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5], { optimize: [[0, 1], [0, 1]] }).toDot();
    expect(dot.startsWith("digraph contraction {")).toBe(true);
    expect(dot.endsWith("}")).toBe(true);
    expect(dot).toContain("input0 -> step0;");
    expect(dot).toContain("input1 -> step0;");
    expect(dot).toContain("input2 -> step1;");
    expect(dot).toContain("step0 -> step1;");
    expect(dot).toContain('label="ij,jk->ik\\n4.800e+01 flops"');
  });

  it("agrees with an independent recomputation for every method", () => {
    const shapes = [[4, 5, 3], [5, 6], [6, 3, 7], [7, 4], [3, 2]];
    const equation = "abc,bd,dce,ea,cf->f";
    for (const optimize of ["auto", "optimal", "dp", "greedy", "branch", false] as const) {
      const info = contractPath(equation, ...shapes, { optimize });
      const network = {
        inputs: [[0, 1, 2], [1, 3], [3, 2, 4], [4, 0], [2, 5]],
        output: [5],
        sizes: [4, 5, 3, 6, 7, 2],
      };
      expect(info.flops).toBe(recomputeCost(network, info.path).flops);
    }
  });

  it("refuses bad networks and operands with a code", () => {
    const codeOf = (action: () => unknown): string => {
      try {
        action();
      } catch (error) {
        if (error instanceof EinsumError) return `${error.code}: ${error.headline}`;
        throw error;
      }
      return "no error";
    };
    expect(codeOf(() => contractPath({ inputs: [[0, 5]], output: [], sizes: [2, 3] }))).toBe(
      `INVALID_NETWORK: ${writeInvalidNetwork("inputs[0][1] is 5 but sizes has 2 labels")}`,
    );
    expect(codeOf(() => contractPath({ inputs: [[0]], output: [1], sizes: [2, 3] }))).toBe(
      `INVALID_NETWORK: ${writeInvalidNetwork("output[0] is label 1, found in no input")}`,
    );
    expect(codeOf(() => contractPath({ inputs: [[0]], output: [], sizes: [-2] }))).toBe(
      `INVALID_NETWORK: ${writeInvalidNetwork("sizes[0] is -2: sizes are whole numbers from 0")}`,
    );
    expect(codeOf(() => contractPath("ij,jk", [2, 3], 7 as unknown as number[]))).toMatch(/^INVALID_OPERAND/);
    expect(codeOf(() => contractPath("ij,jk", [2, 3], [4, 5]))).toMatch(/^SIZE_MISMATCH/);
  });
});
