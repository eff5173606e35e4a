import { allocate, type DataArray } from "../tensor/dtype.js";
import { stridesOf } from "../tensor/shape.js";
import { forEachIndex, stridesFor, type LabelledArray } from "./contract-pair.js";

/**
 * Prepares one operand: takes the diagonal of repeated labels, sums every label not in `keep`, and lays the kept
 * labels out in `keep`'s order. A dimension of size 1 whose label is larger elsewhere is not kept: the operand is
 * constant along it.
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
  const distinct = [...new Set(labels)];
  const strides = stridesOf(shape);
  const inputStrides = distinct.map((label) =>
    labels.reduce((sum, other, dimension) => (other === label ? sum + (strides[dimension] ?? 0) : sum), 0),
  );
  const extents = distinct.map((label) => shape[labels.indexOf(label)] ?? 0);
  const outStrides = stridesFor(distinct, keep, sizes);
  const out = allocate(
    data instanceof Float32Array ? "float32" : data instanceof Int32Array ? "int32" : "float64",
    keep.reduce((size, label) => size * (sizes[label] ?? 0), 1),
  );
  const integer = data instanceof Int32Array;
  forEachIndex(extents, [inputStrides, outStrides], (inAt, outAt) => {
    const value = data[inAt] ?? 0;
    out[outAt] = integer ? ((out[outAt] ?? 0) + value) | 0 : (out[outAt] ?? 0) + value;
  });
  return { data: out, labels: [...keep] };
}
