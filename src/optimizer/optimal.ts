import { EinsumError } from "../einsum-error.js";
import { writeInvalidOption } from "../messages.js";
import type { SearchBudget } from "./budget.js";
import { EXACT_SEARCH_LIMIT, exactSsa } from "./exact.js";
import { greedySsa } from "./greedy.js";
import type { SsaPath } from "./network.js";
import { planFromSsa } from "./plan.js";
import type { Problem } from "./problem.js";

/**
 * The optimal contraction order under the cost convention: an exhaustive search (every split of every subset of the
 * operands, outer products and single-operand reductions included), pruned by the cost of the greedy order. Takes
 * at most {@link EXACT_SEARCH_LIMIT} operands and throws an `INVALID_OPTION` error beyond. When `budget` runs out
 * first, returns the best order it has: the greedy order (or, under a memory limit, one step over everything).
 *
 * @example
 * optimalSsa(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }));
 * //=> [[1, 2], [0, 3]]
 */
export function optimalSsa(problem: Problem, budget?: SearchBudget): SsaPath {
  if (problem.operandCount > EXACT_SEARCH_LIMIT) {
    throw new EinsumError(
      "INVALID_OPTION",
      writeInvalidOption(
        "optimize",
        `'optimal' for ${problem.operandCount} operands`,
        `at most ${EXACT_SEARCH_LIMIT} operands; use 'dp' or 'auto'`,
      ),
    );
  }
  const operands = problem.inputs.map((labels, input) => ({ labels, input }));
  if (Number.isFinite(problem.memoryLimit)) {
    return exactSsa(problem, { operands, keep: problem.output }, Infinity, budget)?.ssa ?? [operands.map((_, id) => id)];
  }
  const greedy = greedySsa(problem);
  const bound = planFromSsa(problem, greedy).flops;
  return exactSsa(problem, { operands, keep: problem.output }, bound, budget)?.ssa ?? greedy;
}
