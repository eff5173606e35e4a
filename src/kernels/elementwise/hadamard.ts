/**
 * The Hadamard product, `c = a * b` element by element over labels that all three hold (a pairwise step with
 * batch labels only), as nested strided loops. Its plan is one loop axis per label, innermost first and merged
 * where all three are contiguous across them, so its size does not grow with the data's: no offset table, and
 * nothing to rebuild on each call.
 */
import type { DataArray } from "../../tensor/dtype.js";
import { copiedRun } from "./hadamard-copied.js";
import type { HadamardAxis } from "./hadamard-axes.js";

/**
 * Writes `c = a * b` along the loop axes of {@link hadamardAxes}; int32 wraps like PyTorch's, and a float product
 * is written as `x·y + 0`, so that a zero result is +0 as in every other path. Float runs that are contiguous in
 * all three arrays and long enough go through WebAssembly SIMD (`hadamard-copied.ts`).
 *
 * @example
 * const c = new Float64Array(6);
 * hadamardStrided(hadamardAxes([0, 1], [1, 0], [0, 1], [2, 3]), a, b, c); // "ij,ji->ij"
 */
export function hadamardStrided(axes: readonly HadamardAxis[], a: DataArray, b: DataArray, c: DataArray): void {
  const inner = axes[0] ?? { extent: 1, aStride: 0, bStride: 0, cStride: 0 };
  const wraps = c instanceof Int32Array;
  const copied = wraps ? undefined : copiedRun(inner, a, b, c);
  const outer = axes.slice(1);
  const counters = new Array<number>(outer.length).fill(0);
  let aBase = 0;
  let bBase = 0;
  let cBase = 0;
  for (;;) {
    if (copied !== undefined) copied(aBase, bBase, cBase);
    else if (wraps) wrappingRun(inner, a, b, c, aBase, bBase, cBase);
    else floatRun(inner, a, b, c, aBase, bBase, cBase);
    // Advance the odometer of the outer axes; rewind each axis that wraps.
    let axis = 0;
    for (; axis < outer.length; axis++) {
      const loop = outer[axis]!;
      aBase += loop.aStride;
      bBase += loop.bStride;
      cBase += loop.cStride;
      if (++counters[axis]! < loop.extent) break;
      counters[axis] = 0;
      aBase -= loop.aStride * loop.extent;
      bBase -= loop.bStride * loop.extent;
      cBase -= loop.cStride * loop.extent;
    }
    if (axis === outer.length) return;
  }
}

function floatRun(inner: HadamardAxis, a: DataArray, b: DataArray, c: DataArray, ra: number, rb: number, w: number): void {
  const { extent, aStride, bStride, cStride } = inner;
  for (let t = 0; t < extent; t++, ra += aStride, rb += bStride, w += cStride) c[w] = a[ra]! * b[rb]! + 0;
}

function wrappingRun(inner: HadamardAxis, a: DataArray, b: DataArray, c: DataArray, ra: number, rb: number, w: number): void {
  const { extent, aStride, bStride, cStride } = inner;
  for (let t = 0; t < extent; t++, ra += aStride, rb += bStride, w += cStride) c[w] = Math.imul(a[ra]!, b[rb]!);
}
