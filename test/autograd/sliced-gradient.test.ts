// einsum's gradient when a memory limit slices the run: the values of an unsliced run (the exact gradient from the
// definition, and PyTorch's fixtures), with no intermediate nor intermediate's gradient over the limit.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractPath, einsum, randn, tensor, type Tensor } from "typed-einsum";
import { recordedEinsum } from "../../src/autograd/einsum-recorded.js";
import { prepareEinsum } from "../../src/execute/run-einsum.js";
import { randomProblem, seededRandom } from "../fixtures/random-problems.js";
import { expectClose, referenceGradient } from "./reference-gradient.js";

type Leaf = Tensor<number[], "float64">;

interface Problem {
  readonly name: string;
  readonly equation: string;
  readonly inputs: readonly { readonly shape: number[]; readonly data: number[] }[];
  /** Which input each operand is (a tensor passed twice appears twice); every input in turn by default. */
  readonly same: readonly number[] | null;
  /** The expected gradient of each input, when known in advance (PyTorch's). */
  readonly gradients?: readonly (readonly number[])[];
}

/** Half the largest intermediate of the free path, when the run can be sliced under it; `undefined` otherwise. */
function slicingLimit(equation: string, shapes: readonly (readonly number[])[]): number | undefined {
  const free = contractPath(equation, ...shapes.map((shape) => shape.slice()));
  const limit = Math.floor(free.largestIntermediate / 2);
  if (limit < 1) return undefined;
  try {
    const operands = shapes.map((shape) => ({ shape, data: new Float64Array(shape.reduce((size, dimension) => size * dimension, 1)) }));
    return prepareEinsum([equation, ...operands, { memoryLimit: limit }]).sliced.length > 0 ? limit : undefined;
  } catch {
    return undefined; // no slicing meets this limit
  }
}

/** Runs a problem under its limit; checks the output's values against the unsliced run and returns the leaves and the peak. */
function runUnderLimit(problem: Problem, limit: number) {
  const leaves = problem.inputs.map((input) => tensor(Float64Array.from(input.data), input.shape, { requiresGrad: true }) as Leaf);
  const operands = problem.same === null ? leaves : problem.same.map((index) => leaves[index]!);
  let peak = 0;
  const out = recordedEinsum([problem.equation, ...operands, { memoryLimit: limit }], (elements) => (peak = Math.max(peak, elements)));
  const unsliced = recordedEinsum([problem.equation, ...operands.map((operand) => tensor(operand.data.slice(), operand.shape))]);
  expectClose(out.data, Array.from(unsliced.data), "output");
  const cotangent = Array.from({ length: out.size }, (_, index) => Math.sin(index + 1));
  out.backward(tensor(cotangent, out.shape));
  return { leaves, peak, cotangent };
}

function checkProblem(problem: Problem): void {
  const operandInputs = problem.same === null ? problem.inputs : problem.same.map((index) => problem.inputs[index]!);
  const limit = slicingLimit(problem.equation, operandInputs.map((input) => input.shape))!;
  const { leaves, peak, cotangent } = runUnderLimit(problem, limit);
  expect(peak, "the largest intermediate or intermediate's gradient").toBeLessThanOrEqual(limit);
  leaves.forEach((leaf, input) => {
    const expected =
      problem.gradients?.[input] ??
      operandInputs.reduce<number[]>((sum, _, position) => {
        if ((problem.same?.[position] ?? position) !== input) return sum;
        const part = referenceGradient(problem.equation, operandInputs.map((operand) => ({ shape: operand.shape, data: [...operand.data] })), position, cotangent);
        return sum.map((value, index) => value + part[index]!);
      }, new Array<number>(problem.inputs[input]!.data.length).fill(0));
    expectClose(leaf.grad?.data ?? [], [...expected], `gradient ${input}`);
  });
}

/** The problems among `candidates` that a limit of half their largest intermediate slices. */
function slicedOnes(candidates: readonly Problem[]): Problem[] {
  return candidates.filter((problem) => {
    const inputs = problem.same === null ? problem.inputs : problem.same.map((index) => problem.inputs[index]!);
    return slicingLimit(problem.equation, inputs.map((input) => input.shape)) !== undefined;
  });
}

