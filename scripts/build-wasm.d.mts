/** Compiles WebAssembly text to its binary form, with the SIMD, relaxed-SIMD and threads features on. */
export function compileWat(watText: string): Promise<Uint8Array>;
/** The text of the variant that imports a shared memory instead of owning one. */
export function sharedVariant(watText: string): string;
/** The text of the variant whose 128-bit multiply-adds are relaxed-SIMD `relaxed_madd`. */
export function fusedVariant(watText: string): string;
/** One module built with its own memory (`bytes`) and with a shared one (`sharedBytes`). */
export interface ModuleBuilds {
  readonly bytes: Uint8Array;
  readonly sharedBytes: Uint8Array;
}
/**
 * The TypeScript source that embeds gemm.wat as `gemmWasmBase64`, `sharedGemmWasmBase64`, `fusedGemmWasmBase64`
 * and `sharedFusedGemmWasmBase64`.
 */
export function moduleSource(plain: ModuleBuilds, fused: ModuleBuilds): string;
/** parallel-task.ts as a plain script: types stripped, `export` dropped. */
export function taskScript(taskText: string): string;
/** The TypeScript source that embeds the workers' JavaScript: `gemmTaskScript`, `nodeWorkerStart` and `webWorkerStart`. */
export function workerSource(taskText: string): string;
/** The TypeScript source that embeds the bytes of direct.wat as `directWasmBase64` and `fusedDirectWasmBase64`. */
export function directModuleSource(bytes: Uint8Array, fusedBytes: Uint8Array): string;
/** The TypeScript source that embeds the bytes of rows.wat as `rowsWasmBase64` and `fusedRowsWasmBase64`. */
export function rowsModuleSource(bytes: Uint8Array, fusedBytes: Uint8Array): string;
