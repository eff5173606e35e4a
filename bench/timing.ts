/**
 * The best of several timed runs, in milliseconds, after one warm-up run: at least `minRuns` runs, and more until
 * `budgetMs` has passed (at most about 2000).
 *
 * @example
 * const ms = bestTime(() => einsum("ij,jk->ik", a, b));
 */
export function bestTime(run: () => void, budgetMs = 400, minRuns = 5): number {
  run();
  let best = Infinity;
  const start = performance.now();
  for (let runs = 0; runs < minRuns || performance.now() - start < budgetMs; runs++) {
    const before = performance.now();
    run();
    best = Math.min(best, performance.now() - before);
    if (runs > 2000) break;
  }
  return best;
}
