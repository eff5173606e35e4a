import { describe, expect, it } from "vitest";
import { contractPath } from "../../src/contract-path.js";
import { einsum } from "../../src/einsum.js";
import { writeDidYouMean, writeInvalidOption, writeSearchStopped, writeUnknownOption } from "../../src/messages.js";
import { AUTO_MAX_TRIALS } from "../../src/optimizer/auto.js";
import { SearchBudget } from "../../src/optimizer/budget.js";
import type { OptimizeOption } from "../../src/optimizer/choose-path.js";
import { tensor } from "../../src/tensor/constructors.js";
import { lattice, randomRegular } from "./generators.js";
import { recomputeCost } from "./recompute.js";
import { thrown } from "./thrown.js";

describe("SearchBudget", () => {
  it("counts trials and stops past maxTrials, for good", () => {
    const budget = new SearchBudget(10);
    expect(budget.spend(4)).toBe(true);
    expect(budget.spend(6)).toBe(true);
    expect(budget.exhausted).toBe(false);
    expect(budget.spend()).toBe(false);
    expect(budget.stoppedBy).toBe("maxTrials");
    expect(budget.spend(0)).toBe(false);
  });

  it("stops at its first look at the clock when the time limit is 0", () => {
    const budget = new SearchBudget(Infinity, 0);
    let spent = 0;
    while (budget.spend()) spent++;
    expect(budget.stoppedBy).toBe("maxTimeMs");
    expect(spent).toBe(1023);
  });

  it("lends a share to a phase and counts what the phase spent", () => {
    const budget = new SearchBudget(100);
    const part = budget.part(0.3);
    expect(part.maxTrials).toBe(30);
    while (part.spend(7));
    budget.settle(part);
    expect(budget.trials).toBe(28);
    expect(budget.exhausted).toBe(false);
  });
});

