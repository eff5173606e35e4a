import { describe, expect, it } from "vitest";
import { einsum, tensor, type Tensor } from "typed-einsum";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { randomProblem, seededRandom } from "../fixtures/random-problems.js";
import { untypedEinsum } from "../fixtures/untyped.js";

type Leaf = Tensor<number[], "float64">;

/**
 * The exact gradient of `Σ cotangent · einsum(operands)` with respect to one operand, from the definition: einsum
 * is linear in each operand, so the gradient's element e is the naive einsum with that operand replaced by the
 * unit tensor at e. `sameAs` lists the other positions that hold the same tensor (their terms add up).
 */
function referenceGradient(
  equation: string,
  operands: readonly { shape: number[]; data: number[] }[],
  position: number,
  cotangent: readonly number[],
): number[] {
  const own = operands[position]!;
  return own.data.map((_, element) => {
    const unit = own.data.map((__, at) => (at === element ? 1 : 0));
    const replaced = operands.map((operand, at) => (at === position ? { shape: operand.shape, data: unit } : operand));
    const result = naiveEinsum(equation, replaced);
    return result.data.reduce((sum, value, at) => sum + value * (cotangent[at] ?? 0), 0);
  });
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], context: string): void {
  expect(actual.length, context).toBe(expected.length);
  expected.forEach((value, index) => {
    const scale = Math.max(1, Math.abs(value));
    expect(Math.abs((actual[index] ?? Number.NaN) - value) / scale, `${context} at ${index}`).toBeLessThan(1e-9);
  });
}

describe("einsum's gradient on random problems with every grammar feature", () => {
  const random = seededRandom(2024);
  const problems = Array.from({ length: 160 }, () => randomProblem(random));
  it.each(problems.map((problem, index) => [index, problem.equation, problem] as const))("%i: %s", (_, equation, problem) => {
    const leaves = problem.operands.map((operand) => tensor(Float64Array.from(operand.data), operand.shape, { requiresGrad: true }) as Leaf);
    const out = untypedEinsum(equation, ...leaves);
    const cotangent = Array.from({ length: out.size }, (__, index) => Math.sin(index + 1));
    out.backward(tensor(cotangent, out.shape));
    leaves.forEach((leaf, position) => {
      const expected = referenceGradient(equation, problem.operands, position, cotangent);
      expectClose(leaf.grad?.data ?? [], expected, `operand ${position}`);
    });
  });
});

describe("einsum's gradient in special cases", () => {
  it("puts a trace's gradient on the diagonal", () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    einsum("ii->", x).backward();
    expect(x.grad?.toArray()).toEqual([[1, 0], [0, 1]]);
  });

  it("adds both contributions when one tensor is passed twice", () => {
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    einsum("i,i->", x, x).backward();
    expect(x.grad?.toArray()).toEqual([2, 4, 6]);
  });

  it("sums a size-1 label broadcast against a larger one back to size 1", () => {
    const a = tensor([[1, 2, 3]], { requiresGrad: true });
    const b = tensor([[1], [10]], { requiresGrad: true });
    einsum("ij,kj->kj", a, tensor([[1, 1, 1], [1, 1, 1]])).backward(tensor([1, 1, 1, 1, 1, 1], [2, 3]));
    expect(a.grad?.toArray()).toEqual([[2, 2, 2]]);
    einsum("ij->ij", b).backward(tensor([5, 6], [2, 1]));
    expect(b.grad?.toArray()).toEqual([[5], [6]]);
  });

  it("broadcasts back a label summed in one operand only, and handles scalars and zero sizes", () => {
    const a = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const s = tensor([2], [], { requiresGrad: true });
    einsum("ij,->i", a, s).backward(tensor([1, 10], [2]));
    expect(a.grad?.toArray()).toEqual([[2, 2], [20, 20]]);
    expect(s.grad?.item()).toBe(1 + 2 + 30 + 40);
    const empty = tensor([], [0, 3], { requiresGrad: true });
    const w = tensor([1, 2, 3], [3], { requiresGrad: true });
    einsum("ij,j->", empty, w).backward();
    expect(empty.grad?.shape).toEqual([0, 3]);
    expect(w.grad?.toArray()).toEqual([0, 0, 0]);
  });

  it("takes the operand-list form and sublists too", () => {
    const a = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const b = tensor([[5, 6], [7, 8]], { requiresGrad: true });
    einsum("ij,jk->", [a, b]).backward();
    expect(a.grad?.toArray()).toEqual([[11, 15], [11, 15]]);
    a.zeroGrad();
    untypedEinsum(a, [0, 1], b, [1, 2], []).backward();
    expect(a.grad?.toArray()).toEqual([[11, 15], [11, 15]]);
  });
});
