import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { annealSlicedSsa } from "../../src/optimizer/anneal-sliced.js";
import { SearchBudget } from "../../src/optimizer/budget.js";
import { greedySsa } from "../../src/optimizer/greedy.js";
import type { Network } from "../../src/optimizer/network.js";
import { planFromSsa } from "../../src/optimizer/plan.js";
import { prepareProblem } from "../../src/optimizer/problem.js";
import { searchSlicing } from "../../src/optimizer/slice-search.js";
import { linearToSsa } from "../../src/optimizer/ssa.js";
import { untypedEinsum } from "../fixtures/untyped.js";
import { lattice, randomRegular, withMixedSizes } from "./generators.js";
import { recomputeCost, recomputeSlicedCost } from "./recompute.js";
import { cheapestSlicingOfSize } from "./slicing-baseline.js";

const withSliced = (network: Network, labels: readonly number[]): Network => ({
  ...network,
  sizes: network.sizes.map((size, label) => (labels.includes(label) ? 1 : size)),
});

const sliceCount = (network: Network, labels: readonly number[]): number =>
  labels.reduce((product, label) => product * (network.sizes[label] as number), 1);

const networks: readonly (readonly [string, Network])[] = [
  ["random 3-regular, 30 tensors, D=3", randomRegular(30, 3, 3, 4)],
  ["6x6 lattice, D=4", lattice(6, 6, 4)],
  ["random 3-regular, 40 tensors, D=2, open legs", { ...randomRegular(40, 3, 2, 6), output: [1, 9, 17] }],
];

describe("the sliced search", () => {
  it.each(networks)("%s: the plan fits a sixteenth, priced right, the same every time", (_, network) => {
    const problem = prepareProblem(network);
    const start = greedySsa(problem);
    const free = recomputeCost(network, planFromSsa(problem, start).path);
    const limit = Math.floor(free.largest / 16);
    const options = { restarts: 2, coevolved: 1, stages: 10, sweeps: 4, budget: new SearchBudget(1e6) };
    const found = searchSlicing(network, start, limit, options);
    if (found === undefined) throw new Error("no sliced plan");
    const { labels, order, slices, sliceFlops, sharedFlops, largestIntermediate } = found.slicing;
    const slice = recomputeSlicedCost(network, found.path, labels, order);
    expect(slice.perSlice).toBe(sliceFlops);
    expect(slice.shared).toBe(sharedFlops);
    expect(slice.largest).toBe(largestIntermediate);
    expect(largestIntermediate).toBeLessThanOrEqual(limit);
    expect(slices).toBe(sliceCount(network, labels));
    expect(searchSlicing(network, start, limit, { ...options, budget: new SearchBudget(1e6) })).toEqual(found);
  });

  it.each(networks)("%s: annealing with co-evolving sliced labels gives a tree that fits", (_, network) => {
    const problem = prepareProblem(network);
    const start = greedySsa(problem);
    const limit = Math.floor(recomputeCost(network, planFromSsa(problem, start).path).largest / 16);
    const found = annealSlicedSsa(problem, start, { seed: 2, stages: 20, sweeps: 4, sizeLimit: limit });
    if (found === undefined) throw new Error("no sliced tree");
    const sliced = withSliced(network, found.labels);
    expect(recomputeCost(sliced, planFromSsa(prepareProblem(sliced), found.ssa).path).largest).toBeLessThanOrEqual(limit);
  });
});

