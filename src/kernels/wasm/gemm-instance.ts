/**
 * The WebAssembly GEMM module, compiled and instantiated synchronously on first use (so `einsum` stays
 * synchronous), with a memory that grows on demand. Where WebAssembly or its 128-bit SIMD is unavailable,
 * {@link loadGemmWasm} returns `undefined` and the TypeScript kernels take over.
 */
import { decodeBase64 } from "../base64.js";
import { gemmWasmBase64 } from "./gemm-module.js";
import type { WasmMemory, WasmNamespace } from "./webassembly.js";

const pageBytes = 65536;

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
export interface GemmWasm {
  readonly gemmFloat64: PackedGemm;
  readonly gemmFloat32: PackedGemm;
  /** Grows the memory to hold at least `bytes`; false when it cannot. */
  reserve(bytes: number): boolean;
  /** A float64 view of the whole memory (valid until the next {@link GemmWasm.reserve}). */
  float64View(): Float64Array;
  /** A float32 view of the whole memory (valid until the next {@link GemmWasm.reserve}). */
  float32View(): Float32Array;
}

let loaded: GemmWasm | null | undefined;

/**
 * The GEMM module, instantiated once; `undefined` where WebAssembly SIMD is unavailable.
 *
 * @example
 * loadGemmWasm() === undefined; //=> false on Node 20 and current browsers
 */
export function loadGemmWasm(): GemmWasm | undefined {
  if (loaded === undefined) loaded = instantiate() ?? null;
  return loaded ?? undefined;
}

function instantiate(): GemmWasm | undefined {
  const api = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
  if (api === undefined) return undefined;
  try {
    const bytes = decodeBase64(gemmWasmBase64);
    if (!api.validate(bytes)) return undefined;
    const { exports } = new api.Instance(new api.Module(bytes), {});
    const memory = exports["memory"] as WasmMemory;
    const gemmFloat64 = exports["gemm_f64"] as PackedGemm;
    const gemmFloat32 = exports["gemm_f32"] as PackedGemm;
    let float64 = new Float64Array(memory.buffer);
    let float32 = new Float32Array(memory.buffer);
    const refreshViews = (): void => {
      if (float64.buffer === memory.buffer) return;
      float64 = new Float64Array(memory.buffer);
      float32 = new Float32Array(memory.buffer);
    };
    return {
      gemmFloat64,
      gemmFloat32,
      reserve(bytesNeeded) {
        const missing = Math.ceil((bytesNeeded - memory.buffer.byteLength) / pageBytes);
        if (missing > 0) {
          try {
            memory.grow(missing);
          } catch {
            return false;
          }
        }
        refreshViews();
        return true;
      },
      float64View: () => (refreshViews(), float64),
      float32View: () => (refreshViews(), float32),
    };
  } catch {
    return undefined;
  }
}
