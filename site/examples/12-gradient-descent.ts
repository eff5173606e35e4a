// Gradients: fit a bilinear form by gradient descent
import { einsum, mean, mul, noGrad, randn, sub, type Tensor } from "typed-einsum";

// A teacher's weights make the targets; the student learns them back from the same inputs.
const x = randn([16, 4], { seed: 1 });
const y = randn([16, 5], { seed: 2 });
const teacher = randn([4, 5], { seed: 3 });
const target: Tensor<[16]> = einsum("bi,ij,bj->b", x, teacher, y);
const W = randn([4, 5], { seed: 4, requiresGrad: true });

const loss = (): Tensor<[]> => {
  const error: Tensor<[16]> = sub(einsum("bi,ij,bj->b", x, W, y), target);
  return mean(mul(error, error));
};

for (let step = 0; step <= 100; step++) {
  const value = loss();
  value.backward();
  const gradient: Tensor<[4, 5]> | null = W.grad;
  if (gradient === null) throw new Error("W requires grad");
  for (let index = 0; index < W.data.length; index++) W.data[index]! -= 0.1 * gradient.data[index]!;
  W.grad = null;
  if (step % 20 === 0) console.log(`step ${step}: loss ${value.item().toFixed(6)}`);
}
console.log("final loss", noGrad(loss).item());
