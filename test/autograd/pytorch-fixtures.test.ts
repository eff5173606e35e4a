// Gradients compared with PyTorch's, from test/fixtures/gradients-pytorch.json (made by
// scripts/make-gradient-fixtures.py with Debian's python3-torch; the command is in that script's header).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { add, einsum, softmax, tanh, tensor, unsqueeze, type Tensor } from "typed-einsum";
import { untypedEinsum } from "../fixtures/untyped.js";

interface FixtureCase {
  readonly name: string;
  readonly equation: string;
  readonly inputs: readonly { readonly shape: number[]; readonly data: number[] }[];
  readonly same: readonly number[] | null;
  readonly cotangent: readonly number[];
  readonly output: { readonly shape: number[]; readonly data: number[] };
  readonly gradients: readonly (readonly number[])[];
}

const fixtures: { readonly torch: string; readonly cases: readonly FixtureCase[] } = JSON.parse(
  readFileSync(new URL("../fixtures/gradients-pytorch.json", import.meta.url), "utf8"),
);

type Leaf = Tensor<number[], "float64">;

function expectClose(actual: ArrayLike<number>, expected: readonly number[], context: string): void {
  expect(actual.length, context).toBe(expected.length);
  expected.forEach((value, index) => {
    const error = Math.abs((actual[index] ?? Number.NaN) - value) / Math.max(1, Math.abs(value));
    expect(error, `${context} at ${index}: ${actual[index]} vs ${value}`).toBeLessThan(1e-9);
  });
}

/** The article's attention step (section 3.2), written with the library's ops. */
function attention([Y, ht, rt1, WY, Wh, Wr, Wt, bM, br, w]: Leaf[]) {
  const tmp = add(einsum("ik,kl->il", ht!, Wh!), einsum("ik,kl->il", rt1!, Wr!));
  const Mt = tanh(add(add(einsum("ijk,kl->ijl", Y!, WY!), unsqueeze(tmp, 1)), bM!));
  const at = softmax(einsum("ijk,k->ij", Mt, w!), 1);
  return add(einsum("ijk,ij->ik", Y!, at), tanh(add(einsum("ij,jk->ik", rt1!, Wt!), br!)));
}

function build(testCase: FixtureCase, leaves: Leaf[]): Tensor<readonly number[], "float64"> {
  if (testCase.equation === "treeqn") {
    const [zl, W, b] = leaves;
    return add(unsqueeze(zl!, 1), tanh(add(einsum("bk,aki->bai", zl!, W!), b!)));
  }
  if (testCase.equation === "attention") return attention(leaves);
  const operands = testCase.same === null ? leaves : testCase.same.map((index) => leaves[index]);
  return untypedEinsum(testCase.equation, ...operands) as Tensor<readonly number[], "float64">;
}

describe(`gradients equal PyTorch ${fixtures.torch}'s`, () => {
  it("has the fixtures", () => expect(fixtures.cases.length).toBeGreaterThan(200));

  it.each(fixtures.cases.map((testCase) => [testCase.name, testCase.equation, testCase] as const))("%s: %s", (_, __, testCase) => {
    const leaves = testCase.inputs.map((input) => tensor(Float64Array.from(input.data), input.shape, { requiresGrad: true }) as Leaf);
    const out = build(testCase, leaves);
    expect(out.shape).toEqual(testCase.output.shape);
    expectClose(out.data, testCase.output.data, "output");
    out.backward(tensor(Float64Array.from(testCase.cotangent), out.shape));
    leaves.forEach((leaf, index) => expectClose(leaf.grad?.data ?? [], testCase.gradients[index] ?? [], `gradient ${index}`));
  });
});
