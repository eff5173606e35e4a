import { EinsumError } from "../einsum-error.js";
import { checkOptionKeys } from "../execute/validate-options.js";
import { writeInvalidOption, writeMemoryLimitUnmet } from "../messages.js";
import { describeEntry } from "../tensor/nested.js";
import { AUTO_MAX_TRIALS, HYPER_MAX_TRIALS } from "./auto.js";
import { SearchBudget, type StopReason } from "./budget.js";
import type { LinearPath, Network } from "./network.js";
import { planFromSsa } from "./plan.js";
import { prepareProblem } from "./problem.js";
import {
  DEFAULT_GREEDY_TRIALS,
  isPathSearchName,
  OPTIMIZE_VALUES_LISTED,
  pathSearches,
  pathSearchNamesListed,
  type PathSearchName,
} from "./registry.js";
import { planUnderLimit, type PlannedPath } from "./plan-under-limit.js";
import { chooseSlicing, pricePath, type Slicing } from "./slicing.js";
import { validatePath } from "./validate-path.js";

/**
 * A path search with its budget. `maxTrials` counts the candidates the search may examine (a pair of subsets in
 * `dp`, a split in `optimal`, a candidate step in `branch`, a greedy run or a reconfigured subtree in `auto`); the
 * count makes the search deterministic, the same path on any machine at any load. `maxTimeMs` adds a limit in
 * milliseconds, after which the result depends on the machine. A search stopped by either returns the best path it
 * has found (its {@link PathInfo} says `search.complete: false` and why), or throws `SEARCH_BUDGET` if it has none.
 * Defaults ({@link DEFAULT_MAX_TRIALS}): `auto` 20 million trials, `hyper` (the same search as `auto`, further)
 * 200 million, `optimal` and `dp` 100 million, `branch` 32
 * million (16 per candidate step), about one to three seconds each; no time limit; `greedy` is budgeted (32
 * million) only under a memory limit, where it is a bound search.
 *
 * @example
 * const quick: SearchOptions = { method: "auto", maxTrials: 100_000 };
 * const further: SearchOptions = { method: "hyper", maxTimeMs: 10_000 };
 * const bounded: SearchOptions = { method: "dp", maxTrials: 1e7, maxTimeMs: 2000 };
 */
export interface SearchOptions {
  readonly method?: PathSearchName;
  readonly maxTrials?: number;
  readonly maxTimeMs?: number;
}

/**
 * How to choose the contraction order: a search by name, a search with its budget, `false` for left to right, or
 * an explicit path in opt_einsum's linear format.
 *
 * @example
 * const option: OptimizeOption = "dp";
 * const budgeted: OptimizeOption = { method: "auto", maxTrials: 1e6 };
 * const explicit: OptimizeOption = [[1, 2], [0, 1]];
 */
export type OptimizeOption =
  | "auto"
  | "hyper"
  | "optimal"
  | "dp"
  | "greedy"
  | "branch"
  | SearchOptions
  | false
  | readonly (readonly number[])[];

/**
 * The trials each search may spend by default: about one to three seconds of search at most on one core.
 *
 * @example
 * DEFAULT_MAX_TRIALS.dp; //=> 50000000
 */
export const DEFAULT_MAX_TRIALS: Readonly<Record<PathSearchName, number>> = {
  auto: AUTO_MAX_TRIALS,
  hyper: HYPER_MAX_TRIALS,
  optimal: 100_000_000,
  dp: 100_000_000,
  branch: 32_000_000,
  greedy: DEFAULT_GREEDY_TRIALS,
};

/**
 * How a path was found: the method, whether the search ran to its end (`complete`), what stopped it if not, and the
 * trials it spent. A path given by the caller or `optimize: false` is complete with no trials.
 *
 * @example
 * const report: SearchReport = { method: "dp", complete: false, stoppedBy: "maxTrials", trials: 50000001 };
 */
export interface SearchReport {
  readonly method: string;
  readonly complete: boolean;
  readonly stoppedBy?: StopReason;
  readonly trials: number;
}

/**
 * Chooses the contraction path of a normalized network and says how it was found; see {@link choosePath}.
 *
 * @example
 * searchPath({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }, "dp").search.complete; //=> true
 */
export function searchPath(
  spec: Network,
  optimize: OptimizeOption = "auto",
  memoryLimit?: number,
): { path: LinearPath; search: SearchReport; slicing?: Slicing } {
  const limit = checkMemoryLimit(memoryLimit);
  const count = spec.inputs.length;
  if (Array.isArray(optimize)) return withinLimit(spec, validatePath(optimize, count), given("path"), limit);
  if (optimize === false) {
    const path = count <= 1 ? (count === 1 ? [[0]] : []) : Array.from({ length: count - 1 }, () => [0, 1]);
    return withinLimit(spec, path, given("false"), limit);
  }
  const { method, budget } = checkSearch(optimize);
  if (count === 0) return { path: [], search: given(method) };
  if (count === 1) return withinLimit(spec, [[0]], given(method), limit);
  const run = (searchLimit: number, spent: SearchBudget): PlannedPath => {
    const problem = prepareProblem(spec, searchLimit);
    const ssa = pathSearches[method](problem, spent);
    const path = planFromSsa(problem, ssa).path;
    const search: SearchReport =
      spent.stoppedBy === undefined
        ? { method, complete: true, trials: spent.trials }
        : { method, complete: false, stoppedBy: spent.stoppedBy, trials: spent.trials };
    return { path, search, ssa };
  };
  if (!Number.isFinite(limit)) {
    const { path, search } = run(limit, budget);
    return { path, search };
  }
  // a budget above the method's default buys a proportionally longer sliced search
  const effort = budget.maxTrials / (method === "hyper" ? AUTO_MAX_TRIALS : DEFAULT_MAX_TRIALS[method]);
  if (method !== "hyper" || budget.deadline !== Infinity) return planUnderLimit(spec, limit, method, budget, effort, run);
  // the hyper search starts its slicing from its own free tree, which can slice worse than auto's: it keeps the
  // cheaper of its plan and auto's (a time limit leaves auto's out, which would take time beyond it)
  const hyper = planOrUndefined(() => planUnderLimit(spec, limit, method, budget, effort, run));
  const auto = planOrUndefined(() => searchPath(spec, "auto", limit));
  if (hyper === undefined || auto === undefined) {
    const found = hyper ?? auto;
    if (found === undefined) throw new EinsumError("MEMORY_LIMIT", writeMemoryLimitUnmet(limit));
    return found;
  }
  return totalFlops(spec, auto) < totalFlops(spec, hyper) ? { ...auto, search: hyper.search } : hyper;
}

