import { EinsumError } from "../einsum-error.js";
import { writeDimOutOfRange } from "../messages.js";

/**
 * A dimension index counted from the end when negative (PyTorch's way), as its place from the start, for a tensor of
 * `rank` dimensions where `slots` places are valid (`rank` for most ops, `rank + 1` for `unsqueeze`). Throws
 * `DIM_OUT_OF_RANGE` otherwise.
 *
 * @example
 * normalizeDim(-1, 3, 3); //=> 2
 * normalizeDim(3, 2, 2); // throws DIM_OUT_OF_RANGE
 */
export function normalizeDim(dim: number, rank: number, slots: number): number {
  if (!Number.isInteger(dim) || dim < -slots || dim >= slots) {
    throw new EinsumError("DIM_OUT_OF_RANGE", writeDimOutOfRange(dim, rank, -slots, slots - 1));
  }
  return dim < 0 ? dim + slots : dim;
}
