import { describe, expect, it } from "vitest";
import { annealSsa } from "../../src/optimizer/anneal.js";
import { SearchBudget } from "../../src/optimizer/budget.js";
import { greedySsa } from "../../src/optimizer/greedy.js";
import { hyperSsa } from "../../src/optimizer/hyper.js";
import type { Network } from "../../src/optimizer/network.js";
import { planFromSsa } from "../../src/optimizer/plan.js";
import { prepareProblem } from "../../src/optimizer/problem.js";
import { seededRandom } from "../../src/optimizer/random.js";
import { lattice, randomRegular, randomTree } from "./generators.js";
import { isNoCostlier, recomputeCost } from "./recompute.js";

/** A random network: each tensor draws 1 to 4 labels from a pool, sizes 2 to 5, a few labels in the output. */
function randomNetwork(count: number, seed: number): Network {
  const random = seededRandom(seed);
  const labelCount = Math.ceil(count * 1.3);
  const inputs = Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * labelCount)),
  );
  const used = [...new Set(inputs.flat())];
  const output = used.filter(() => random() < 0.05);
  return { inputs, output, sizes: Array.from({ length: labelCount }, () => 2 + Math.floor(random() * 4)) };
}

const networks: readonly (readonly [string, Network])[] = [
  ["random 3-regular, 40 tensors", randomRegular(40, 3, 2, 21)],
  ["8x8 lattice", lattice(8, 8, 2)],
  ["random tree, 50 tensors", randomTree(50, 3, 4)],
  ...[1, 2, 3, 4, 5, 6].map((seed) => [`random network ${seed}, ${20 + 10 * seed} tensors`, randomNetwork(20 + 10 * seed, seed)] as const),
];

/** Whether an SSA path of pairwise steps uses every input and every intermediate exactly once. */
function usesEachOnce(ssa: readonly (readonly number[])[], count: number): boolean {
  const used = new Uint8Array(count + ssa.length);
  for (const [index, step] of ssa.entries()) {
    if (step.length !== 2) return false;
    for (const id of step) {
      if (!(id >= 0 && id < count + index) || used[id] === 1) return false;
      used[id] = 1;
    }
  }
  return ssa.length === count - 1;
}

describe("tree annealing", () => {
  it.each(networks)("%s: a valid tree, no costlier than its start, the same for the same seed", (_, network) => {
    const problem = prepareProblem(network);
    const start = greedySsa(problem);
    const annealed = annealSsa(problem, start, { seed: 3, stages: 20, sweeps: 4 });
    expect(usesEachOnce(annealed, problem.operandCount)).toBe(true);
    const plan = planFromSsa(problem, annealed);
    expect(plan.flops).toBe(recomputeCost(network, plan.path).flops);
    expect(isNoCostlier(plan.flops, planFromSsa(problem, start).flops)).toBe(true);
    expect(annealSsa(problem, start, { seed: 3, stages: 20, sweeps: 4 })).toEqual(annealed);
  });

  it("stops within its counted budget, one trial per proposed move, and still returns a valid tree", () => {
    const network = randomRegular(60, 3, 2, 5);
    const problem = prepareProblem(network);
    const budget = new SearchBudget(5000);
    const annealed = annealSsa(problem, greedySsa(problem), { stages: 50, sweeps: 10, budget });
    expect(budget.stoppedBy).toBe("maxTrials");
    expect(budget.trials).toBeLessThanOrEqual(5000);
    expect(usesEachOnce(annealed, problem.operandCount)).toBe(true);
  });

  it("brings a left-to-right tree's intermediates under a size limit: that of greedy's tree", () => {
    const network = randomRegular(30, 3, 2, 8);
    const problem = prepareProblem(network);
    const leftToRight = Array.from({ length: 29 }, (_, step) => [step === 0 ? 0 : 29 + step, step + 1]);
    const limit = recomputeCost(network, planFromSsa(problem, greedySsa(problem)).path).largest;
    expect(recomputeCost(network, planFromSsa(problem, leftToRight).path).largest).toBeGreaterThan(limit);
    const bounded = annealSsa(problem, leftToRight, { seed: 1, stages: 40, sweeps: 8, sizeLimit: limit });
    expect(recomputeCost(network, planFromSsa(problem, bounded).path).largest).toBeLessThanOrEqual(limit);
  });
});

describe("the hyper search", () => {
  it.each(networks)("%s: a valid path, no costlier than greedy, deterministic", (_, network) => {
    const problem = prepareProblem(network);
    const options = { trials: 4, starts: 2, stages: 20, sweeps: 4 };
    const ssa = hyperSsa(problem, { ...options, budget: new SearchBudget(2e6) });
    expect(usesEachOnce(ssa, problem.operandCount)).toBe(true);
    const plan = planFromSsa(problem, ssa);
    expect(plan.flops).toBe(recomputeCost(network, plan.path).flops);
    expect(isNoCostlier(plan.flops, planFromSsa(problem, greedySsa(problem)).flops)).toBe(true);
    expect(hyperSsa(problem, { ...options, budget: new SearchBudget(2e6) })).toEqual(ssa);
  });
});
