// Runs a 512×512 product on one thread and on two, where this module is loaded (a page or a dedicated worker), and
// reports whether the threaded result matches bit for bit, how many work items Web Workers ran, the pool's host, and
// the best of five times of each.
import { einsum, randn } from "/dist/index.js";
import { acquireThreadPool } from "/dist/kernels/threads/thread-pool.js";
import { itemsRunByWorkers } from "/dist/kernels/threads/parallel-gemm.js";

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fastest = (run, repeats) => {
  let best = Infinity;
  for (let repeat = 0; repeat < repeats; repeat++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};

export async function measure() {
  const report = { crossOriginIsolated, cores: navigator.hardwareConcurrency };
  for (const dtype of ["float64", "float32"]) {
    const a = randn([512, 512], { dtype, seed: 1 });
    const b = randn([512, 512], { dtype, seed: 2 });
    const one = einsum("ij,jk->ik", a, b);
    let same = true;
    let byWorkers = 0;
    // Web Workers start once the thread returns to its event loop: give them a bounded number of turns.
    for (let call = 0; call < 60; call++) {
      const two = einsum("ij,jk->ik", a, b, { threads: 2 });
      same &&= two.data.every((value, index) => value === one.data[index]);
      byWorkers = itemsRunByWorkers();
      if (call >= 3 && (byWorkers > 0 || !crossOriginIsolated)) break;
      await pause(50);
    }
    // Printed by the tests for the record (docs/performance.md), never asserted: the machine may be loaded.
    const oneThreadMs = fastest(() => einsum("ij,jk->ik", a, b), 5);
    const twoThreadsMs = fastest(() => einsum("ij,jk->ik", a, b, { threads: 2 }), 5);
    report[dtype] = { same, itemsRunByWorkers: byWorkers, oneThreadMs, twoThreadsMs, speedUp: oneThreadMs / twoThreadsMs };
  }
  const pool = acquireThreadPool(2);
  report.pool = pool === undefined ? null : { host: pool.host.kind, canWait: pool.host.canWait, workers: pool.workers };
  return report;
}
