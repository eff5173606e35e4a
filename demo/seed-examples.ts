import { add, arange, cat, einsum, randn, softmax, sum, tanh, tensor, unsqueeze, type Tensor } from "typed-einsum";

/**
 * The examples of the article "einsum is all you need" (Tim Rocktäschel, 2018; a Chinese translation with PyTorch
 * code), written with typed-einsum. Each shows the PyTorch line, what we compute, and what the article printed,
 * so the demo can print them and the tests can assert them.
 */
export interface SeedExample {
  /** The article's section number. */
  readonly section: string;
  readonly title: string;
  /** The article's PyTorch line. */
  readonly pytorch: string;
  /** Our result. */
  readonly run: () => Tensor<readonly number[], "float64" | "float32" | "int32">;
  /** What the article printed for the result, when it printed the values. */
  readonly printed?: string;
  /** What the article printed for the result's shape, when it printed only that. */
  readonly printedShape?: readonly number[];
}

const a23 = () => arange(6).reshape([2, 3]);

/**
 * The inputs of section 2.11 exactly as the article printed them (PyTorch drew them at random), so that our batch
 * matrix product can be compared with the product the article printed.
 */
export const printedBatchInputs = {
  a: tensor([
    [
      [0.595, -0.5277, -2.984, 1.2765, 0.7984],
      [-0.6398, -1.2514, 0.7914, -0.0121, -1.7285],
    ],
    [
      [0.2307, -1.4304, 1.4129, 1.5815, 0.9152],
      [1.1122, -0.8018, -0.785, -0.3227, -1.3101],
    ],
    [
      [0.4733, 0.0346, 0.5624, -0.4903, -0.2846],
      [0.5879, -2.5767, -0.9281, -0.2841, -0.7726],
    ],
  ]),
  b: tensor([
    [
      [0.2185, 0.9919, 0.8251],
      [1.2944, 0.1446, 1.6375],
      [-0.3014, 0.7044, -0.6302],
      [0.8771, 0.5083, 0.278],
      [-0.3134, -0.6291, -0.5817],
    ],
    [
      [0.0386, 0.6317, -0.7736],
      [-0.204, -0.058, 0.3656],
      [0.3501, 0.1585, 3.0762],
      [-0.324, 1.7353, -0.6806],
      [-0.2196, -3.0822, -0.3082],
    ],
    [
      [0.4036, 0.3139, -0.5903],
      [-0.3245, 1.5031, 0.4882],
      [-0.5755, -0.4293, 1.4693],
      [-0.4305, 0.5471, -1.6474],
      [-0.1197, 0.1413, 1.1977],
    ],
  ]),
};

/**
 * The TreeQN transition of section 3.1: `zl.unsqueeze(1) + tanh(einsum("bk,aki->bai", zl, W) + b)`. The parameters
 * require grad, as in the article, and every intermediate is annotated with the exact shape the compiler gives it.
 */
export function treeQnTransition(seed: number) {
  const b: Tensor<[5, 3]> = randn([5, 3], { seed, requiresGrad: true });
  const W: Tensor<[5, 3, 3]> = randn([5, 3, 3], { seed: seed + 1, requiresGrad: true });
  const zl: Tensor<[2, 3]> = randn([2, 3], { seed: seed + 2 });
  const transformed: Tensor<[2, 5, 3]> = einsum("bk,aki->bai", zl, W);
  const out: Tensor<[2, 5, 3]> = add(unsqueeze(zl, 1), tanh(add(transformed, b)));
  return { zl, W, b, transformed, out };
}

/** The attention step's parameters (section 3.2), which require grad. */
export function attentionParameters(seed: number) {
  return {
    bM: randn([7], { seed, requiresGrad: true }),
    br: randn([7], { seed: seed + 1, requiresGrad: true }),
    w: randn([7], { seed: seed + 2, requiresGrad: true }),
    WY: randn([7, 7], { seed: seed + 3, requiresGrad: true }),
    Wh: randn([7, 7], { seed: seed + 4, requiresGrad: true }),
    Wr: randn([7, 7], { seed: seed + 5, requiresGrad: true }),
    Wt: randn([7, 7], { seed: seed + 6, requiresGrad: true }),
  };
}

