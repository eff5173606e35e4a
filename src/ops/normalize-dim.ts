import { EinsumError } from "../einsum-error.js";
import { writeDimOutOfRange, writeInvalidOption } from "../messages.js";
import { describeEntry } from "../tensor/nested.js";

/**
 * A dimension index counted from the end when negative (PyTorch's way), as its place from the start, for a tensor of
 * `rank` dimensions where `slots` places are valid (`rank` for most ops, `rank + 1` for `unsqueeze`). Throws
 * `DIM_OUT_OF_RANGE` for a number outside them, and `INVALID_OPTION` for anything that is not a number.
 *
 * @example
 * normalizeDim(-1, 3, 3); //=> 2
 * normalizeDim(3, 2, 2); // throws DIM_OUT_OF_RANGE
 */
export function normalizeDim(dim: unknown, rank: number, slots: number): number {
  if (typeof dim !== "number") {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("dim", describeEntry(dim), `an integer from ${-slots} to ${slots - 1}`));
  }
  if (!Number.isInteger(dim) || dim < -slots || dim >= slots) {
    throw new EinsumError("DIM_OUT_OF_RANGE", writeDimOutOfRange(dim, rank, -slots, slots - 1));
  }
  return dim < 0 ? dim + slots : dim;
}
