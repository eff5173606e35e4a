import { describe, expect, it } from "vitest";
import { einsum, grad, mul, ones, sum, tanh, tensor, vjp, type Tensor } from "typed-einsum";

describe("the functional forms", () => {
  it("vjp gives the result and a pullback equal to backward()'s gradients, without touching the primals", () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]]);
    const b = tensor([[1, 0], [0, 1], [1, 1]]);
    const [out, pullback] = vjp((x, y) => einsum("ij,jk->ik", x, y), a, b);
    expect(out.toArray()).toEqual([[4, 5], [10, 11]]);
    const [da, db] = pullback(ones([2, 2]));
    // d Σ(a·b) / da[i, j] = Σ_k b[j, k]; d / db[j, k] = Σ_i a[i, j]
    expect(da.toArray()).toEqual([[1, 1, 2], [1, 1, 2]]);
    expect(db.toArray()).toEqual([[5, 5], [7, 7], [9, 9]]);
    expect(pullback(ones([2, 2]))[0].toArray()).toEqual([[1, 1, 2], [1, 1, 2]]);
    expect(a.requiresGrad).toBe(false);
    expect(a.grad).toBeNull();
  });

  it("grad differentiates a loss with respect to every argument, zeros for an unused one", () => {
    const gradients = grad((x: Tensor<[3]>, unused: Tensor<[2]>) => sum(mul(tanh(x), unused.size)));
    const [dx, dUnused] = gradients(tensor([0, 1, -1]), tensor([5, 6]));
    [0, 1, -1].forEach((value, index) => expect(dx.data[index]).toBeCloseTo(2 * (1 - Math.tanh(value) ** 2), 14));
    expect(dUnused.toArray()).toEqual([0, 0]);
  });
});
