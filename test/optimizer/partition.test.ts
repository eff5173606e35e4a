import { describe, expect, it } from "vitest";
import { SearchBudget } from "../../src/optimizer/budget.js";
import { greedySsa } from "../../src/optimizer/greedy.js";
import { hyperSsa } from "../../src/optimizer/hyper.js";
import type { Network, SsaPath } from "../../src/optimizer/network.js";
import { partitionSsa } from "../../src/optimizer/partition.js";
import { prepareProblem } from "../../src/optimizer/problem.js";
import { seededRandom } from "../../src/optimizer/random.js";
import { ssaToLinear } from "../../src/optimizer/ssa.js";
import { networkOf, referenceData } from "./fixtures.js";
import { lattice, randomRegular } from "./generators.js";
import { isNoCostlier, recomputeCost } from "./recompute.js";

/** A random network: each tensor draws 1 to 4 labels from a pool, some labels are outputs, sizes 2 to 5. */
function randomNetwork(count: number, seed: number): Network {
  const random = seededRandom(seed);
  const labelCount = Math.max(3, Math.floor(count * 1.5));
  const inputs = Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * labelCount)),
  );
  const used = [...new Set(inputs.flat())];
  const output = used.filter(() => random() < 0.1);
  const sizes = Array.from({ length: labelCount }, () => 2 + Math.floor(random() * 4));
  return { inputs, output, sizes };
}

/** Checks an SSA path by its definition: step `s` makes id `n + s` from ids made before, each id used once. */
function expectValidSsa(ssa: SsaPath, count: number): void {
  expect(ssa.length).toBe(count - 1);
  const used = new Set<number>();
  ssa.forEach((step, index) => {
    expect(step.length).toBeGreaterThanOrEqual(2);
    for (const id of step) {
      expect(Number.isInteger(id) && id >= 0 && id < count + index).toBe(true);
      expect(used.has(id)).toBe(false);
      used.add(id);
    }
  });
  expect(used.size).toBe(2 * count - 2);
}

const costOf = (network: Network, ssa: SsaPath): number =>
  recomputeCost(network, ssaToLinear(ssa, network.inputs.length)).flops;

describe("partitionSsa", () => {
  it.each([12, 20, 37, 64, 120])("gives a valid path on random networks of %i tensors", (count) => {
    for (const seed of [1, 2, 3]) {
      const network = randomNetwork(count, seed);
      const ssa = partitionSsa(prepareProblem(network), { seed, imbalance: 0.1 * seed });
      expectValidSsa(ssa, count);
      expect(Number.isFinite(costOf(network, ssa))).toBe(true);
    }
  });

  it("gives the same path for the same seed, on any network", () => {
    const network = randomRegular(60, 3, 2, 5);
    const problem = prepareProblem(network);
    const options = { seed: 7, imbalance: 0.3 };
    expect(partitionSsa(problem, options)).toEqual(partitionSsa(problem, options));
    const paths = [1, 2, 3, 4].map((seed) => JSON.stringify(partitionSsa(problem, { seed, imbalance: 0.3 })));
    expect(new Set(paths).size).toBeGreaterThan(1);
  });

  it("spends at most its budget, counts its work, and still gives a valid path when the budget runs out", () => {
    const network = lattice(10, 10, 2);
    const problem = prepareProblem(network);
    const full = new SearchBudget();
    partitionSsa(problem, { seed: 1, budget: full });
    expect(full.trials).toBeGreaterThan(1000);
    for (const maxTrials of [0, 50, 5000, Math.floor(full.trials / 2)]) {
      const budget = new SearchBudget(maxTrials);
      const ssa = partitionSsa(problem, { seed: 1, budget });
      expect(budget.trials).toBeLessThanOrEqual(maxTrials);
      expect(budget.exhausted).toBe(true);
      expectValidSsa(ssa, 100);
    }
  });

  it("solves a part of at most leafSize tensors exactly: no costlier than opt_einsum's optimal path", () => {
    const cases = referenceData().cases.filter((found) => found.n_inputs <= 8 && found.methods["optimal"]?.opt_cost !== undefined);
    expect(cases.length).toBeGreaterThan(5);
    for (const found of cases) {
      const network = networkOf(found);
      const ssa = partitionSsa(prepareProblem(network), { leafSize: 8 });
      expect(isNoCostlier(costOf(network, ssa), found.methods["optimal"]?.opt_cost as number)).toBe(true);
    }
  });

  it.each([
    ["an 8x8 lattice", lattice(8, 8, 2)],
    ["a 10x10 lattice", lattice(10, 10, 3)],
    ["a random 3-regular graph of 60 tensors", randomRegular(60, 3, 2, 3)],
    ["a random 3-regular graph of 100 tensors", randomRegular(100, 3, 2, 4)],
  ])("finds a finite cost near greedy's or below it on %s (best of four seeds within 2x)", (_, network) => {
    const problem = prepareProblem(network);
    const greedy = costOf(network, greedySsa(problem));
    const costs = [1, 2, 3, 4].map((seed) => costOf(network, partitionSsa(problem, { seed, imbalance: 0.1 + 0.1 * seed })));
    for (const cost of costs) expect(Number.isFinite(cost) && cost > 0).toBe(true);
    expect(Math.min(...costs)).toBeLessThanOrEqual(2 * greedy);
  });
});

describe("hyperSsa with partition trees", () => {
  it("gives a valid path no costlier than without them (the partition tree is one more annealing start)", () => {
    const network = randomRegular(40, 3, 2, 9);
    const problem = prepareProblem(network);
    const options = { trials: 8, starts: 2, stages: 20, sweeps: 4 };
    const plain = hyperSsa(problem, options);
    const withPartitions = hyperSsa(problem, { ...options, partitions: 4 });
    expectValidSsa(withPartitions, 40);
    expect(isNoCostlier(costOf(network, withPartitions), costOf(network, plain))).toBe(true);
  });

  it("keeps to its budget with partition trees", () => {
    const problem = prepareProblem(lattice(8, 8, 2));
    const budget = new SearchBudget(200_000);
    expectValidSsa(hyperSsa(problem, { partitions: 8, budget }), 64);
    expect(budget.trials).toBeLessThanOrEqual(200_000);
  });
});
