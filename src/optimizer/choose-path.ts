import { EinsumError } from "../einsum-error.js";
import { writeInvalidOption } from "../messages.js";
import type { LinearPath, Network } from "./network.js";
import { planFromSsa } from "./plan.js";
import { prepareProblem } from "./problem.js";
import { isPathSearchName, pathSearches } from "./registry.js";
import { validatePath } from "./validate-path.js";

/**
 * How to choose the contraction order: a search by name, `false` for left to right, or an explicit path in
 * opt_einsum's linear format.
 *
 * @example
 * const option: OptimizeOption = "dp";
 * const explicit: OptimizeOption = [[1, 2], [0, 1]];
 */
export type OptimizeOption = "auto" | "optimal" | "dp" | "greedy" | "branch" | false | readonly (readonly number[])[];

/**
 * Chooses the contraction path of a normalized network. `memoryLimit` caps the largest intermediate, in elements:
 * steps whose result is larger are not taken, and when nothing fits what is left is contracted in one step. Paths
 * may hold single-operand steps (`[i]`) where summing an input's own labels first is cheaper. Throws an
 * `EinsumError` for an unknown method (`INVALID_OPTION`), a bad memory limit (`INVALID_OPTION`) or an invalid
 * explicit path (`INVALID_PATH`).
 *
 * @example
 * choosePath({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }); //=> [[1, 2], [0, 1]]
 * choosePath({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }, false); //=> [[0, 1], [0, 1]]
 */
export function choosePath(spec: Network, optimize: OptimizeOption = "auto", memoryLimit?: number): LinearPath {
  const limit = checkMemoryLimit(memoryLimit);
  const count = spec.inputs.length;
  if (Array.isArray(optimize)) return validatePath(optimize, count);
  if (optimize === false) {
    return count <= 1 ? (count === 1 ? [[0]] : []) : Array.from({ length: count - 1 }, () => [0, 1]);
  }
  if (!isPathSearchName(optimize)) {
    throw new EinsumError(
      "INVALID_OPTION",
      writeInvalidOption("optimize", describe(optimize), "'auto', 'optimal', 'dp', 'greedy', 'branch', false or a path"),
    );
  }
  if (count === 0) return [];
  if (count === 1) return [[0]];
  const problem = prepareProblem(spec, limit);
  return planFromSsa(problem, pathSearches[optimize](problem)).path;
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
    writeInvalidOption("memoryLimit", describe(memoryLimit), "a number of elements from 0, or Infinity"),
  );
}

function describe(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : String(value);
}
