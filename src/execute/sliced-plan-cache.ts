/**
 * The parts of a sliced run that depend only on the network, the path and the sliced labels, kept from one call to
 * the next: the split into shared steps and the rest (`shared-steps.ts`), and the spec each slice runs. Handing the
 * same spec objects to the executor again lets it reuse their compiled runs (kept per spec object), so a repeated
 * sliced call skips planning its steps, as an unsliced one does.
 */
import type { NormalizedSpec } from "../parse/spec.js";
import { LruCache } from "./lru-cache.js";
import { networkKey } from "./plan.js";
import { splitShared, type SharedSplit } from "./shared-steps.js";

const splits = new LruCache<{ readonly split: SharedSplit | undefined }>(64);
const sliceSpecs = new WeakMap<NormalizedSpec, Map<string, NormalizedSpec>>();

/**
 * {@link splitShared}, kept per network (labels, sizes, names), path and sliced labels: a repeated call gets the
 * same split, with the same spec objects, back.
 *
 * @example
 * cachedSplitShared(spec, path, [0]) === cachedSplitShared(spec, path, [0]); //=> true
 */
export function cachedSplitShared(spec: NormalizedSpec, path: readonly (readonly number[])[], sliced: readonly number[]): SharedSplit | undefined {
  const key = `${networkKey(spec)}|${spec.labelNames.join("\u0000")}|${path.map((step) => step.join(",")).join(";")}|${sliced.join(",")}`;
  return splits.get(key, () => ({ split: splitShared(spec, path, sliced) })).split;
}

/**
 * The spec every slice runs: `spec` with each sliced label at size 1, the same object for the same spec object and
 * sliced labels.
 *
 * @example
 * cachedSliceSpec(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [1]).sizes; //=> [2, 1, 2]
 */
export function cachedSliceSpec(spec: NormalizedSpec, sliced: readonly number[]): NormalizedSpec {
  let perSpec = sliceSpecs.get(spec);
  if (perSpec === undefined) sliceSpecs.set(spec, (perSpec = new Map()));
  const key = sliced.join(",");
  let sliceSpec = perSpec.get(key);
  if (sliceSpec === undefined) {
    sliceSpec = { ...spec, sizes: spec.sizes.map((size, label) => (sliced.includes(label) ? 1 : size)) };
    perSpec.set(key, sliceSpec);
  }
  return sliceSpec;
}
