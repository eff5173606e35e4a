// 2.13 Bilinear transformation
import { einsum, randn } from "typed-einsum";

// torch.einsum('ik,jkl,il->ij', [a, b, c])
const a = randn([2, 3], { seed: 3 });
const b = randn([5, 3, 7], { seed: 4 });
const c = randn([2, 7], { seed: 5 });
const d = einsum("ik,jkl,il->ij", [a, b, c]); // Tensor<[2, 5], "float64">
console.log(d);
// Three operands: the order of the pairwise products, and its report, are drawn beside.
