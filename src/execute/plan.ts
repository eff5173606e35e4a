import type { NormalizedSpec } from "../parse/spec.js";
import type { EinsumOptions } from "./arguments.js";

/**
 * The contraction path an einsum call runs: left to right, one pair at a time.
 *
 * @example
 * planPath(normalizeEquation("ab,bc,cd", shapes), {}); //=> [[0, 1], [0, 1]]
 */
export function planPath(spec: NormalizedSpec, _options: EinsumOptions): number[][] {
  const steps = Math.max(0, spec.inputs.length - 1);
  return Array.from({ length: steps }, () => [0, 1]);
}
