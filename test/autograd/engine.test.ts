import { describe, expect, it } from "vitest";
import { add, arange, einsum, mul, noGrad, ones, randn, sum, tanh, tensor, zeros } from "typed-einsum";
import * as messages from "../../src/messages.js";
import { thrownBy } from "../fixtures/thrown-by.js";

describe("requiring grad", () => {
  it("is set by every constructor's option, and off by default", () => {
    expect(tensor(new Float64Array([1, 2]), [2], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(tensor([[1, 2]], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(zeros([2], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(ones([2], { dtype: "float32", requiresGrad: true }).dtype).toBe("float32");
    expect(randn([2], { seed: 1, requiresGrad: true }).requiresGrad).toBe(true);
    expect(tensor([1, 2], [2]).requiresGrad).toBe(false);
    expect(tensor([1, 2], [2], { dtype: "float32" }).dtype).toBe("float32");
  });

  it("is refused on int32 tensors, as PyTorch refuses it", () => {
    const error = thrownBy(() => tensor(new Int32Array([1, 2]), [2], { requiresGrad: true }));
    expect(error.code).toBe("GRAD_DTYPE");
    expect(error.message).toBe(messages.writeGradDType("int32"));
    expect(thrownBy(() => zeros([2], { dtype: "int32", requiresGrad: true })).code).toBe("GRAD_DTYPE");
    expect(thrownBy(() => arange(3).setRequiresGrad()).code).toBe("GRAD_DTYPE");
  });

  it("spreads to the results of ops, but not inside noGrad nor through detach", () => {
    const x = randn([3], { seed: 2, requiresGrad: true });
    expect(tanh(x).requiresGrad).toBe(true);
    expect(einsum("i->", x).requiresGrad).toBe(true);
    expect(noGrad(() => tanh(x)).requiresGrad).toBe(false);
    expect(tanh(x.detach()).requiresGrad).toBe(false);
    expect(tanh(x).requiresGrad).toBe(true);
  });
});

describe("backward", () => {
  it("accumulates over calls until the gradient is reset", () => {
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    sum(mul(x, x)).backward();
    sum(mul(x, x)).backward();
    expect(x.grad?.toArray()).toEqual([4, 8, 12]);
    const gradOf = () => x.grad;
    x.grad = null;
    expect(gradOf()).toBeNull();
    sum(x).backward();
    expect(gradOf()?.toArray()).toEqual([1, 1, 1]);
    x.zeroGrad();
    expect(gradOf()).toBeNull();
  });

  it("gives each leaf a gradient of its own shape and dtype, and leaves the caller's gradient unchanged", () => {
    const w = tensor([1, 2], [2], { dtype: "float32", requiresGrad: true });
    const b = tensor([0.5], [1], { requiresGrad: true });
    const out = add(mul(w, 3), b);
    expect(out.dtype).toBe("float64");
    const gradient = tensor([1, 1], [2]);
    out.backward(gradient);
    expect(w.grad?.dtype).toBe("float32");
    expect(w.grad?.toArray()).toEqual([3, 3]);
    expect(b.grad?.toArray()).toEqual([2]);
    expect(gradient.toArray()).toEqual([1, 1]);
  });

  it("adds up the paths through a shared intermediate", () => {
    const x = tensor([2], [1], { requiresGrad: true });
    const y = mul(x, x);
    add(y, y).backward();
    expect(x.grad?.toArray()).toEqual([8]);
  });

  it("refuses a missing gradient for more than one element, a gradient of another shape, and a tensor with no graph", () => {
    const x = randn([2, 3], { seed: 3, requiresGrad: true });
    const y = tanh(x);
    const missing = thrownBy(() => y.backward());
    expect(missing.code).toBe("BACKWARD_GRADIENT");
    expect(missing.message).toBe(messages.writeBackwardGradient([2, 3], "none"));
    const wrong = thrownBy(() => y.backward(zeros([3, 2])));
    expect(wrong.message).toBe(messages.writeBackwardGradient([2, 3], "one of shape [3, 2]"));
    const none = thrownBy(() => zeros([1]).backward());
    expect(none.code).toBe("NO_GRAD");
    expect(none.message).toBe(messages.writeNoGrad());
  });

  it("walks long chains without overflowing the stack", () => {
    const x = tensor([1], [1], { requiresGrad: true });
    let y = x;
    for (let step = 0; step < 5000; step++) y = add(y, 0);
    y.backward();
    expect(x.grad?.toArray()).toEqual([1]);
  });
});
