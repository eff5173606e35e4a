/**
 * Runs of a float Hadamard product that are contiguous in all three arrays, in WebAssembly SIMD
 * (`multiply_*` of `wasm/direct.wat`): each chunk of the two operands is copied into the module's memory, small
 * enough to stay in cache, multiplied there in place, and copied out with one block copy. Three block copies
 * and a SIMD pass cost less than a scalar TypeScript loop, which is bound by one product per element.
 */
import type { DataArray } from "../../tensor/dtype.js";
import { directKernels } from "../backend.js";
import type { HadamardAxis } from "./hadamard-axes.js";

/**
 * Multiplies one contiguous run of the innermost axis, from these offsets of a, b and c.
 *
 * @example
 * const run: HadamardRun = (aStart, bStart, cStart) => console.log(aStart, bStart, cStart);
 */
export type HadamardRun = (aStart: number, bStart: number, cStart: number) => void;

/** Elements per copied chunk: 16 KiB of float64 or 8 KiB of float32 per operand, inside L1. */
const chunkElements = 2048;
/** Runs shorter than this stay in TypeScript: the calls and copies would cost more than they save. */
const minimumRun = 256;

/**
 * The SIMD run of a float Hadamard product whose innermost axis is contiguous everywhere, or `undefined` (the
 * caller then loops in TypeScript) when the layout does not suit it, the runs are short, WebAssembly SIMD is
 * unavailable or not preferred, or its memory cannot grow.
 *
 * @example
 * const run = copiedRun({ extent: 4096, aStride: 1, bStride: 1, cStride: 1 }, a, b, c);
 * run?.(0, 0, 0); // c[0..4096) = a[0..4096) * b[0..4096)
 */
export function copiedRun(inner: HadamardAxis, a: DataArray, b: DataArray, c: DataArray): HadamardRun | undefined {
  const { extent } = inner;
  if (extent < minimumRun || inner.aStride !== 1 || inner.bStride !== 1 || inner.cStride !== 1) return undefined;
  const double = c instanceof Float64Array;
  if (!(double || c instanceof Float32Array) || a.constructor !== c.constructor || b.constructor !== c.constructor) {
    return undefined;
  }
  const wasm = directKernels();
  const bytes = double ? 8 : 4;
  const chunk = Math.min(extent, chunkElements);
  if (wasm === undefined || !wasm.reserve(2 * chunk * bytes)) return undefined;
  const memory = double ? wasm.float64View() : wasm.float32View();
  const multiply = double ? wasm.multiplyFloat64 : wasm.multiplyFloat32;
  return (aStart, bStart, cStart) => {
    for (let done = 0; done < extent; done += chunk) {
      const length = Math.min(chunk, extent - done);
      memory.set(a.subarray(aStart + done, aStart + done + length), 0);
      memory.set(b.subarray(bStart + done, bStart + done + length), chunk);
      multiply(0, chunk * bytes, length);
      c.set(memory.subarray(0, length), cStart + done);
    }
  };
}
