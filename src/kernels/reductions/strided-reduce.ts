/**
 * The unary step: diagonal, sum-out and permutation of one operand in a single strided pass, with no temporary.
 * Each distinct label becomes one loop axis whose input stride is the sum of the strides of the dimensions it
 * names (that is the diagonal) and whose output stride is zero when the label is summed away. Axes are ordered
 * so that the innermost reads memory in order, merged where they are contiguous, and a summed innermost axis
 * accumulates in a local. A float sum whose innermost axis is contiguous runs as row sums in WebAssembly SIMD
 * (`row-sums.ts`); a copy with nothing summed (a permutation, a diagonal) runs in cache-sized tiles
 * (`elementwise/permute-copy.ts`).
 */
import type { DataArray } from "../../tensor/dtype.js";
import { allocateLike, type LabelledData } from "../labelled-data.js";
import { stridesOf } from "../../tensor/shape.js";
import { addColumnSums, addRowSums } from "./row-sums.js";
import { permuteCopy } from "../elementwise/permute-copy.js";
import { walkAxes } from "../axis-walk.js";

interface LoopAxis {
  extent: number;
  inStride: number;
  outStride: number;
}

/**
 * Sums every label of a row-major operand that is not in `keep`, taking the diagonal of repeated labels; the
 * result holds the labels `keep` in that order (each of size `sizes[label]`). A dimension of size 1 whose label
 * is larger elsewhere is constant along that label: it is read once, never multiplied by the label's size.
 *
 * @example
 * // trace of [[1, 2], [3, 4]]
 * reduceStrided(Float64Array.of(1, 2, 3, 4), [2, 2], [0, 0], [], [2]).data; //=> Float64Array [5]
 * // transpose
 * reduceStrided(Float64Array.of(1, 2, 3, 4), [2, 2], [0, 1], [1, 0], [2, 2]).data; //=> Float64Array [1, 3, 2, 4]
 */
export function reduceStrided<Data extends DataArray>(
  data: Data,
  shape: readonly number[],
  labels: readonly number[],
  keep: readonly number[],
  sizes: readonly number[],
): LabelledData<Data> {
  const outShape = keep.map((label) => sizes[label] ?? 1);
  const outStrides = stridesOf(outShape);
  let outSize = 1;
  for (const extent of outShape) outSize *= extent;
  const out = allocateLike(data, outSize);
  const result = { data: out, labels: keep.slice() };
  if (outSize === 0) return result;

  const axes = loopAxes(shape, labels, keep, outShape, outStrides);
  if (axes === undefined) return result;
  const reduces = axes.some((axis) => axis.outStride === 0);
  if (!reduces && isContiguousCopy(axes)) out.set(data.subarray(0, outSize));
  else if (!reduces && outSize >= minimumTiledCopy) permuteCopy(data, out, axes);
  else if (!(reduces && (runRowSums(data, out, axes) || runColumnSums(data, out, axes)))) runLoops(data, out, axes, reduces);
  return result;
}

/** The loop axes, innermost first and merged; `undefined` when the operand is empty. */
function loopAxes(
  shape: readonly number[],
  labels: readonly number[],
  keep: readonly number[],
  outShape: readonly number[],
  outStrides: readonly number[],
): LoopAxis[] | undefined {
  const inStrides = stridesOf(shape);
  // Labels are small integers: an array indexed by label is cheaper than a Map on this per-call path.
  const byLabel: (LoopAxis | undefined)[] = [];
  const inOrder: LoopAxis[] = [];
  const axisOf = (label: number): LoopAxis => {
    let axis = byLabel[label];
    if (axis === undefined) {
      axis = { extent: 1, inStride: 0, outStride: 0 };
      byLabel[label] = axis;
      inOrder.push(axis);
    }
    return axis;
  };
  for (let dim = 0; dim < labels.length; dim++) {
    const extent = shape[dim] ?? 1;
    const axis = axisOf(labels[dim]!);
    if (extent === 1) continue;
    axis.extent = extent;
    axis.inStride += inStrides[dim]!;
  }
  for (let position = 0; position < keep.length; position++) {
    const axis = axisOf(keep[position]!);
    // A kept label the operand holds with size 1 (or not at all) is broadcast along the output.
    if (axis.extent === 1) axis.extent = outShape[position]!;
    axis.outStride = outStrides[position]!;
  }
  const axes: LoopAxis[] = [];
  for (const axis of inOrder) {
    if (axis.extent === 0) return undefined;
    if (axis.extent > 1) axes.push(axis);
  }
  axes.sort((x, y) => x.inStride - y.inStride || x.outStride - y.outStride);
  const merged: LoopAxis[] = [];
  for (const axis of axes) {
    const inner = merged[merged.length - 1];
    if (
      inner !== undefined &&
      axis.inStride === inner.inStride * inner.extent &&
      axis.outStride === inner.outStride * inner.extent
    ) {
      inner.extent *= axis.extent;
    } else {
      merged.push({ ...axis });
    }
  }
  return merged;
}

