/**
 * The few WebAssembly globals the kernels use. `src/` is compiled without the DOM library, which is where these
 * types usually come from, so they are declared here and looked up on `globalThis` at run time.
 */

/**
 * A compiled module.
 *
 * @example
 * const module: WasmModule = new api.Module(bytes);
 */
export interface WasmModule {
  readonly __wasmModule?: never;
}

/**
 * A module's linear memory.
 *
 * @example
 * const memory = instance.exports["memory"] as WasmMemory;
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /** Grows by `pages` of 64 KiB; throws a RangeError when it cannot. */
  grow(pages: number): number;
}

/**
 * An instantiated module.
 *
 * @example
 * const instance: WasmInstance = new api.Instance(module, {});
 */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/**
 * The part of the global `WebAssembly` object the kernels use.
 *
 * @example
 * const api = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
 */
export interface WasmNamespace {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  /** A memory; `shared` ones (with a `maximum`) live in a SharedArrayBuffer that threads can see. */
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  /** Whether the engine accepts `bytes` (false where 128-bit SIMD is unsupported). */
  validate(bytes: Uint8Array): boolean;
}
