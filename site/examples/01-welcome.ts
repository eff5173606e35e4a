// Welcome: the compiler reads your equations
import { arange, contractPath, einsum, randn } from "typed-einsum";

// Hover over `c` to see its exact shape: Tensor<[2, 5], "int32">.
const a = arange(6).reshape([2, 3]);
const b = arange(15).reshape([3, 5]);
const c = einsum("ik,kj->ij", a, b);
console.log(c.shape, c.dtype);
console.log(c);

// Three operands: the optimizer picks an order, drawn on the right.
const x = randn([8, 32], { seed: 1 });
const W = randn([64, 32, 16], { seed: 2 });
const y = randn([8, 16], { seed: 3 });
const scores = einsum("ik,jkl,il->ij", x, W, y); // Tensor<[8, 64], "float64">
console.log(scores.shape);
const { speedup } = contractPath("ik,jkl,il->ij", x, W, y);
console.log(`${speedup.toFixed(2)} times fewer operations than the naive sum`);

// Try it: change "kj" to "jk" below to see the compiler's message, or delete "ik"
// after "->" and press Ctrl+Space for the labels you may use there.
const bt = arange(15).reshape([5, 3]);
const d = einsum("ij,kj->ik", a, bt); // a times bt transposed: Tensor<[2, 5], "int32">
console.log(d);
