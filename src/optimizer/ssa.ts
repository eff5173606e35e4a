import { OperandList } from "./operand-list.js";
import type { LinearPath, SsaPath } from "./network.js";

/**
 * Converts a path of static single assignment ids into opt_einsum's linear format.
 *
 * @example
 * ssaToLinear([[0, 3], [2, 4], [1, 5]], 4); //=> [[0, 3], [1, 2], [0, 1]]
 */
export function ssaToLinear(ssa: SsaPath, operandCount: number): LinearPath {
  // an SSA id is its slot: inputs first, then each step's result in order
  const list = new OperandList(operandCount, ssa.length);
  return ssa.map((step) => {
    const positions = step.map((id) => list.positionOf(id));
    list.removeSlots(step);
    list.append();
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
  const list = new OperandList(operandCount, path.length);
  return path.map((positions) => {
    const ids = list.remove(positions);
    list.append();
    return ids;
  });
}
