import { choosePath } from "../optimizer/choose-path.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { EinsumOptions } from "./arguments.js";
import { LruCache } from "./lru-cache.js";

/** Plans by the spec object itself: a repeated call gets the same spec back from the parse cache. */
const plansBySpec = new WeakMap<NormalizedSpec, Map<string, number[][]>>();
/** Plans of searches worth remembering across specs that are equal but not the same object. */
const plansByNetwork = new LruCache<number[][]>(512);

/**
 * The contraction path an einsum call runs: the optimizer's choice (`options.optimize`, `"auto"` by default),
 * left to right with `optimize: false`, or the caller's own path, under `options.memoryLimit`. Searches are
 * cached per (labels, sizes, method, memory limit), so a repeated call plans once. The returned path is shared:
 * callers must not change it.
 *
 * @example
 * planPath(normalizeEquation("ab,bc,cd", [[10, 2], [2, 10], [10, 2]]), {}); //=> [[1, 2], [0, 1]]
 */
export function planPath(spec: NormalizedSpec, options: EinsumOptions): number[][] {
  const optimize = options.optimize ?? "auto";
  if (typeof optimize !== "string") return choosePath(spec, optimize, options.memoryLimit);
  const method = `${optimize}|${String(options.memoryLimit)}`;
  let perSpec = plansBySpec.get(spec);
  if (perSpec === undefined) plansBySpec.set(spec, (perSpec = new Map()));
  let path = perSpec.get(method);
  if (path === undefined) {
    const search = (): number[][] => choosePath(spec, optimize, options.memoryLimit);
    path = spec.inputs.length < 3 ? search() : plansByNetwork.get(`${networkKey(spec)}|${method}`, search);
    perSpec.set(method, path);
  }
  return path;
}

function networkKey(spec: NormalizedSpec): string {
  return `${spec.inputs.map((labels) => labels.join(",")).join(";")}>${spec.output.join(",")}|${spec.sizes.join(",")}`;
}

/**
 * How many searches the cross-spec cache holds, for tests.
 *
 * @example
 * cachedPlanCount(); //=> 0
 */
export function cachedPlanCount(): number {
  return plansByNetwork.size;
}