/** A plan under a memory limit, or `undefined` when none fits (`MEMORY_LIMIT`). */
function planOrUndefined<Plan>(plan: () => Plan): Plan | undefined {
  try {
    return plan();
  } catch (error) {
    if (error instanceof EinsumError && error.code === "MEMORY_LIMIT") return undefined;
    throw error;
  }
}

/** The total cost of a plan: its sliced total, or its path's cost. */
function totalFlops(spec: Network, plan: { path: LinearPath; slicing?: Slicing }): number {
  return plan.slicing?.flops ?? pricePath(spec, plan.path, spec.sizes).flops;
}

export { MAX_SLICING_OVERHEAD } from "./plan-under-limit.js";

/** A given path under a memory limit: as it is when it fits, else sliced so that it fits. */
function withinLimit(
  spec: Network,
  path: LinearPath,
  search: SearchReport,
  limit: number,
): { path: LinearPath; search: SearchReport; slicing?: Slicing } {
  if (!Number.isFinite(limit) || spec.inputs.length === 0) return { path, search };
  const slicing = chooseSlicing(spec, path, limit);
  if (slicing === undefined) throw new EinsumError("MEMORY_LIMIT", writeMemoryLimitUnmet(limit));
  return slicing.labels.length === 0 ? { path, search } : { path, search, slicing };
}

function given(method: string): SearchReport {
  return { method, complete: true, trials: 0 };
}

const searchKeys = ["method", "maxTrials", "maxTimeMs"] as const;

/** The search and its budget from a method name or a {@link SearchOptions} object. */
function checkSearch(optimize: unknown): { method: PathSearchName; budget: SearchBudget } {
  const expected = OPTIMIZE_VALUES_LISTED;
  if (isPathSearchName(optimize)) return { method: optimize, budget: budgetFor(optimize, undefined, undefined) };
  if (typeof optimize !== "object" || optimize === null) {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("optimize", describeEntry(optimize), expected));
  }
  const options = optimize as Record<string, unknown>;
  checkOptionKeys(options, searchKeys);
  const method = options["method"] ?? "auto";
  if (!isPathSearchName(method)) {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("optimize.method", describeEntry(method), pathSearchNamesListed(" or ")));
  }
  const count = (key: string): number | undefined => {
    const value = options[key];
    if (value === undefined) return undefined;
    if (typeof value === "number" && (Number.isInteger(value) || value === Infinity) && value >= 0) return value;
    throw new EinsumError("INVALID_OPTION", writeInvalidOption(`optimize.${key}`, describeEntry(value), "a whole number from 0, or Infinity"));
  };
  return { method, budget: budgetFor(method, count("maxTrials"), count("maxTimeMs")) };
}

function budgetFor(method: PathSearchName, maxTrials: number | undefined, maxTimeMs: number | undefined): SearchBudget {
  return new SearchBudget(maxTrials ?? DEFAULT_MAX_TRIALS[method], maxTimeMs ?? Infinity);
}

/**
 * Chooses the contraction path of a normalized network. `memoryLimit` caps the largest intermediate, in elements:
 * steps whose result is larger are not taken, and when nothing fits what is left is contracted in one step. Paths
 * may hold single-operand steps (`[i]`) where summing an input's own labels first is cheaper. Throws an
 * `EinsumError` for an unknown method or budget (`INVALID_OPTION`), a bad memory limit (`INVALID_OPTION`), an
 * invalid explicit path (`INVALID_PATH`) or a search stopped before it found any path (`SEARCH_BUDGET`).
 *
 * @example
 * choosePath({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }); //=> [[1, 2], [0, 1]]
 * choosePath({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }, false); //=> [[0, 1], [0, 1]]
 */
export function choosePath(spec: Network, optimize: OptimizeOption = "auto", memoryLimit?: number): LinearPath {
  return searchPath(spec, optimize, memoryLimit).path;
}

/**
 * Checks the memory limit option: `undefined` and `Infinity` mean none, otherwise a number of elements from 0.
 *
 * @example
 * checkMemoryLimit(undefined); //=> Infinity
 * checkMemoryLimit(-1); // throws INVALID_OPTION
 */
export function checkMemoryLimit(memoryLimit: unknown): number {
  if (memoryLimit === undefined) return Infinity;
  if (typeof memoryLimit === "number" && memoryLimit >= 0) return memoryLimit;
  throw new EinsumError(
    "INVALID_OPTION",
    writeInvalidOption("memoryLimit", describeEntry(memoryLimit), "a number of elements from 0, or Infinity"),
  );
}

