// 3.3 MoCo
import { cat, einsum, randn, unsqueeze, type Tensor } from "typed-einsum";

// torch.cat([torch.einsum('nc,nc->n', [q, k]).unsqueeze(-1), torch.einsum('nc,ck->nk', [q, queue])], dim=1)
const q = randn([4, 8], { seed: 20 });
const k = randn([4, 8], { seed: 21 });
const queue = randn([8, 6], { seed: 22 });

const positive: Tensor<[4, 1]> = unsqueeze(einsum("nc,nc->n", q, k), -1); // one positive logit per query
const negative: Tensor<[4, 6]> = einsum("nc,ck->nk", q, queue); // one per queued key
const logits: Tensor<[4, 7]> = cat([positive, negative], 1);
console.log(logits);
