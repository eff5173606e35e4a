/**
 * The WebAssembly module of `rows.wat` (the row kernels of thin and shallow products, and column sums), compiled
 * and instantiated synchronously on first use, with its own memory that grows on demand. Where WebAssembly or its
 * 128-bit SIMD is unavailable, {@link loadRowsWasm} returns `undefined` and the other kernels take over.
 */
import { growableMemory, type GrowableMemory } from "./growable-memory.js";
import type { KernelVariant } from "./kernel-variant.js";
import { fusedRowsWasmBase64, rowsWasmBase64 } from "./rows-module.js";
import { kernelModuleLoader } from "./module-loader.js";
import type { WasmMemory } from "./webassembly.js";

/**
 * The row kernel: `C[i][j] = Σ_p A[i][p]·B[p][j]` for i < m, j < n, addresses and row strides in bytes.
 *
 * @example
 * wasm.rowsFloat64(2, 3, 4, 0, 32, 64, 24, 160, 24); // a 2×4 A at 0, a 4×3 B at 64, a 2×3 C at 160
 */
export type RowsKernel = (
  m: number,
  n: number,
  k: number,
  a: number,
  aRowBytes: number,
  b: number,
  bRowBytes: number,
  c: number,
  cRowBytes: number,
) => void;

/**
 * The instantiated module: its kernels and its memory.
 *
 * @example
 * const wasm = loadRowsWasm();
 * if (wasm?.reserve(1 << 20)) wasm.rowsFloat32(1, 8, 2, 0, 8, 64, 32, 128, 32);
 */
export interface RowsWasm extends GrowableMemory {
  readonly rowsFloat64: RowsKernel;
  readonly rowsFloat32: RowsKernel;
  /** `acc[j] += Σ_r p[r·n + j]`: `rows` contiguous rows of `n` values added to float64 accumulators at `acc`. */
  readonly addRowsFloat64: AddRowsKernel;
  readonly addRowsFloat32: AddRowsKernel;
}

/**
 * The column sums of `rows.wat`: `acc[j] += Σ_r p[r·n + j]` for j < n, the accumulators float64, addresses in
 * bytes.
 *
 * @example
 * wasm.addRowsFloat32(0, 3, 5, 64); // three rows of five float32 at 0 added to five float64 at 64
 */
export type AddRowsKernel = (p: number, rows: number, n: number, acc: number) => void;

/**
 * The module in the build `variant` (plain by default), instantiated once; `undefined` where WebAssembly SIMD
 * (for `"fused"`, relaxed SIMD) is unavailable.
 *
 * @example
 * loadRowsWasm() === undefined; //=> false on Node 20 and current browsers
 */
export const loadRowsWasm: (variant?: KernelVariant) => RowsWasm | undefined = kernelModuleLoader(
  rowsWasmBase64,
  fusedRowsWasmBase64,
  (exports) => ({
    rowsFloat64: exports["rows_f64"] as RowsKernel,
    rowsFloat32: exports["rows_f32"] as RowsKernel,
    addRowsFloat64: exports["add_rows_f64"] as AddRowsKernel,
    addRowsFloat32: exports["add_rows_f32"] as AddRowsKernel,
    ...growableMemory(exports["memory"] as WasmMemory),
  }),
);
