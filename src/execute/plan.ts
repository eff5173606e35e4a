import { searchPath } from "../optimizer/choose-path.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { EinsumOptions } from "./arguments.js";
import { LruCache } from "./lru-cache.js";

/** Plans by the spec object itself: a repeated call gets the same spec back from the parse cache. */
const plansBySpec = new WeakMap<NormalizedSpec, Map<string, Planned>>();
/** Plans of searches worth remembering across specs that are equal but not the same object. */
const plansByNetwork = new LruCache<Planned>(512);

/**
 * What an einsum call runs: a contraction path and the labels it is sliced over, in the order of their loops (none
 * unless a memory limit needs them).
 *
 * @example
 * const planned: Planned = { path: [[1, 2], [0, 1]], sliced: [] };
 */
export interface Planned {
  readonly path: number[][];
  readonly sliced: readonly number[];
}

function plan(spec: NormalizedSpec, options: EinsumOptions): Planned {
  const { path, slicing } = searchPath(spec, options.optimize ?? "auto", options.memoryLimit);
  return { path, sliced: slicing?.order ?? [] };
}

/**
 * The contraction path an einsum call runs, and the labels it is sliced over under a memory limit: the optimizer's choice (`options.optimize`, `"auto"` by default),
 * left to right with `optimize: false`, or the caller's own path, under `options.memoryLimit`. Searches are
 * cached per (labels, sizes, method, memory limit), so a repeated call plans once. The returned path is shared:
 * callers must not change it.
 *
 * @example
 * planPath(normalizeEquation("ab,bc,cd", [[10, 2], [2, 10], [10, 2]]), {}); //=> { path: [[1, 2], [0, 1]], sliced: [] }
 */
export function planPath(spec: NormalizedSpec, options: EinsumOptions): Planned {
  const optimize = options.optimize ?? "auto";
  if (typeof optimize !== "string") return plan(spec, options);
  const method = `${optimize}|${String(options.memoryLimit)}`;
  let perSpec = plansBySpec.get(spec);
  if (perSpec === undefined) plansBySpec.set(spec, (perSpec = new Map()));
  let path = perSpec.get(method);
  if (path === undefined) {
    const search = (): Planned => plan(spec, options);
    path = spec.inputs.length < 3 ? search() : plansByNetwork.get(`${networkKey(spec)}|${method}`, search);
    perSpec.set(method, path);
  }
  return path;
}

/**
 * A key that tells networks apart by their labels and sizes: equal specs that are different objects get the same.
 *
 * @example
 * networkKey(normalizeEquation("ab,bc->ac", [[2, 3], [3, 4]])); //=> "0,1;1,2>0,2|2,3,4"
 */
export function networkKey(spec: Pick<NormalizedSpec, "inputs" | "output" | "sizes">): string {
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