describe("bounded path searches", () => {
  const network = randomRegular(24, 3, 3, 11);
  const greedy = contractPath(network, { optimize: "greedy" });

  it("auto gives the same path on every run, with or without a generous time limit", () => {
    const network = randomRegular(16, 3, 3, 5);
    const first = contractPath(network);
    const second = contractPath(network);
    const timed = contractPath(network, { optimize: { method: "auto", maxTimeMs: 600_000 } });
    expect(second.path).toEqual(first.path);
    expect(timed.path).toEqual(first.path);
    expect(first.search).toEqual({ method: "auto", complete: true, trials: first.search.trials });
    expect(second.search.trials).toBe(first.search.trials);
  });

  it("a smaller auto budget spends no more than it is given and is still no costlier than greedy", () => {
    const small = contractPath(network, { optimize: { method: "auto", maxTrials: 50_000 } });
    expect(small.search.trials).toBeLessThanOrEqual(50_000);
    expect(small.flops).toBe(recomputeCost(network, small.path).flops);
    expect(small.flops).toBeLessThanOrEqual(greedy.flops);
  });

  it("a larger auto budget buys more greedy runs and annealings: more trials, a valid path, the same every time", () => {
    const larger = randomRegular(60, 3, 2, 8);
    const plain = contractPath(larger);
    const options = { optimize: { method: "auto", maxTrials: 3 * AUTO_MAX_TRIALS } } as const;
    const more = contractPath(larger, options);
    expect(more.search.trials).toBeGreaterThan(plain.search.trials);
    expect(more.flops).toBe(recomputeCost(larger, more.path).flops);
    expect(more.flops).toBeLessThanOrEqual(contractPath(larger, { optimize: "greedy" }).flops);
    expect(contractPath(larger, options).path).toEqual(more.path);
  }, 30_000);

  it("dp stopped by maxTrials returns the greedy order it started from, and says so", () => {
    const info = contractPath(network, { optimize: { method: "dp", maxTrials: 1000 } });
    expect(info.search.complete).toBe(false);
    expect(info.search.stoppedBy).toBe("maxTrials");
    expect(info.search.trials).toBeLessThanOrEqual(1000);
    expect(info.flops).toBe(greedy.flops);
    expect(info.toString()).toContain(`Search status:  stopped by maxTrials after ${info.search.trials} trials`);
  });

  it("dp stopped by a time limit of 0 says maxTimeMs", () => {
    const info = contractPath(lattice(5, 5, 2), { optimize: { method: "dp", maxTimeMs: 0 } });
    expect(info.search).toMatchObject({ method: "dp", complete: false, stoppedBy: "maxTimeMs" });
  });

  it("dp with its default budget finishes, no costlier than greedy", () => {
    const small = randomRegular(16, 3, 3, 5);
    const info = contractPath(small, { optimize: "dp" });
    expect(info.search.complete).toBe(true);
    expect(info.flops).toBeLessThanOrEqual(contractPath(small, { optimize: "greedy" }).flops);
  });

  it("optimal stopped by its budget returns the greedy order", () => {
    const ten = randomRegular(10, 3, 3, 2);
    const info = contractPath(ten, { optimize: { method: "optimal", maxTrials: 50 } });
    expect(info.search).toMatchObject({ complete: false, stoppedBy: "maxTrials" });
    expect(info.flops).toBe(contractPath(ten, { optimize: "greedy" }).flops);
  });

  it("branch returns its best complete order when stopped, and throws SEARCH_BUDGET when it has none", () => {
    const stopped = contractPath(network, { optimize: { method: "branch", maxTrials: 320_000 } });
    expect(stopped.search).toMatchObject({ complete: false, stoppedBy: "maxTrials" });
    expect(stopped.flops).toBe(recomputeCost(network, stopped.path).flops);
    // a candidate step costs 16 trials: a budget of 10 cannot score even one
    const error = thrown(() => contractPath(network, { optimize: { method: "branch", maxTrials: 10 } }));
    expect(error.code).toBe("SEARCH_BUDGET");
    expect(error.message).toBe(writeSearchStopped("branch", "maxTrials", 0));
  });

  it("einsum runs a budgeted search and gets the product right", () => {
    const a = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tensor([1, 0, 2, 1, 0, 1], [3, 2]);
    const c = tensor([1, 1, 0, 1], [2, 2]);
    const result = einsum("ij,jk,kl->il", a, b, c, { optimize: { method: "dp", maxTrials: 1 } });
    // (a·b) = [[5, 5], [14, 11]], times c
    expect(result.toArray()).toEqual([[5, 10], [14, 25]]);
  });

  it("refuses unknown keys, unknown methods and budgets that are not whole numbers from 0", () => {
    const bad: readonly [unknown, string][] = [
      [{ method: "dp", maxTrails: 5 }, writeDidYouMean(writeUnknownOption("maxTrails", "method, maxTrials, maxTimeMs"), "maxTrials")],
      [{ method: "fastest" }, writeInvalidOption("optimize.method", "'fastest'", "'auto', 'hyper', 'optimal', 'dp', 'greedy' or 'branch'")],
      [{ maxTrials: -1 }, writeInvalidOption("optimize.maxTrials", "-1", "a whole number from 0, or Infinity")],
      [{ maxTimeMs: 1.5 }, writeInvalidOption("optimize.maxTimeMs", "1.5", "a whole number from 0, or Infinity")],
      [{ maxTrials: "9" }, writeInvalidOption("optimize.maxTrials", "'9'", "a whole number from 0, or Infinity")],
    ];
    for (const [optimize, message] of bad) {
      const error = thrown(() => contractPath(network, { optimize: optimize as OptimizeOption }));
      expect(error.code).toBe(message.startsWith("unknown option") ? "UNKNOWN_OPTION" : "INVALID_OPTION");
      expect(error.message).toBe(message);
    }
  });
});

describe("the hyper search", () => {
  it("goes further than auto by default: more trials, a valid path, never costlier than auto's, the same every time", () => {
    const network = randomRegular(36, 3, 2, 4);
    const auto = contractPath(network);
    const hyper = contractPath(network, { optimize: "hyper" });
    expect(hyper.search.method).toBe("hyper");
    expect(hyper.search.trials).toBeGreaterThan(auto.search.trials);
    expect(hyper.flops).toBe(recomputeCost(network, hyper.path).flops);
    expect(hyper.flops).toBeLessThanOrEqual(auto.flops);
    expect(contractPath(network, { optimize: "hyper" }).path).toEqual(hyper.path);
  }, 60_000);

  it("takes a user's budget, as auto does", () => {
    const network = randomRegular(36, 3, 2, 4);
    const small = contractPath(network, { optimize: { method: "hyper", maxTrials: 50_000 } });
    expect(small.search.trials).toBeLessThanOrEqual(50_000);
    expect(small.flops).toBe(recomputeCost(network, small.path).flops);
    expect(small.flops).toBeLessThanOrEqual(contractPath(network, { optimize: "greedy" }).flops);
  });
});