describe("memoryLimit at a sixteenth of the free path's largest intermediate", () => {
  const searched: readonly (readonly [string, Network])[] = [
    ["random 3-regular, 40 tensors, D=4", randomRegular(40, 3, 4, 1)],
    ["random 3-regular, 50 tensors, D=4", randomRegular(50, 3, 4, 2)],
    ["random 3-regular, 60 tensors, D=4", randomRegular(60, 3, 4, 3)],
    ["random 3-regular, 60 tensors, D=3", randomRegular(60, 3, 3, 3)],
    ["8x8 lattice, D=4", lattice(8, 8, 4)],
    ["12x12 lattice, D=2", lattice(12, 12, 2)],
  ];
  it.each(searched)("%s: fits and stays within twice the free path's flops", (_, network) => {
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const info = contractPath(network, { memoryLimit: limit });
    expect(info.largestIntermediate).toBeLessThanOrEqual(limit);
    const labels = info.slicing?.labels ?? [];
    const slice = recomputeSlicedCost(network, info.path, labels, info.slicing?.order);
    expect(slice.largest).toBeLessThanOrEqual(limit);
    expect(slice.slices).toBe(sliceCount(network, labels));
    expect(info.flops).toBe(slice.total);
    expect(info.flops).toBeLessThanOrEqual(2 * free.flops);
  }, 30_000);

  it("random 3-regular, 36 tensors, bonds of 5 and 8: as cheap as the best pair of sliced labels, tried one by one", () => {
    const network = withMixedSizes(randomRegular(36, 3, 2, 24), [5, 8], 24);
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const pair = cheapestSlicingOfSize(network, linearToSsa(free.path, network.inputs.length), limit, 2);
    if (pair === undefined) throw new Error("no pair of labels fits");
    const info = contractPath(network, { memoryLimit: limit });
    expect(info.largestIntermediate).toBeLessThanOrEqual(limit);
    expect(recomputeSlicedCost(network, info.path, info.slicing?.labels ?? [], info.slicing?.order).total).toBe(info.flops);
    expect(info.flops).toBeLessThanOrEqual(1.25 * pair.total);
  }, 60_000);

  // the plan of the search without its lookahead restarts, from the same free tree with the default restarts
  const withoutLookahead = (network: Network, freePath: readonly (readonly number[])[], limit: number): number => {
    const start = linearToSsa(freePath.map((step) => [...step]), network.inputs.length);
    const found = searchSlicing(network, start, limit, { restarts: 16, coevolved: 4, budget: new SearchBudget(4e6) });
    if (found === undefined) throw new Error("no sliced plan without lookahead");
    return recomputeSlicedCost(network, found.path, found.slicing.labels, found.slicing.order).total;
  };

  // the search under memoryLimit, checked by an independent recount: it fits, and its flops are what it says
  const slicedPlan = (network: Network) => {
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const info = contractPath(network, { memoryLimit: limit });
    const slice = recomputeSlicedCost(network, info.path, info.slicing?.labels ?? [], info.slicing?.order);
    expect(slice.largest).toBeLessThanOrEqual(limit);
    expect(info.largestIntermediate).toBeLessThanOrEqual(limit);
    expect(info.flops).toBe(slice.total);
    return { free, limit, flops: info.flops };
  };

  it("random 3-regular, 36 tensors, bonds of 5 and 8: within twice the free path, where the restarts without lookahead are not", () => {
    const network = withMixedSizes(randomRegular(36, 3, 2, 24), [5, 8], 24);
    const { free, limit, flops } = slicedPlan(network);
    expect(flops).toBeLessThanOrEqual(2 * free.flops);
    expect(withoutLookahead(network, free.path, limit)).toBeGreaterThan(2 * free.flops);
  }, 60_000);

  it("random 3-regular, 36 tensors, bonds of 2, 3 and 4: a quarter cheaper than the restarts without lookahead", () => {
    const network = withMixedSizes(randomRegular(36, 3, 2, 5), [2, 3, 4], 5);
    const { free, limit, flops } = slicedPlan(network);
    expect(flops).toBeLessThanOrEqual(0.75 * withoutLookahead(network, free.path, limit));
  }, 60_000);

  it("gives the unsliced result through einsum in the sublist form", () => {
    const network = randomRegular(40, 3, 4, 1);
    let state = 7;
    const operands = network.inputs.map((labels) => {
      const shape = labels.map((label) => network.sizes[label] as number);
      const size = shape.reduce((product, dimension) => product * dimension, 1);
      // whole numbers in -1..1: every summation order gives the same bits
      return { shape, data: Float64Array.from({ length: size }, () => ((state = (state * 48271) % 2147483647) % 3) - 1) };
    });
    const args = [...network.inputs.flatMap((labels, index) => [operands[index], labels]), network.output];
    const limit = Math.floor(contractPath(network).largestIntermediate / 16);
    const sliced = untypedEinsum(...args, { memoryLimit: limit });
    const unsliced = untypedEinsum(...args);
    expect(Array.from(sliced.data)).toEqual(Array.from(unsliced.data));
    expect(Math.abs(unsliced.data[0] as number)).toBeGreaterThan(0);
  }, 30_000);
});

describe('"hyper" under a memory limit', () => {
  it("is never costlier than auto, though it slices from its own free tree", () => {
    // here the hyper search's own plan slices worse than auto's (33.8 against 27.5 times the free path)
    const network = randomRegular(30, 3, 2, 2);
    const limit = Math.floor(contractPath(network).largestIntermediate / 16);
    const auto = contractPath(network, { memoryLimit: limit });
    const hyper = contractPath(network, { memoryLimit: limit, optimize: { method: "hyper", maxTrials: 40_000_000 } });
    expect(hyper.search.method).toBe("hyper");
    expect(hyper.largestIntermediate).toBeLessThanOrEqual(limit);
    expect(hyper.flops).toBeLessThanOrEqual(auto.flops);
    expect(recomputeSlicedCost(network, hyper.path, hyper.slicing?.labels ?? [], hyper.slicing?.order).total).toBe(hyper.flops);
  });
});
