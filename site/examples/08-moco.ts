// 3.3 MoCo
import { einsum, randn, tensor } from "typed-einsum";

// torch.cat([torch.einsum('nc,nc->n', [q, k]).unsqueeze(-1), torch.einsum('nc,ck->nk', [q, queue])], dim=1)
const [N, C, K] = [4, 8, 6] as const;
const q = randn([N, C], { seed: 20 });
const k = randn([N, C], { seed: 21 });
const queue = randn([C, K], { seed: 22 });

const positive = einsum("nc,nc->n", q, k); // Tensor<[4], "float64">: one positive logit per query
const negative = einsum("nc,ck->nk", q, queue); // Tensor<[4, 6], "float64">: one per queued key

// torch.cat along dim 1: the positive logit first, then the K negative ones.
const logits = tensor(
  Array.from({ length: N * (1 + K) }, (_, at) => {
    const [row, column] = [Math.floor(at / (1 + K)), at % (1 + K)];
    return column === 0 ? positive.data[row] ?? 0 : negative.data[row * K + column - 1] ?? 0;
  }),
  [N, 1 + K],
);
console.log(logits);
