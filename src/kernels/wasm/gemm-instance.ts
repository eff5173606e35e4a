/**
 * The WebAssembly GEMM module, compiled and instantiated synchronously on first use (so `einsum` stays
 * synchronous), with a memory that grows on demand. Where WebAssembly or its 128-bit SIMD is unavailable,
 * {@link loadGemmWasm} returns `undefined` and the TypeScript kernels take over.
 */
import { fusedGemmWasmBase64, gemmWasmBase64 } from "./gemm-module.js";
import { growableMemory, type GrowableMemory } from "./growable-memory.js";
import type { KernelVariant } from "./kernel-variant.js";
import { kernelModuleLoader } from "./module-loader.js";
import type { WasmMemory } from "./webassembly.js";

/**
 * The packed-panel product of `gemm.wat`: `C(mp·MR × np·NR) += A·B`, addresses in bytes.
 *
 * @example
 * // 512×512 float64 operands packed at byte 0 and 2 MiB, C at 4 MiB
 * wasm.gemmFloat64(128, 128, 512, 0, 2 << 20, 4 << 20, 512 * 8, 256, 32);
 */
export type PackedGemm = (
  rowPanels: number,
  columnPanels: number,
  depth: number,
  packedA: number,
  packedB: number,
  c: number,
  rowBytes: number,
  depthBlock: number,
  rowPanelBlock: number,
) => void;

/**
 * The instantiated module: its two kernels and its memory.
 *
 * @example
 * const wasm = loadGemmWasm();
 * if (wasm?.reserve(1 << 20)) wasm.float64View()[0] = 1;
 */
export interface GemmWasm extends GrowableMemory {
  readonly gemmFloat64: PackedGemm;
  readonly gemmFloat32: PackedGemm;
}

/**
 * The GEMM module in the build `variant` (plain by default), instantiated once; `undefined` where WebAssembly
 * SIMD (for `"fused"`, relaxed SIMD) is unavailable.
 *
 * @example
 * loadGemmWasm() === undefined; //=> false on Node 20 and current browsers
 * loadGemmWasm("fused") === undefined; //=> true on Node 20, false on Node 24
 */
export const loadGemmWasm: (variant?: KernelVariant) => GemmWasm | undefined = kernelModuleLoader(
  gemmWasmBase64,
  fusedGemmWasmBase64,
  (exports) => ({
    gemmFloat64: exports["gemm_f64"] as PackedGemm,
    gemmFloat32: exports["gemm_f32"] as PackedGemm,
    ...growableMemory(exports["memory"] as WasmMemory),
  }),
);
