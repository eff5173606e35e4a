"""PyTorch's forward and backward times for the cases of bench/gradients.ts, as JSON on stdout (float64, one thread
of the same machine's CPU, best of several runs of each phase). Run by bench/gradients.ts with /usr/bin/python3 (Debian's
python3-torch); it fails, and the bench says so, when torch is not installed."""
import json
import time

import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)


def phase_times(forward, leaves, budget=1.5):
    """The best forward and the best backward time (ms) over runs of both, after a warm-up run."""
    best_forward = best_backward = float("inf")
    start = time.perf_counter()
    run = 0
    while run < 6 or (time.perf_counter() - start < budget and run < 500):
        for leaf in leaves:
            leaf.grad = None
        before = time.perf_counter()
        out = forward()
        between = time.perf_counter()
        out.backward(torch.ones_like(out))
        after = time.perf_counter()
        if run > 0:
            best_forward = min(best_forward, between - before)
            best_backward = min(best_backward, after - between)
        run += 1
    return best_forward * 1000, best_backward * 1000


def chain():
    sizes = [250, 250, 250, 250, 250, 250, 2]
    leaves = [torch.randn(sizes[i], sizes[i + 1], requires_grad=True) for i in range(6)]
    return leaves, lambda: torch.einsum("ab,bc,cd,de,ef,fg->ag", *leaves)


def attention():
    B, L, K = 32, 64, 128
    Y, ht, rt1 = torch.randn(B, L, K), torch.randn(B, K), torch.randn(B, K)
    WY, Wh, Wr, Wt = (torch.randn(K, K, requires_grad=True) for _ in range(4))
    bM, br, w = (torch.randn(K, requires_grad=True) for _ in range(3))

    def forward():
        tmp = torch.einsum("ik,kl->il", ht, Wh) + torch.einsum("ik,kl->il", rt1, Wr)
        Mt = torch.tanh(torch.einsum("ijk,kl->ijl", Y, WY) + tmp.unsqueeze(1) + bM)
        at = torch.softmax(torch.einsum("ijk,k->ij", Mt, w), 1)
        return torch.einsum("ijk,ij->ik", Y, at) + torch.tanh(torch.einsum("ij,jk->ik", rt1, Wt) + br)

    return [WY, Wh, Wr, Wt, bM, br, w], forward


def matmul():
    a, b = torch.randn(512, 512, requires_grad=True), torch.randn(512, 512, requires_grad=True)
    return [a, b], lambda: torch.einsum("ij,jk->ik", a, b)


torch.set_num_threads(1)
results = []
for make in (chain, attention, matmul):
    leaves, forward = make()

    forward_ms, backward_ms = phase_times(forward, leaves)
    results.append({"forwardMs": forward_ms, "backwardMs": backward_ms})
print(json.dumps({"version": torch.__version__, "cases": results}))
