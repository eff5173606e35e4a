// 3.1 TreeQN
import { add, einsum, randn, sum, tanh, unsqueeze, type Tensor } from "typed-einsum";

// zl.unsqueeze(1) + F.tanh(torch.einsum("bk,aki->bai", [zl, W]) + b)
const b = randn([5, 3], { seed: 10, requiresGrad: true });
const W = randn([5, 3, 3], { seed: 11, requiresGrad: true });
const zl = randn([2, 3], { seed: 12 });

const transformed: Tensor<[2, 5, 3]> = einsum("bk,aki->bai", zl, W);
const out: Tensor<[2, 5, 3]> = add(unsqueeze(zl, 1), tanh(add(transformed, b)));
console.log(out.shape);
console.log(out);

// Back-propagate the sum of the output: each gradient has its parameter's shape.
sum(out).backward();
const gradW: Tensor<[5, 3, 3]> | null = W.grad;
console.log("W.grad", gradW);
console.log("b.grad", b.grad);
