/**
 * Which build of the WebAssembly kernels runs. `"plain"` multiplies, then adds (128-bit SIMD, every engine with
 * SIMD). `"fused"` is the same code with each 128-bit multiply-add as relaxed SIMD's `relaxed_madd`, which the
 * engine runs as one fused multiply-add (one rounding) where the processor has one. The fused build is chosen at
 * run time where the engine validates relaxed SIMD (Node 22 and later, current browsers); tests switch between
 * the two with {@link setFusedMultiplyAdd}.
 *
 * On one machine both builds are deterministic, and every thread runs the same one. Between machines a fused
 * build may round differently in the last bits: with and without a fused multiply-add in the processor.
 */
import type { WasmNamespace } from "./webassembly.js";

/**
 * A build of the kernels: multiply then add, or fused multiply-add.
 *
 * @example
 * const variant: KernelVariant = "fused";
 */
export type KernelVariant = "plain" | "fused";

/**
 * A module of one function, `(func (param v128 v128 v128) (result v128))`, computing
 * `f64x2.relaxed_madd(f32x4.relaxed_madd(x, y, z), y, z)`: an engine that validates it runs the fused build.
 *
 * @example
 * WebAssembly.validate(relaxedSimdProbe); //=> true on Node 24
 */
export const relaxedSimdProbe = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00, 0x0a, 0x14, 0x01, 0x12, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02,
  0x20, 0x01, 0x20, 0x02, 0xfd, 0x87, 0x02, 0x0b,
);

let supported: boolean | undefined;
let fusedAllowed = true;

/**
 * Whether this engine accepts relaxed SIMD's fused multiply-adds (checked once, by validating a tiny module).
 *
 * @example
 * relaxedSimdSupported(); //=> false on Node 20, true on Node 24
 */
export function relaxedSimdSupported(): boolean {
  if (supported === undefined) {
    const api = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
    try {
      supported = api?.validate(relaxedSimdProbe) === true;
    } catch {
      supported = false;
    }
  }
  return supported;
}

/**
 * Allows the fused build where the engine has it (`true`, the default) or keeps the plain one (`false`): the
 * switch tests use to run both.
 *
 * @example
 * setFusedMultiplyAdd(false); // every kernel now multiplies, then adds
 */
export function setFusedMultiplyAdd(allowed: boolean): void {
  fusedAllowed = allowed;
}

/**
 * The build the kernels run now.
 *
 * @example
 * kernelVariant(); //=> "fused" on Node 24, "plain" on Node 20
 */
export function kernelVariant(): KernelVariant {
  return fusedAllowed && relaxedSimdSupported() ? "fused" : "plain";
}
