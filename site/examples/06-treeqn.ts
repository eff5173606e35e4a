// 3.1 TreeQN
import { einsum, ones, randn, tensor, type Tensor } from "typed-einsum";

// zl.unsqueeze(1) + F.tanh(torch.einsum("bk,aki->bai", [zl, W]) + b)
const b = randn([5, 3], { seed: 10 });
const W = randn([5, 3, 3], { seed: 11 });
const zl = randn([2, 3], { seed: 12 });
const transformed = einsum("bk,aki->bai", zl, W); // Tensor<[2, 5, 3], "float64">

// Broadcasting by einsum: an outer product with ones repeats a tensor along a new label.
const bias = einsum("ai,b->bai", b, ones([2])); // b, for every batch row
const state = einsum("bi,a->bai", zl, ones([5])); // zl.unsqueeze(1), for every action

// Element-wise work on two tensors of one shape (the compiler checks that it is one shape).
const zip = <Shape extends readonly number[]>(x: Tensor<Shape>, y: Tensor<Shape>, f: (x: number, y: number) => number) =>
  tensor(x.data.map((value, index) => f(value, y.data[index] ?? 0)), x.shape);

const out = zip(state, zip(transformed, bias, (t, c) => Math.tanh(t + c)), (z, t) => z + t);
console.log(out.shape);
console.log(out);
