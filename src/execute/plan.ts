import { choosePath } from "../optimizer/choose-path.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { EinsumOptions } from "./arguments.js";
import { PlanCache } from "./plan-cache.js";

const plans = new PlanCache<number[][]>(512);

/**
 * The contraction path an einsum call runs: the optimizer's choice (`options.optimize`, `"auto"` by default),
 * left to right with `optimize: false`, or the caller's own path, under `options.memoryLimit`. Searches are
 * cached per (labels, sizes, method, memory limit), so a repeated call plans once.
 *
 * @example
 * planPath(normalizeEquation("ab,bc,cd", [[10, 2], [2, 10], [10, 2]]), {}); //=> [[1, 2], [0, 1]]
 */
export function planPath(spec: NormalizedSpec, options: EinsumOptions): number[][] {
  const optimize = options.optimize ?? "auto";
  if (typeof optimize !== "string" || spec.inputs.length < 3) return choosePath(spec, optimize, options.memoryLimit);
  const key = `${JSON.stringify(spec.inputs)}>${spec.output.join(",")}|${spec.sizes.join(",")}|${optimize}|${String(options.memoryLimit)}`;
  return plans.get(key, () => choosePath(spec, optimize, options.memoryLimit));
}

/**
 * How many plans the cache holds, for tests.
 *
 * @example
 * cachedPlanCount(); //=> 0
 */
export function cachedPlanCount(): number {
  return plans.size;
}
