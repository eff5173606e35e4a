import { annealSsa } from "../../src/optimizer/anneal.js";
import { slicedLeaves } from "../../src/optimizer/anneal-sliced.js";
import type { Network, SsaPath } from "../../src/optimizer/network.js";
import { planFromSsa } from "../../src/optimizer/plan.js";
import { prepareProblem } from "../../src/optimizer/problem.js";
import { cheapestOrderTotal, recomputeSlicedCost } from "./recompute.js";

/**
 * An exhaustive reference for the sliced search: every set of `count` labels, each with the tree of `start`
 * re-annealed once for the network with those labels sliced, and the cheapest plan in total whose intermediates
 * fit `limit` (priced by the test's own recomputation, in the cheapest loop order). `undefined` when no set of that many labels fits.
 *
 * @example
 * cheapestSlicingOfSize(network, start, 64, 2)?.total;
 */
export function cheapestSlicingOfSize(
  network: Network,
  start: SsaPath,
  limit: number,
  count: number,
): { labels: number[]; total: number } | undefined {
  let best: { labels: number[]; total: number } | undefined;
  const visit = (from: number, labels: number[]): void => {
    if (labels.length === count) {
      const problem = prepareProblem({ ...network, sizes: network.sizes.map((size, label) => (labels.includes(label) ? 1 : size)) });
      const slices = labels.reduce((product, label) => product * (network.sizes[label] as number), 1);
      const slicing = { leaves: slicedLeaves(problem, labels), slices };
      const ssa = annealSsa(problem, start, { seed: 1, stages: 20, sweeps: 6, sizeLimit: limit, slicing });
      const path = planFromSsa(problem, ssa).path;
      const priced = recomputeSlicedCost(network, path, labels);
      const total = cheapestOrderTotal(network, path, labels);
      if (priced.largest <= limit && (best === undefined || total < best.total)) best = { labels: [...labels], total };
      return;
    }
    for (let label = from; label < network.sizes.length; label++) visit(label + 1, [...labels, label]);
  };
  visit(0, []);
  return best;
}
