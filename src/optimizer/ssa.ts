import type { LinearPath, SsaPath } from "./network.js";

/**
 * Converts a path of static single assignment ids into opt_einsum's linear format.
 *
 * @example
 * ssaToLinear([[0, 3], [2, 4], [1, 5]], 4); //=> [[0, 3], [1, 2], [0, 1]]
 */
export function ssaToLinear(ssa: SsaPath, operandCount: number): LinearPath {
  const current = Array.from({ length: operandCount }, (_, id) => id);
  let nextId = operandCount;
  return ssa.map((step) => {
    const positions = step.map((id) => current.indexOf(id));
    for (const position of [...positions].sort((a, b) => b - a)) current.splice(position, 1);
    current.push(nextId++);
    return positions;
  });
}

/**
 * Converts a linear path into static single assignment ids.
 *
 * @example
 * linearToSsa([[0, 3], [1, 2], [0, 1]], 4); //=> [[0, 3], [2, 4], [1, 5]]
 */
export function linearToSsa(path: LinearPath, operandCount: number): SsaPath {
  const current = Array.from({ length: operandCount }, (_, id) => id);
  let nextId = operandCount;
  return path.map((positions) => {
    const ids = positions.map((position) => current[position] as number);
    for (const position of [...positions].sort((a, b) => b - a)) current.splice(position, 1);
    current.push(nextId++);
    return ids;
  });
}