describe("einsum's gradient under a memory limit that slices the run", () => {
  const random = seededRandom(77);
  const randomProblems = slicedOnes(
    Array.from({ length: 400 }, (_, index) => {
      const { equation, operands } = randomProblem(random);
      return { name: `random ${index}`, equation, inputs: operands, same: null };
    }),
  ).slice(0, 40);

  it("finds enough random problems that slice", () => expect(randomProblems.length).toBeGreaterThanOrEqual(25));

  it.each(randomProblems.map((problem) => [problem.name, problem.equation, problem] as const))(
    "%s: %s equals the exact gradient, within the limit",
    (_, __, problem) => checkProblem(problem),
  );

  const fixtures: { readonly cases: readonly (Problem & { readonly cotangent: readonly number[] })[] } = JSON.parse(
    readFileSync(new URL("../fixtures/gradients-pytorch.json", import.meta.url), "utf8"),
  );
  const pytorchProblems = slicedOnes(fixtures.cases.filter((testCase) => testCase.equation !== "treeqn" && testCase.equation !== "attention"));

  it("finds PyTorch fixtures that slice", () => expect(pytorchProblems.length).toBeGreaterThanOrEqual(10));

  it.each(pytorchProblems.map((problem) => [problem.name, problem.equation, problem] as const))(
    "%s: %s equals PyTorch's gradient, within the limit",
    (_, __, testCase) => {
      const fixture = testCase as Problem & { readonly cotangent: readonly number[] };
      const operandInputs = fixture.same === null ? fixture.inputs : fixture.same.map((index) => fixture.inputs[index]!);
      const limit = slicingLimit(fixture.equation, operandInputs.map((input) => input.shape))!;
      const leaves = fixture.inputs.map((input) => tensor(Float64Array.from(input.data), input.shape, { requiresGrad: true }) as Leaf);
      const operands = fixture.same === null ? leaves : fixture.same.map((index) => leaves[index]!);
      let peak = 0;
      const out = recordedEinsum([fixture.equation, ...operands, { memoryLimit: limit }], (elements) => (peak = Math.max(peak, elements)));
      out.backward(tensor(Float64Array.from(fixture.cotangent), out.shape));
      expect(peak).toBeLessThanOrEqual(limit);
      leaves.forEach((leaf, index) => expectClose(leaf.grad?.data ?? [], [...(fixture.gradients?.[index] ?? [])], `gradient ${index}`));
    },
  );

  it("slices a chain through the public einsum, every intermediate and gradient within the limit", () => {
    const a = randn([4, 8], { seed: 1, requiresGrad: true });
    const b = randn([8, 8], { seed: 2, requiresGrad: true });
    const c = randn([8, 4], { seed: 3, requiresGrad: true });
    expect(prepareEinsum(["ab,bc,cd->ad", a, b, c, { memoryLimit: 8 }]).sliced.length).toBeGreaterThan(0);
    let peak = 0;
    const sliced = recordedEinsum(["ab,bc,cd->ad", a, b, c, { memoryLimit: 8 }], (elements) => (peak = Math.max(peak, elements)));
    expect(peak).toBeLessThanOrEqual(8);
    let unslicedPeak = 0;
    recordedEinsum(["ab,bc,cd->ad", a, b, c], (elements) => (unslicedPeak = Math.max(unslicedPeak, elements)));
    expect(unslicedPeak, "the limit does bind").toBeGreaterThan(8);
    const out = einsum("ab,bc,cd->ad", a, b, c, { memoryLimit: 8 });
    expect(Array.from(out.data)).toEqual(Array.from(sliced.data));
    out.backward(tensor(new Float64Array(16).fill(1), [4, 4]));
    const inputs = [a, b, c].map((leaf) => ({ shape: [...leaf.shape], data: Array.from(leaf.data) }));
    const ones = new Array<number>(16).fill(1);
    [a, b, c].forEach((leaf, position) =>
      expectClose(leaf.grad?.data ?? [], referenceGradient("ab,bc,cd->ad", inputs, position, ones), `gradient ${position}`),
    );
  });
});
