// Contraction paths: a chain of five matrices
import { contractPath, einsum, randn } from "typed-einsum";

// The order matters: left to right costs far more than the optimizer's order.
const A = randn([4, 64], { seed: 1 });
const B = randn([64, 8], { seed: 2 });
const C = randn([8, 64], { seed: 3 });
const D = randn([64, 16], { seed: 4 });
const E = randn([16, 2], { seed: 5 });

const chain = einsum("ab,bc,cd,de,ef->af", A, B, C, D, E); // Tensor<[4, 2], "float64">
console.log(chain);

const optimal = contractPath("ab,bc,cd,de,ef->af", A, B, C, D, E, { optimize: "optimal" });
const leftToRight = contractPath("ab,bc,cd,de,ef->af", A, B, C, D, E, { optimize: false });
console.log("optimal order:", JSON.stringify(optimal.path), "flops", optimal.flops);
console.log("left to right:", JSON.stringify(leftToRight.path), "flops", leftToRight.flops);
