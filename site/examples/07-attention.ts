// 3.2 Attention
import { einsum, ones, randn, tensor, type Tensor } from "typed-einsum";

// Rocktäschel et al. (ICLR 2016), equations 11–13:
//   M_t = tanh(W^y Y + (W^h h_t + W^r r_{t-1}) ⊗ e_L)
//   α_t = softmax(w^T M_t)
//   r_t = Y^T α_t + tanh(W^t r_{t-1})
const Y = randn([3, 5, 7], { seed: 7 }); // batch × length × hidden
const ht = randn([3, 7], { seed: 8 });
const rt1 = randn([3, 7], { seed: 9 });
const [WY, Wh, Wr, Wt] = [3, 4, 5, 6].map((seed) => randn([7, 7], { seed }));
const w = randn([7], { seed: 2 });
if (!(WY && Wh && Wr && Wt)) throw new Error("four weight matrices");

const zip = <Shape extends readonly number[]>(x: Tensor<Shape>, y: Tensor<Shape>, f: (x: number, y: number) => number) =>
  tensor(x.data.map((value, index) => f(value, y.data[index] ?? 0)), x.shape);
const softmaxRows = <Shape extends readonly [number, number]>(x: Tensor<Shape>) => {
  const width = x.shape[1];
  const exps = x.data.map(Math.exp);
  return tensor(exps.map((value, index) => value / exps.subarray(index - (index % width), index - (index % width) + width).reduce((s, e) => s + e, 0)), x.shape);
};

const tmp = zip(einsum("ik,kl->il", ht, Wh), einsum("ik,kl->il", rt1, Wr), (x, y) => x + y);
const Mt = zip(einsum("ijk,kl->ijl", Y, WY), einsum("il,j->ijl", tmp, ones([5])), (x, y) => Math.tanh(x + y));
const at = softmaxRows(einsum("ijk,k->ij", Mt, w)); // Tensor<[3, 5], "float64">
const rt = zip(einsum("ijk,ij->ik", Y, at), einsum("ij,jk->ik", rt1, Wt), (x, y) => x + Math.tanh(y));
console.log("α_t", at);
console.log("r_t", rt);
