import { describe, expect, it } from "vitest";
import { einsum, tensor, type Tensor } from "typed-einsum";
import { randomProblem, seededRandom } from "../fixtures/random-problems.js";
import { untypedEinsum } from "../fixtures/untyped.js";
import { expectClose, referenceGradient } from "./reference-gradient.js";

type Leaf = Tensor<number[], "float64">;

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
