/**
 * Which implementation the float kernels prefer: WebAssembly SIMD (the default, where the engine has it) or
 * plain TypeScript, which tests use to check the fallback every engine without WebAssembly SIMD runs.
 */
import { loadDirectWasm, type DirectWasm } from "./wasm/direct-instance.js";
import { kernelVariant } from "./wasm/kernel-variant.js";

/**
 * Which float kernels run: WebAssembly SIMD or TypeScript.
 *
 * @example
 * const backend: GemmBackend = "typescript";
 */
export type GemmBackend = "wasm" | "typescript";

let preferred: GemmBackend = "wasm";

/**
 * Chooses the float kernels; `"wasm"` (the default) still falls back to TypeScript where WebAssembly SIMD is
 * unavailable.
 *
 * @example
 * setGemmBackend("typescript"); // every float product, sum and outer product now runs in TypeScript
 */
export function setGemmBackend(backend: GemmBackend): void {
  preferred = backend;
}

/**
 * The backend {@link setGemmBackend} asked for.
 *
 * @example
 * preferredBackend(); //=> "wasm" unless a test changed it
 */
export function preferredBackend(): GemmBackend {
  return preferred;
}

/**
 * The module of `direct.wat`, in the build {@link kernelVariant} picks, when the preferred backend is WebAssembly
 * and this engine runs it.
 *
 * @example
 * const wasm = directKernels();
 * if (wasm === undefined) sumInTypeScript(); // else copy in and call wasm.sumRowsFloat64
 */
export function directKernels(): DirectWasm | undefined {
  return preferred === "wasm" ? loadDirectWasm(kernelVariant()) : undefined;
}
