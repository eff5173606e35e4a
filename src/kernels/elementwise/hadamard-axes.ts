/**
 * The loop axes of a Hadamard product: one per label the three arrays share, innermost first, merged where all
 * three are contiguous across them. Both the strided loops (`hadamard.ts`) and the SIMD runs
 * (`hadamard-copied.ts`) read them.
 */
import { stridesOf } from "../../tensor/shape.js";

/**
 * One loop axis of a Hadamard product: its extent and its stride in each of the three arrays.
 *
 * @example
 * const rows: HadamardAxis = { extent: 3, aStride: 4, bStride: 1, cStride: 4 };
 */
export interface HadamardAxis {
  readonly extent: number;
  readonly aStride: number;
  readonly bStride: number;
  readonly cStride: number;
}

/**
 * The loop axes of `c[keep] = a[left] * b[right]`, where `left` and `right` hold the labels of `keep` in any
 * order, each array row-major in its own labels: innermost first, in the result's order, merged where they are
 * contiguous in all three. Labels of size 1 are left out, so an empty list means one element.
 *
 * @example
 * // "ij,ji->ij" with i = 2, j = 3 (labels i = 0, j = 1)
 * hadamardAxes([0, 1], [1, 0], [0, 1], [2, 3]);
 * //=> [{ extent: 3, aStride: 1, bStride: 2, cStride: 1 }, { extent: 2, aStride: 3, bStride: 1, cStride: 3 }]
 */
export function hadamardAxes(
  left: readonly number[],
  right: readonly number[],
  keep: readonly number[],
  sizes: readonly number[],
): HadamardAxis[] {
  const strideOf = (labels: readonly number[]): ((label: number) => number) => {
    const strides = stridesOf(labels.map((label) => sizes[label] ?? 1));
    return (label) => strides[labels.indexOf(label)] ?? 0;
  };
  const aStride = strideOf(left);
  const bStride = strideOf(right);
  const cStride = strideOf(keep);
  const axes: HadamardAxis[] = [];
  for (let position = keep.length - 1; position >= 0; position--) {
    const label = keep[position]!;
    const extent = sizes[label] ?? 1;
    if (extent === 1) continue;
    const axis = { extent, aStride: aStride(label), bStride: bStride(label), cStride: cStride(label) };
    const inner = axes[axes.length - 1];
    if (
      inner !== undefined &&
      axis.aStride === inner.aStride * inner.extent &&
      axis.bStride === inner.bStride * inner.extent &&
      axis.cStride === inner.cStride * inner.extent
    ) {
      axes[axes.length - 1] = { ...inner, extent: inner.extent * extent };
    } else {
      axes.push(axis);
    }
  }
  return axes;
}
