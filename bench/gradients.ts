/**
 * Gradient benchmarks: for each case, the time of the forward pass (recording for gradients) and of the backward
 * pass, and their ratio, beside PyTorch's own ratio measured in the same run when `/usr/bin/python3` has torch
 * (bench/gradients_torch.py; an optional peer: without it the PyTorch column says so). Each run times its forward
 * pass and then its backward pass (the gradient of the output's sum); each phase keeps its best run. Results go
 * to stdout and
 * bench/results/gradients.json. Run with `npm run bench:gradients`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { add, einsum, randn, softmax, tanh, unsqueeze, type Tensor } from "../src/index.js";

const root = new URL("../../", import.meta.url);

interface GradientCase {
  readonly name: string;
  /** Builds the leaves once, then returns the forward pass over them. */
  readonly setup: () => { forward: () => Tensor<readonly number[], "float64">; leaves: Tensor<readonly number[], "float64">[] };
}

// The project's 6-matrix chain (bench/kernels.ts, bench/compare): five 250×250 matrices and a 250×2 one.
const chainSizes = [250, 250, 250, 250, 250, 250, 2];

const cases: GradientCase[] = [
  {
    name: "6-matrix chain 250s, g=2",
    setup: () => {
      const leaves = chainSizes.slice(0, 6).map((rows, index) =>
        randn([rows, chainSizes[index + 1]!], { seed: index + 1, requiresGrad: true }) as Tensor<readonly number[], "float64">,
      );
      return { leaves, forward: () => einsum("ab,bc,cd,de,ef,fg->ag" as string, ...leaves) as Tensor<readonly number[], "float64"> };
    },
  },
  {
    name: "attention step (batch 32, length 64, width 128)",
    setup: () => {
      const [B, L, K] = [32, 64, 128] as const;
      const Y = randn([B, L, K], { seed: 1 });
      const ht = randn([B, K], { seed: 2 });
      const rt1 = randn([B, K], { seed: 3 });
      const WY = randn([K, K], { seed: 4, requiresGrad: true });
      const Wh = randn([K, K], { seed: 5, requiresGrad: true });
      const Wr = randn([K, K], { seed: 6, requiresGrad: true });
      const Wt = randn([K, K], { seed: 7, requiresGrad: true });
      const bM = randn([K], { seed: 8, requiresGrad: true });
      const br = randn([K], { seed: 9, requiresGrad: true });
      const w = randn([K], { seed: 10, requiresGrad: true });
      const forward = () => {
        const tmp = add(einsum("ik,kl->il", ht, Wh), einsum("ik,kl->il", rt1, Wr));
        const Mt = tanh(add(add(einsum("ijk,kl->ijl", Y, WY), unsqueeze(tmp, 1)), bM));
        const at = softmax(einsum("ijk,k->ij", Mt, w), 1);
        return add(einsum("ijk,ij->ik", Y, at), tanh(add(einsum("ij,jk->ik", rt1, Wt), br))) as Tensor<readonly number[], "float64">;
      };
      return { forward, leaves: [WY, Wh, Wr, Wt, bM, br, w] as Tensor<readonly number[], "float64">[] };
    },
  },
  {
    name: "matmul 512x512 ij,jk->ik",
    setup: () => {
      const a = randn([512, 512], { seed: 1, requiresGrad: true });
      const b = randn([512, 512], { seed: 2, requiresGrad: true });
      return { leaves: [a, b], forward: () => einsum("ij,jk->ik", a, b) };
    },
  },
];

/** PyTorch's forward and backward times for the same cases, or why there are none. */
function pytorchTimes(): { cases?: { forwardMs: number; backwardMs: number }[]; version?: string; missing?: string } {
  const script = fileURLToPath(new URL("bench/gradients_torch.py", root));
  const run = spawnSync("/usr/bin/python3", [script], { encoding: "utf8", timeout: 600_000 });
  if (run.status !== 0) return { missing: (run.stderr || String(run.error ?? "no /usr/bin/python3")).trim().split("\n").pop() ?? "" };
  return JSON.parse(run.stdout);
}

/** The best forward and the best backward time over runs of both, after a warm-up run, for about `budgetMs`. */
function phaseTimes(forward: () => Tensor<readonly number[], "float64">, leaves: readonly Tensor<readonly number[], "float64">[], budgetMs = 1500) {
  let forwardMs = Infinity;
  let backwardMs = Infinity;
  const start = performance.now();
  for (let run = 0; run < 6 || (performance.now() - start < budgetMs && run < 500); run++) {
    for (const leaf of leaves) leaf.grad = null;
    const before = performance.now();
    const out = forward();
    const between = performance.now();
    out.backward({ shape: out.shape, data: new Float64Array(out.size).fill(1) });
    const after = performance.now();
    if (run > 0) {
      forwardMs = Math.min(forwardMs, between - before);
      backwardMs = Math.min(backwardMs, after - between);
    }
  }
  return { forwardMs, backwardMs };
}

const results = cases.map((testCase) => {
  const { forward, leaves } = testCase.setup();
  const { forwardMs, backwardMs } = phaseTimes(forward, leaves);
  return { name: testCase.name, forwardMs, backwardMs, ratio: backwardMs / forwardMs };
});

const torch = pytorchTimes();
console.log("backward / forward time, typed-einsum beside PyTorch (same machine, same run)");
results.forEach((result, index) => {
  const peer = torch.cases?.[index];
  const peerText = peer === undefined ? `PyTorch: ${torch.missing ?? "n/a"}` : `PyTorch ${(peer.backwardMs / peer.forwardMs).toFixed(2)}× (fwd ${peer.forwardMs.toFixed(2)} ms, bwd ${peer.backwardMs.toFixed(2)} ms)`;
  console.log(
    `${result.name.padEnd(48)} forward ${result.forwardMs.toFixed(2).padStart(8)} ms  backward ${result.backwardMs.toFixed(2).padStart(8)} ms  ` +
      `ratio ${result.ratio.toFixed(2)}×   ${peerText}`,
  );
});
mkdirSync(new URL("bench/results/", root), { recursive: true });
writeFileSync(
  new URL("bench/results/gradients.json", root),
  `${JSON.stringify({ results, pytorch: torch }, null, 2)}\n`,
);
