// Shape errors, caught before you run
import { einsum, randn } from "typed-einsum";

const a = randn([2, 3], { seed: 1 });
const b = randn([4, 5], { seed: 2 });

// The editor underlines this call: label 'j' has size 3 in operand 0 but 4 in operand 1.
// Run it anyway: the runtime throws an EinsumError with the same message.
const c = einsum("ij,jk->ik", a, b);
console.log(c.shape);
