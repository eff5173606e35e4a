/**
 * The WebAssembly module of `direct.wat` (small and thin products, contiguous sums, outer products), compiled and
 * instantiated synchronously on first use, with its own memory that grows on demand. Where WebAssembly or its
 * 128-bit SIMD is unavailable, {@link loadDirectWasm} returns `undefined` and TypeScript loops take over.
 */
import { directWasmBase64, fusedDirectWasmBase64 } from "./direct-module.js";
import { growableMemory, type GrowableMemory } from "./growable-memory.js";
import type { KernelVariant } from "./kernel-variant.js";
import { kernelModuleLoader } from "./module-loader.js";
import type { WasmMemory } from "./webassembly.js";

/**
 * The instantiated module: its kernels (addresses and strides in bytes) and its memory.
 *
 * @example
 * const wasm = loadDirectWasm();
 * if (wasm?.reserve(1 << 20)) wasm.sumRowsFloat64(0, 1, 16, 128);
 */
export interface DirectWasm extends GrowableMemory {
  /**
   * `C = A·B` from row-major A and B in tiles of 4 rows × 32 bytes (`double` is 1 for float64, 0 for float32);
   * column block j of B starts `j·panelBytes` after `b`.
   */
  readonly gemm: (
    double: number,
    rowBlocks: number,
    columnBlocks: number,
    depth: number,
    a: number,
    aRowBytes: number,
    b: number,
    bRowBytes: number,
    c: number,
    cRowBytes: number,
    panelBytes: number,
  ) => void;
  /** Packs B's column blocks of 32 bytes that lie side by side: block j, step p from `src + starts[j] + p·step`. */
  readonly packRuns: (src: number, starts: number, step: number, k: number, columnBlocks: number, dst: number) => void;
  /** Packs B's column blocks one column at a time: lane l, step p from `src + starts[l] + p·step`. */
  readonly packLanes: (
    double: number,
    src: number,
    starts: number,
    step: number,
    k: number,
    columnBlocks: number,
    dst: number,
  ) => void;
  /** `C[i][j] = Σ_p A[i][p]·T[j][p]`, four rows of A at a time. */
  readonly dotFloat64: DotKernel;
  readonly dotFloat32: DotKernel;
  /** The float64 sum of each of `rows` contiguous runs of `n` values, written as float64 at `out`. */
  readonly sumRowsFloat64: SumRowsKernel;
  readonly sumRowsFloat32: SumRowsKernel;
  /** `C[i][j] = x[i]·y[j] + 0`, C row-major with `n` columns. */
  readonly outerFloat64: OuterKernel;
  readonly outerFloat32: OuterKernel;
  /** `a[i] = a[i]·b[i] + 0` for i < n, in place. */
  readonly multiplyFloat64: MultiplyKernel;
  readonly multiplyFloat32: MultiplyKernel;
}

/**
 * The thin product of `direct.wat`: `C[i][j] = Σ_p A[i][p]·T[j][p]` over `rowBlocks` blocks of four rows.
 *
 * @example
 * wasm.dotFloat64(1, 2, 3, 0, 24, 96, 24, 192, 16); // a 4×3 A at 0, a 2×3 T at 96, a 4×2 C at 192
 */
export type DotKernel = (
  rowBlocks: number,
  n: number,
  k: number,
  a: number,
  aRowBytes: number,
  t: number,
  tRowBytes: number,
  c: number,
  cRowBytes: number,
) => void;

/**
 * The row sums of `direct.wat`: `out[r] = Σ_j p[r·n + j]` in float64.
 *
 * @example
 * wasm.sumRowsFloat32(0, 2, 4, 64); // two rows of four float32 at 0, their sums at 64
 */
export type SumRowsKernel = (p: number, rows: number, n: number, out: number) => void;

/**
 * The outer product of `direct.wat`: `C[i][j] = x[i]·y[j] + 0` for i < m, j < n.
 *
 * @example
 * wasm.outerFloat64(0, 2, 16, 3, 64); // x = 2 values at 0, y = 3 at 16, C (2×3) at 64
 */
export type OuterKernel = (x: number, m: number, y: number, n: number, c: number) => void;

/**
 * The element-wise product of `direct.wat`, in place: `a[i] = a[i]·b[i] + 0` for i < n (addresses in bytes).
 *
 * @example
 * wasm.multiplyFloat64(0, 8 * n, n); // the first n float64 values times the next n
 */
export type MultiplyKernel = (a: number, b: number, n: number) => void;

/**
 * The module in the build `variant` (plain by default), instantiated once; `undefined` where WebAssembly SIMD
 * (for `"fused"`, relaxed SIMD) is unavailable.
 *
 * @example
 * loadDirectWasm() === undefined; //=> false on Node 20 and current browsers
 */
export const loadDirectWasm: (variant?: KernelVariant) => DirectWasm | undefined = kernelModuleLoader(
  directWasmBase64,
  fusedDirectWasmBase64,
  (exports) => ({
    gemm: exports["direct_gemm"] as DirectWasm["gemm"],
    packRuns: exports["pack_runs"] as DirectWasm["packRuns"],
    packLanes: exports["pack_lanes"] as DirectWasm["packLanes"],
    dotFloat64: exports["dot_f64"] as DotKernel,
    dotFloat32: exports["dot_f32"] as DotKernel,
    sumRowsFloat64: exports["sum_rows_f64"] as SumRowsKernel,
    sumRowsFloat32: exports["sum_rows_f32"] as SumRowsKernel,
    outerFloat64: exports["outer_f64"] as OuterKernel,
    outerFloat32: exports["outer_f32"] as OuterKernel,
    multiplyFloat64: exports["multiply_f64"] as MultiplyKernel,
    multiplyFloat32: exports["multiply_f32"] as MultiplyKernel,
    ...growableMemory(exports["memory"] as WasmMemory),
  }),
);
