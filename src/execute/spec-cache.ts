import { normalizeEquation } from "../parse/normalize.js";
import type { NormalizedSpec } from "../parse/spec.js";
import { normalizeSublists, type SublistLabel } from "../parse/sublists.js";
import { LruCache } from "./lru-cache.js";

const specs = new LruCache<NormalizedSpec>(256);
/** The last call, checked first without building a key: einsum in a loop repeats the same call. */
let last: { equation: string; shapes: readonly (readonly number[])[]; spec: NormalizedSpec } | undefined;

/**
 * {@link normalizeEquation} with a memory: an equation seen before with the same shapes gives back the same
 * (frozen) spec without parsing or checking it again. Equations that throw are not stored, so they throw every
 * time.
 *
 * @example
 * const spec = cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 4]]);
 * cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 4]]) === spec; //=> true
 */
export function cachedNormalizeEquation(equation: string, shapes: readonly (readonly number[])[]): NormalizedSpec {
  if (last !== undefined && last.equation === equation && sameShapes(last.shapes, shapes)) return last.spec;
  // No valid equation holds "|", so the key below is unambiguous; one that does goes straight to its error.
  if (equation.includes("|")) return normalizeEquation(equation, shapes);
  let key = equation;
  for (const shape of shapes) key += `|${shape.join(",")}`;
  const spec = specs.get(key, () => freezeSpec(normalizeEquation(equation, shapes)));
  last = { equation, shapes: shapes.map((shape) => shape.slice()), spec };
  return spec;
}

/**
 * {@link normalizeSublists} with the same memory: the same sublists, output and shapes give back the same (frozen)
 * spec, so that a repeated sublist call, whose label arrays are new each time, reuses the compiled run of its
 * steps. Sublists that throw are not stored.
 *
 * @example
 * const spec = cachedNormalizeSublists([[0, 1], [1, 2]], [0, 2], [[2, 3], [3, 4]]);
 * cachedNormalizeSublists([[0, 1], [1, 2]], [0, 2], [[2, 3], [3, 4]]) === spec; //=> true
 */
export function cachedNormalizeSublists(
  sublists: readonly (readonly SublistLabel[])[],
  output: readonly SublistLabel[] | undefined,
  shapes: readonly (readonly number[])[],
): NormalizedSpec {
  // "|" and ";" appear in no label nor size, and "!" marks an implicit output, so the key is unambiguous.
  let key = sublists.map((labels) => labels.join(",")).join(";");
  key += output === undefined ? "!" : `>${output.join(",")}`;
  for (const shape of shapes) key += `|${shape.join(",")}`;
  return sublistSpecs.get(key, () => freezeSpec(normalizeSublists(sublists, output, shapes)));
}

const sublistSpecs = new LruCache<NormalizedSpec>(256);

function sameShapes(left: readonly (readonly number[])[], right: readonly (readonly number[])[]): boolean {
  if (left.length !== right.length) return false;
  for (let operand = 0; operand < left.length; operand++) {
    const a = left[operand]!;
    const b = right[operand]!;
    if (a.length !== b.length) return false;
    for (let axis = 0; axis < a.length; axis++) if (a[axis] !== b[axis]) return false;
  }
  return true;
}

/**
 * How many specs the cache holds, for tests.
 *
 * @example
 * cachedSpecCount(); //=> 0 before any call
 */
export function cachedSpecCount(): number {
  return specs.size;
}

function freezeSpec(spec: NormalizedSpec): NormalizedSpec {
  for (const input of spec.inputs) Object.freeze(input);
  Object.freeze(spec.inputs);
  Object.freeze(spec.output);
  Object.freeze(spec.sizes);
  Object.freeze(spec.labelNames);
  return Object.freeze(spec);
}
