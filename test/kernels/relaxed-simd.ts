/**
 * Imported first by the tests of the fused kernels: where the engine has relaxed SIMD behind a flag (Node 20's
 * V8 11.3, `--experimental-wasm-relaxed-simd`), turn the flag on, so that the fused build runs here as it does on
 * Node 22 and later. The flag only adds the instructions; it changes nothing else.
 */
import { setFlagsFromString } from "node:v8";
import { relaxedSimdProbe } from "../../src/kernels/wasm/kernel-variant.js";
import type { WasmNamespace } from "../../src/kernels/wasm/webassembly.js";

const api = (globalThis as unknown as { WebAssembly: WasmNamespace }).WebAssembly;
if (!api.validate(relaxedSimdProbe)) setFlagsFromString("--experimental-wasm-relaxed-simd");

/**
 * Whether this processor has fused multiply-add instructions (x86 `fma` in /proc/cpuinfo), which the engine uses
 * for `relaxed_madd`; `undefined` where that cannot be read.
 */
export function processorHasFma(): boolean | undefined {
  try {
    const process = globalThis.process as { getBuiltinModule?: (name: string) => unknown } | undefined;
    const fs = process?.getBuiltinModule?.("node:fs") as { readFileSync(path: string, encoding: "utf8"): string } | undefined;
    const flags = fs?.readFileSync("/proc/cpuinfo", "utf8").match(/^(flags|Features)\s*:(.*)$/m)?.[2];
    if (flags === undefined) return undefined;
    return /\b(fma|asimd)\b/.test(flags);
  } catch {
    return undefined;
  }
}
