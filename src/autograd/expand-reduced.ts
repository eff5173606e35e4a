import { allocate, dtypeOfData, type DataArray } from "../tensor/dtype.js";
import { stridesOf } from "../tensor/shape.js";

/**
 * The gradient through a strided reduction (`reduceStrided`: a diagonal, a sum over labels, a dropped size-1
 * dimension, a permutation). The reduction read `data[labels]` of this `shape` into `result[keep]`; its gradient
 * gives every element of the input the result's gradient at the element's `keep` labels, and 0 off the diagonal
 * of a repeated label. A label not kept is broadcast back; a size-1 dimension gets its one element.
 *
 * @example
 * // the gradient of the trace "ii->" of a 2×2 matrix is the identity
 * expandReduced(Float64Array.of(1), [], [2], [2, 2], [0, 0]); //=> Float64Array [1, 0, 0, 1]
 */
export function expandReduced(
  gradient: DataArray,
  keep: readonly number[],
  sizes: readonly number[],
  shape: readonly number[],
  labels: readonly number[],
): DataArray {
  let total = 1;
  for (const extent of shape) total *= extent;
  const out = allocate(dtypeOfData(gradient) ?? "float64", total);
  if (total === 0) return out;
  const keptStrides = stridesOf(keep.map((label) => sizes[label] ?? 1));
  const inputStrides = stridesOf(shape);
  // One loop axis per distinct label: its extent, its step in the input (summed over repeats) and in the gradient.
  const extents: number[] = [];
  const inSteps: number[] = [];
  const gradSteps: number[] = [];
  const loopOf = new Map<number, number>();
  labels.forEach((label, axis) => {
    const loop = loopOf.get(label);
    if (loop !== undefined) {
      inSteps[loop]! += inputStrides[axis] ?? 0;
      return;
    }
    loopOf.set(label, extents.length);
    const at = keep.indexOf(label);
    extents.push(shape[axis] ?? 1);
    inSteps.push(inputStrides[axis] ?? 0);
    gradSteps.push(at < 0 || (shape[axis] ?? 1) === 1 ? 0 : (keptStrides[at] ?? 0));
  });
  scatter(gradient, out, extents, inSteps, gradSteps);
  return out;
}

/** `out[Σ index·inSteps] = gradient[Σ index·gradSteps]` over every index of `extents`, innermost axis last. */
function scatter(gradient: DataArray, out: DataArray, extents: number[], inSteps: number[], gradSteps: number[]): void {
  const rank = extents.length;
  if (rank === 0) {
    out[0] = gradient[0] ?? 0;
    return;
  }
  const inner = extents[rank - 1]!;
  const innerIn = inSteps[rank - 1]!;
  const innerGrad = gradSteps[rank - 1]!;
  const index = new Array<number>(rank).fill(0);
  let inAt = 0;
  let gradAt = 0;
  for (;;) {
    for (let step = 0; step < inner; step++) out[inAt + step * innerIn] = gradient[gradAt + step * innerGrad]!;
    let axis = rank - 2;
    for (; axis >= 0; axis--) {
      inAt += inSteps[axis]!;
      gradAt += gradSteps[axis]!;
      if (++index[axis]! < extents[axis]!) break;
      inAt -= inSteps[axis]! * extents[axis]!;
      gradAt -= gradSteps[axis]! * extents[axis]!;
      index[axis] = 0;
    }
    if (axis < 0) return;
  }
}
