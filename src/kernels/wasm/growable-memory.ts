/**
 * A WebAssembly memory seen from TypeScript: it grows on demand, and its float views are rebuilt whenever
 * growing replaced its buffer.
 */
import type { WasmMemory } from "./webassembly.js";

const pageBytes = 65536;

/**
 * Typed views over a module's memory.
 *
 * @example
 * const views = growableMemory(memory);
 * if (views.reserve(1 << 20)) views.float64View()[0] = 1;
 */
export interface GrowableMemory {
  /** Grows the memory to hold at least `bytes`; false when it cannot. */
  reserve(bytes: number): boolean;
  /** A float64 view of the whole memory (valid until the next {@link GrowableMemory.reserve}). */
  float64View(): Float64Array;
  /** A float32 view of the whole memory (valid until the next {@link GrowableMemory.reserve}). */
  float32View(): Float32Array;
}

/**
 * Wraps `memory` in views that follow its growth.
 *
 * @example
 * growableMemory(instance.exports["memory"] as WasmMemory).reserve(4096); //=> true
 */
export function growableMemory(memory: WasmMemory): GrowableMemory {
  let float64 = new Float64Array(memory.buffer);
  let float32 = new Float32Array(memory.buffer);
  const refreshViews = (): void => {
    if (float64.buffer === memory.buffer) return;
    float64 = new Float64Array(memory.buffer);
    float32 = new Float32Array(memory.buffer);
  };
  return {
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
}
