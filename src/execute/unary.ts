import { reduceStrided } from "../kernels/strided-reduce.js";
import type { DataArray } from "../tensor/dtype.js";
import type { LabelledArray } from "./contract-pair.js";

/**
 * Prepares one operand: takes the diagonal of repeated labels, sums every label not in `keep`, and lays the kept
 * labels out in `keep`'s order, in one strided pass. A dimension of size 1 whose label is larger elsewhere is not
 * kept: the operand is constant along it.
 *
 * @example
 * // the trace "ii->" of a 3 × 3 matrix
 * reduceOperand(data, [3, 3], [0, 0], [], [3]).data[0];
 */
export function reduceOperand(
  data: DataArray,
  shape: readonly number[],
  labels: readonly number[],
  keep: readonly number[],
  sizes: readonly number[],
): LabelledArray {
  return reduceStrided(data, shape, labels, keep, sizes);
}
