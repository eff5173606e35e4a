/** Compiles WebAssembly text to its binary form, with the SIMD feature on. */
export function compileWat(watText: string): Promise<Uint8Array>;
/** The TypeScript source that embeds `bytes` as `gemmWasmBase64`. */
export function moduleSource(bytes: Uint8Array): string;
