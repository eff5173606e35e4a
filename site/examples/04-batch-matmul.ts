// 2.11–2.12 Batch matrix multiplication and tensor contraction
import { einsum, randn } from "typed-einsum";

// 2.11 Batch matrix multiplication: torch.einsum('ijk,ikl->ijl', [a, b])
const a = randn([3, 2, 5], { seed: 1 });
const b = randn([3, 5, 3], { seed: 2 });
const c = einsum("ijk,ikl->ijl", [a, b]); // Tensor<[3, 2, 3], "float64">
console.log(c);

// 2.12 Tensor contraction: torch.einsum('pqrs,tuqvr->pstuv', [a, b]).shape
const p = randn([2, 3, 5, 7], { seed: 1 });
const q = randn([11, 13, 3, 17, 5], { seed: 2 });
const contracted = einsum("pqrs,tuqvr->pstuv", [p, q]); // Tensor<[2, 7, 11, 13, 17], "float64">
console.log(contracted.shape);
