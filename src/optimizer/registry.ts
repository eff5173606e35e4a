import { EinsumError } from "../einsum-error.js";
import { writeSearchStopped } from "../messages.js";
import { autoSsa, HYPER_PARTITIONS } from "./auto.js";
import { branchSsa } from "./branch.js";
import { SearchBudget } from "./budget.js";
import { dpSsa } from "./dp.js";
import { greedySsa } from "./greedy.js";
import type { SsaPath } from "./network.js";
import { optimalSsa } from "./optimal.js";
import type { Problem } from "./problem.js";

/**
 * A path search: a function from a prepared network (with its memory limit) and a budget to an SSA path. A search
 * stopped by its budget returns the best path it has, or throws `SEARCH_BUDGET` when it has none.
 *
 * @example
 * const leftToRight: PathSearch = (problem) => problem.inputs.slice(1).map((_, step) => [step === 0 ? 0 : problem.operandCount + step - 1, step + 1]);
 */
export type PathSearch = (problem: Problem, budget: SearchBudget) => SsaPath;

/**
 * Without a memory limit, opt_einsum's greedy; with one, the greedy bound search (one branch), as opt_einsum does,
 * within the budget.
 */
function greedyWithLimit(problem: Problem, budget: SearchBudget): SsaPath {
  if (!Number.isFinite(problem.memoryLimit)) return greedySsa(problem);
  return found("greedy", branchSsa(problem, { branches: 1, budget }), budget);
}

function found(method: string, ssa: SsaPath | undefined, budget: SearchBudget): SsaPath {
  if (ssa !== undefined) return ssa;
  throw new EinsumError("SEARCH_BUDGET", writeSearchStopped(method, budget.stoppedBy ?? "maxTrials", budget.trials));
}

/**
 * The trials (16 per candidate step) the greedy search may spend under a memory limit, where it is a bound search of one branch (without a
 * limit it is not budgeted).
 *
 * @example
 * DEFAULT_GREEDY_TRIALS; //=> 32000000
 */
export const DEFAULT_GREEDY_TRIALS = 32_000_000;

/**
 * The path searches by name.
 *
 * @example
 * pathSearches.dp(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }), new SearchBudget());
 */
export const pathSearches = {
  auto: autoSsa,
  hyper: (problem: Problem, budget: SearchBudget): SsaPath => autoSsa(problem, budget, HYPER_PARTITIONS),
  optimal: optimalSsa,
  dp: (problem: Problem, budget: SearchBudget): SsaPath =>
    dpSsa(problem, { budget }) ?? greedyWithLimit(problem, new SearchBudget(DEFAULT_GREEDY_TRIALS)),
  greedy: greedyWithLimit,
  branch: (problem: Problem, budget: SearchBudget): SsaPath => found("branch", branchSsa(problem, { branches: 2, budget }), budget),
} as const satisfies Record<string, PathSearch>;

/**
 * The registered searches' names as a message lists them: `'auto', 'hyper', …, 'greedy', 'branch'`.
 *
 * @example
 * pathSearchNamesListed(" or "); //=> "'auto', 'hyper', 'optimal', 'dp', 'greedy' or 'branch'"
 */
export function pathSearchNamesListed(lastSeparator: string): string {
  const quoted = Object.keys(pathSearches).map((name) => `'${name}'`);
  return `${quoted.slice(0, -1).join(", ")}${lastSeparator}${quoted[quoted.length - 1] ?? ""}`;
}

/**
 * What the `optimize` option accepts, as a message lists it.
 *
 * @example
 * OPTIMIZE_VALUES_LISTED; //=> "'auto', 'hyper', 'optimal', 'dp', 'greedy', 'branch', { method, maxTrials, maxTimeMs }, false or a path"
 */
export const OPTIMIZE_VALUES_LISTED = `${pathSearchNamesListed(", ")}, { method, maxTrials, maxTimeMs }, false or a path`;

/**
 * The name of a registered path search.
 *
 * @example
 * const method: PathSearchName = "dp";
 */
export type PathSearchName = keyof typeof pathSearches;

/**
 * Whether a value names a registered path search.
 *
 * @example
 * isPathSearchName("dp"); //=> true
 * isPathSearchName("fast"); //=> false
 */
export function isPathSearchName(value: unknown): value is PathSearchName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(pathSearches, value);
}