/** The attention step's inputs: the premise `Y`, the hypothesis state `ht` and the previous attention `rt1`. */
export function attentionInputs(seed: number) {
  return { Y: randn([3, 5, 7], { seed: seed + 7 }), ht: randn([3, 7], { seed: seed + 8 }), rt1: randn([3, 7], { seed: seed + 9 }) };
}

/** The attention step of section 3.2 (Rocktäschel et al., ICLR 2016, equations 11–13), for given parameters and inputs. */
export function attentionStep(
  { bM, br, w, WY, Wh, Wr, Wt }: ReturnType<typeof attentionParameters>,
  { Y, ht, rt1 }: ReturnType<typeof attentionInputs>,
) {
  const tmp: Tensor<[3, 7]> = add(einsum("ik,kl->il", [ht, Wh]), einsum("ik,kl->il", [rt1, Wr]));
  const Mt: Tensor<[3, 5, 7]> = tanh(add(add(einsum("ijk,kl->ijl", [Y, WY]), unsqueeze(tmp, 1)), bM));
  const at: Tensor<[3, 5]> = softmax(einsum("ijk,k->ij", [Mt, w]), 1);
  const rt: Tensor<[3, 7]> = add(einsum("ijk,ij->ik", [Y, at]), tanh(add(einsum("ij,jk->ik", [rt1, Wt]), br)));
  return { rt, at };
}

/** The attention step of section 3.2 with parameters and inputs drawn from `seed`. */
export function attention(seed: number) {
  const parameters = attentionParameters(seed);
  return { ...attentionStep(parameters, attentionInputs(seed)), parameters };
}

/** MoCo's logits (section 3.3): positive logits by `nc,nc->n`, negative ones by `nc,ck->nk`, joined by `cat`. */
export function mocoLogits(seed: number) {
  const q: Tensor<[4, 8]> = randn([4, 8], { seed, requiresGrad: true });
  const k: Tensor<[4, 8]> = randn([4, 8], { seed: seed + 1 });
  const queue: Tensor<[8, 6]> = randn([8, 6], { seed: seed + 2 });
  const positive: Tensor<[4, 1]> = unsqueeze(einsum("nc,nc->n", [q, k]), -1);
  const negative: Tensor<[4, 6]> = einsum("nc,ck->nk", [q, queue]);
  const logits: Tensor<[4, 7]> = cat([positive, negative], 1);
  return { q, k, queue, positive, negative, logits };
}

/**
 * The gradients of section 3's examples: each result's sum back-propagated to the parameters, with the exact shape
 * of each parameter as the type of its gradient.
 */
export function sectionThreeGradients() {
  const { W, b, out } = treeQnTransition(10);
  sum(out).backward();
  const { rt, parameters } = attention(20);
  sum(rt).backward();
  const { q, logits } = mocoLogits(30);
  sum(logits).backward();
  const treeQn: { W: Tensor<[5, 3, 3]> | null; b: Tensor<[5, 3]> | null } = { W: W.grad, b: b.grad };
  const attentionW: Tensor<[7, 7]> | null = parameters.WY.grad;
  const moco: Tensor<[4, 8]> | null = q.grad;
  return { treeQn, attentionW, moco };
}

