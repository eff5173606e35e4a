/**
 * Loading of the kernel modules: each build variant is decoded, validated and instantiated synchronously on first
 * use, then kept. Where WebAssembly, its 128-bit SIMD or (for `"fused"`) relaxed SIMD is unavailable, the loader
 * gives `undefined` and the caller's fallback takes over.
 */
import { decodeBase64 } from "./base64.js";
import type { KernelVariant } from "./kernel-variant.js";
import type { WasmNamespace } from "./webassembly.js";

/** A module's exports by name, as the instance gives them. */
export type KernelExports = Readonly<Record<string, unknown>>;

/**
 * A loader of one module in both builds: `plainBase64` and `fusedBase64` are its two encodings, and `wrap` turns an
 * instance's exports into the typed kernels; the loader instantiates each variant once.
 *
 * @example
 * const loadRowsWasm = kernelModuleLoader(rowsWasmBase64, fusedRowsWasmBase64, (exports) => ({
 *   rowsFloat64: exports["rows_f64"] as RowsKernel,
 * }));
 * loadRowsWasm("plain") === undefined; //=> false on Node 20 and current browsers
 */
export function kernelModuleLoader<Module>(
  plainBase64: string,
  fusedBase64: string,
  wrap: (exports: KernelExports) => Module,
): (variant?: KernelVariant) => Module | undefined {
  const loaded = new Map<KernelVariant, Module | null>();
  return (variant = "plain") => {
    if (!loaded.has(variant)) loaded.set(variant, instantiate(variant === "fused" ? fusedBase64 : plainBase64, wrap) ?? null);
    return loaded.get(variant) ?? undefined;
  };
}

function instantiate<Module>(base64: string, wrap: (exports: KernelExports) => Module): Module | undefined {
  const api = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
  if (api === undefined) return undefined;
  try {
    const bytes = decodeBase64(base64);
    if (!api.validate(bytes)) return undefined;
    return wrap(new api.Instance(new api.Module(bytes), {}).exports);
  } catch {
    return undefined;
  }
}
