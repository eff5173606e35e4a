// 300 random einsums from a wider generator than pytorch-fixtures.test.ts (ranks up to 4, labels repeated up to three
// times, `...` anywhere in the output), compared with PyTorch through the public API exactly as a user calls it:
// tensor(Float64Array, shape, { requiresGrad: true }), einsum(equation, ...operands), out.backward(tensor(cotangent,
// out.shape)), leaf.grad.data. The data is test/fixtures/gradients-pytorch-wide.json, made by
// scripts/make-gradient-fixtures.py with Debian's python3-torch (the command is in that script's header).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { einsum, tensor, type DTypeName, type Tensor } from "typed-einsum";
import { expectClose } from "./reference-gradient.js";

interface FixtureCase {
  readonly name: string;
  readonly equation: string;
  readonly inputs: readonly { readonly shape: number[]; readonly data: number[] }[];
  readonly cotangent: readonly number[];
  readonly output: { readonly shape: number[]; readonly data: number[] };
  readonly gradients: readonly (readonly number[])[];
}

const fixtures: { readonly torch: string; readonly cases: readonly FixtureCase[] } = JSON.parse(
  readFileSync(new URL("../fixtures/gradients-pytorch-wide.json", import.meta.url), "utf8"),
);

/** The equations are only known at run time, as in a user's generated code: einsum's untyped call. */
const runtimeEinsum = einsum as unknown as (equation: string, ...operands: unknown[]) => Tensor<number[], DTypeName>;

describe(`gradients equal PyTorch ${fixtures.torch}'s on 300 wider random problems`, () => {
  it("has the fixtures, with every feature", () => {
    expect(fixtures.cases.length).toBe(300);
    const equations = fixtures.cases.map((testCase) => testCase.equation);
    expect(equations.filter((equation) => equation.includes("...")).length).toBeGreaterThan(50);
    expect(equations.filter((equation) => !equation.includes("->")).length).toBeGreaterThan(50);
    expect(equations.filter((equation) => equation.split(",").length === 4).length).toBeGreaterThan(30);
    expect(equations.filter((equation) => /(\w)\w*\1/.test(equation.split("->")[0]!.split(",").join(" "))).length).toBeGreaterThan(50);
  });

  it.each(fixtures.cases.map((testCase) => [testCase.name, testCase.equation, testCase] as const))("%s: %s", (_, __, testCase) => {
    const leaves = testCase.inputs.map((input) => tensor(Float64Array.from(input.data), input.shape, { requiresGrad: true }));
    const out = runtimeEinsum(testCase.equation, ...leaves);
    expect(out.shape).toEqual(testCase.output.shape);
    expectClose(out.data, testCase.output.data, "output");
    out.backward(tensor(Float64Array.from(testCase.cotangent), out.shape));
    leaves.forEach((leaf, index) => expectClose(leaf.grad?.data ?? [], testCase.gradients[index] ?? [], `gradient ${index}`));
  });
});
