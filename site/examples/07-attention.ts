// 3.2 Attention
import { add, einsum, randn, softmax, sum, tanh, unsqueeze, type Tensor } from "typed-einsum";

// Rocktäschel et al. (ICLR 2016), equations 11–13:
//   M_t = tanh(W^y Y + (W^h h_t + W^r r_{t-1}) ⊗ e_L)
//   α_t = softmax(w^T M_t)
//   r_t = Y^T α_t + tanh(W^t r_{t-1})
const Y = randn([3, 5, 7], { seed: 7 }); // batch × length × hidden
const ht = randn([3, 7], { seed: 8 });
const rt1 = randn([3, 7], { seed: 9 });
const WY = randn([7, 7], { seed: 3, requiresGrad: true });
const Wh = randn([7, 7], { seed: 4, requiresGrad: true });
const Wr = randn([7, 7], { seed: 5, requiresGrad: true });
const Wt = randn([7, 7], { seed: 6, requiresGrad: true });
const w = randn([7], { seed: 2, requiresGrad: true });

const tmp: Tensor<[3, 7]> = add(einsum("ik,kl->il", ht, Wh), einsum("ik,kl->il", rt1, Wr));
const Mt: Tensor<[3, 5, 7]> = tanh(add(einsum("ijk,kl->ijl", Y, WY), unsqueeze(tmp, 1)));
const at: Tensor<[3, 5]> = softmax(einsum("ijk,k->ij", Mt, w), 1);
const rt: Tensor<[3, 7]> = add(einsum("ijk,ij->ik", Y, at), tanh(einsum("ij,jk->ik", rt1, Wt)));
console.log("α_t", at);
console.log("r_t", rt);

sum(rt).backward();
console.log("w.grad", w.grad); // Tensor<[7], "float64"> | null
