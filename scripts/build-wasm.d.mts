/** Compiles WebAssembly text to its binary form, with the SIMD and threads features on. */
export function compileWat(watText: string): Promise<Uint8Array>;
/** The text of the variant that imports a shared memory instead of owning one. */
export function sharedVariant(watText: string): string;
/** The TypeScript source that embeds `bytes` as `gemmWasmBase64` and `sharedBytes` as `sharedGemmWasmBase64`. */
export function moduleSource(bytes: Uint8Array, sharedBytes: Uint8Array): string;
/** parallel-task.ts as a plain script: types stripped, `export` dropped. */
export function taskScript(taskText: string): string;
/** The TypeScript source that embeds the workers' JavaScript: `gemmTaskScript`, `nodeWorkerStart` and `webWorkerStart`. */
export function workerSource(taskText: string): string;
/** The TypeScript source that embeds the bytes of direct.wat as `directWasmBase64`. */
export function directModuleSource(bytes: Uint8Array): string;