/** Every example of sections 2 and 3, in the article's order. */
export const seedExamples: readonly SeedExample[] = [
  {
    section: "2.1",
    title: "Matrix transpose",
    pytorch: "torch.einsum('ij->ji', [a])",
    run: () => einsum("ij->ji", [a23()]),
    printed: "tensor([[0, 3], [1, 4], [2, 5]])",
  },
  {
    section: "2.2",
    title: "Sum",
    pytorch: "torch.einsum('ij->', [a])",
    run: () => einsum("ij->", [a23()]),
    printed: "tensor(15)",
  },
  {
    section: "2.3",
    title: "Column sum",
    pytorch: "torch.einsum('ij->j', [a])",
    run: () => einsum("ij->j", [a23()]),
    printed: "tensor([3, 5, 7])",
  },
  {
    section: "2.4",
    title: "Row sum",
    pytorch: "torch.einsum('ij->i', [a])",
    run: () => einsum("ij->i", [a23()]),
    printed: "tensor([ 3, 12])",
  },
  {
    section: "2.5",
    title: "Matrix-vector multiplication",
    pytorch: "torch.einsum('ik,k->i', [a, b])",
    run: () => einsum("ik,k->i", [a23(), arange(3)]),
    printed: "tensor([ 5, 14])",
  },
  {
    section: "2.6",
    title: "Matrix-matrix multiplication",
    pytorch: "torch.einsum('ik,kj->ij', [a, b])",
    run: () => einsum("ik,kj->ij", [a23(), arange(15).reshape([3, 5])]),
    printed: "tensor([[ 25, 28, 31, 34, 37], [ 70, 82, 94, 106, 118]])",
  },
  {
    section: "2.7",
    title: "Dot product of vectors",
    pytorch: "torch.einsum('i,i->', [a, b])",
    run: () => einsum("i,i->", [arange(3), arange(3, 6)]),
    printed: "tensor(14)",
  },
  {
    section: "2.8",
    title: "Dot product of matrices",
    pytorch: "torch.einsum('ij,ij->', [a, b])",
    run: () => einsum("ij,ij->", [a23(), arange(6, 12).reshape([2, 3])]),
    printed: "tensor(145)",
  },
  {
    section: "2.9",
    title: "Hadamard product",
    pytorch: "torch.einsum('ij,ij->ij', [a, b])",
    run: () => einsum("ij,ij->ij", [a23(), arange(6, 12).reshape([2, 3])]),
    printed: "tensor([[ 0, 7, 16], [27, 40, 55]])",
  },
  {
    section: "2.10",
    title: "Outer product",
    pytorch: "torch.einsum('i,j->ij', [a, b])",
    run: () => einsum("i,j->ij", [arange(3), arange(3, 7)]),
    printed: "tensor([[ 0, 0, 0, 0], [ 3, 4, 5, 6], [ 6, 8, 10, 12]])",
  },
  {
    section: "2.11",
    title: "Batch matrix multiplication",
    pytorch: "torch.einsum('ijk,ikl->ijl', [a, b])",
    run: () => einsum("ijk,ikl->ijl", [printedBatchInputs.a, printedBatchInputs.b]),
    printed:
      "tensor([[[ 1.2156, -1.4416, 1.3977], [-1.4670, 0.8232, -2.0737]], " +
      "[[ 0.0818, 0.3761, 2.2866], [ 0.3240, 4.1028, -2.9448]], " +
      "[[ 0.1012, -0.3493, 1.0307], [ 1.8223, -3.5545, -3.4262]]])",
  },
  {
    section: "2.12",
    title: "Tensor contraction",
    pytorch: "torch.einsum('pqrs,tuqvr->pstuv', [a, b]).shape",
    run: () => einsum("pqrs,tuqvr->pstuv", [randn([2, 3, 5, 7], { seed: 1 }), randn([11, 13, 3, 17, 5], { seed: 2 })]),
    printedShape: [2, 7, 11, 13, 17],
  },
  {
    section: "2.13",
    title: "Bilinear transformation",
    pytorch: "torch.einsum('ik,jkl,il->ij', [a, b, c])",
    run: () =>
      einsum("ik,jkl,il->ij", [randn([2, 3], { seed: 3 }), randn([5, 3, 7], { seed: 4 }), randn([2, 7], { seed: 5 })]),
    printedShape: [2, 5],
  },
  {
    section: "3.1",
    title: "TreeQN",
    pytorch: 'zl.unsqueeze(1) + F.tanh(torch.einsum("bk,aki->bai", [zl, W]) + b)',
    run: () => treeQnTransition(10).out,
    printedShape: [2, 5, 3],
  },
  {
    section: "3.2",
    title: "Attention",
    pytorch: 'F.softmax(torch.einsum("ijk,k->ij", [Mt, w]))',
    run: () => attention(20).at,
    printedShape: [3, 5],
  },
  {
    section: "3.3",
    title: "MoCo",
    pytorch: "torch.cat([torch.einsum('nc,nc->n', [q, k]).unsqueeze(-1), torch.einsum('nc,ck->nk', [q, queue])], dim=1)",
    run: () => mocoLogits(30).logits,
    printedShape: [4, 7],
  },
];