/** Below this many elements a copy runs in the plain loops: setting up the tiles would cost more than it saves. */
const minimumTiledCopy = 1024;

/** A copy in the same order on both sides (the merged axes are one unit-stride run): a block copy. */
function isContiguousCopy(axes: readonly LoopAxis[]): boolean {
  const only = axes[0];
  return axes.length === 1 && only !== undefined && only.inStride === 1 && only.outStride === 1;
}

/**
 * A reduction whose innermost axis is summed and contiguous (a full sum, or sums along the last axes) as row sums
 * in WebAssembly SIMD; false, having written nothing, when those are unavailable or would not gain.
 */
function runRowSums(input: DataArray, out: DataArray, axes: readonly LoopAxis[]): boolean {
  const inner = axes[0];
  if (input instanceof Int32Array || inner === undefined || inner.outStride !== 0 || inner.inStride !== 1) return false;
  const middle = axes[1] ?? { extent: 1, inStride: inner.extent, outStride: 0 };
  const rowsTogether = middle.inStride === inner.extent;
  return walkAxes(axes.slice(2), (inBase, outBase) => {
    if (rowsTogether) return addRowSums(input, inBase, middle.extent, inner.extent, out, outBase, middle.outStride);
    for (let row = 0; row < middle.extent; row++) {
      const read = inBase + row * middle.inStride;
      if (!addRowSums(input, read, 1, inner.extent, out, outBase + row * middle.outStride, 0)) return false;
    }
    return true;
  });
}

/**
 * A reduction whose innermost axis is kept and contiguous and whose next axis is summed, its rows one after another
 * (column sums, `ij->j`, `ijk->ki`), as sums of rows in WebAssembly SIMD; false, having written nothing, when those
 * are unavailable or would not gain.
 */
function runColumnSums(input: DataArray, out: DataArray, axes: readonly LoopAxis[]): boolean {
  const inner = axes[0];
  const middle = axes[1];
  if (input instanceof Int32Array || inner === undefined || middle === undefined) return false;
  if (inner.inStride !== 1 || inner.outStride === 0 || middle.outStride !== 0 || middle.inStride !== inner.extent) return false;
  return walkAxes(axes.slice(2), (inBase, outBase) =>
    addColumnSums(input, inBase, middle.extent, inner.extent, out, outBase, inner.outStride),
  );
}

function runLoops(input: DataArray, out: DataArray, axes: readonly LoopAxis[], reduces: boolean): void {
  const wraps = input instanceof Int32Array;
  const inner = axes[0] ?? { extent: 1, inStride: 0, outStride: 0 };
  const middle = axes[1] ?? { extent: 1, inStride: 0, outStride: 0 };
  const { extent: e0, inStride: is0, outStride: os0 } = inner;
  const { extent: e1, inStride: is1, outStride: os1 } = middle;
  walkAxes(axes.slice(2), (inBase, outBase) => {
    for (let i1 = 0, read1 = inBase, write1 = outBase; i1 < e1; i1++, read1 += is1, write1 += os1) {
      let read = read1;
      if (os0 === 0) {
        let sum = 0;
        if (wraps) for (let i0 = 0; i0 < e0; i0++, read += is0) sum = (sum + input[read]!) | 0;
        else sum = stridedSum(input, read, is0, e0);
        out[write1] = out[write1]! + sum;
      } else if (reduces) {
        for (let i0 = 0, write = write1; i0 < e0; i0++, read += is0, write += os0) out[write] = out[write]! + input[read]!;
      } else {
        for (let i0 = 0, write = write1; i0 < e0; i0++, read += is0, write += os0) out[write] = input[read]!;
      }
    }
  });
}

/**
 * `Σ input[at + i·stride]` for `i < count`, in four interleaved sums: one running sum waits on the latency of
 * each addition, four keep the adder busy.
 */
function stridedSum(input: DataArray, at: number, stride: number, count: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (const step = 4 * stride; i + 4 <= count; i += 4, at += step) {
    s0 += input[at]!;
    s1 += input[at + stride]!;
    s2 += input[at + 2 * stride]!;
    s3 += input[at + 3 * stride]!;
  }
  for (; i < count; i++, at += stride) s0 += input[at]!;
  return s0 + s1 + (s2 + s3);
}
