import { EinsumError } from "../einsum-error.js";
import { writePathIncomplete, writePathPosition, writePathRepeat, writePathStep } from "../messages.js";
import type { LinearPath } from "./network.js";

/**
 * Checks a user's path for `operandCount` operands and returns a copy: each step must be a non-empty list of
 * distinct positions below the number of operands left, and the path must end with one operand. Throws an
 * `INVALID_PATH` error otherwise.
 *
 * @example
 * validatePath([[1, 2], [0, 1]], 3); //=> [[1, 2], [0, 1]]
 * validatePath([[0, 3]], 3); // throws INVALID_PATH: "path step 0 names position 3, but 3 operands are left: ..."
 */
export function validatePath(path: unknown, operandCount: number): LinearPath {
  if (!Array.isArray(path)) throw new EinsumError("INVALID_PATH", writePathStep(0));
  let left = operandCount;
  const copy: LinearPath = [];
  path.forEach((step: unknown, index: number) => {
    if (!Array.isArray(step) || step.length === 0) throw new EinsumError("INVALID_PATH", writePathStep(index));
    const seen = new Set<number>();
    for (const position of step as unknown[]) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= left) {
        throw new EinsumError("INVALID_PATH", writePathPosition(index, String(position), left));
      }
      if (seen.has(position)) throw new EinsumError("INVALID_PATH", writePathRepeat(index, position));
      seen.add(position);
    }
    copy.push([...(step as number[])]);
    left = left - step.length + 1;
  });
  if (left !== 1 && operandCount > 0) throw new EinsumError("INVALID_PATH", writePathIncomplete(left));
  return copy;
}
