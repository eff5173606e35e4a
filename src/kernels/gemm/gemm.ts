/**
 * The batched GEMM entry point: `C[b] = A[b]·B[b]` over strided views (see {@link MatrixBatch}), C overwritten.
 * It picks the kernel: plain loops for tiny products, the exact wrapping TypeScript kernel for int32, and for
 * float64/float32 WebAssembly SIMD: small and thin products on operands copied whole into its memory, with no
 * packing (`gemm-copied.ts`); the rest with the whole batch copied at once and B packed by the module
 * (`gemm-whole-batch.ts`), or, for layouts neither takes, on panels packed here (`gemm-wasm.ts`). The TypeScript
 * kernel takes over where WebAssembly SIMD is unavailable or when {@link setGemmBackend} asks for it. Large float
 * products may run on several threads (see `threads/parallel-gemm.ts`) when the caller allows it.
 */
import { directKernels, preferredBackend, type GemmBackend } from "../backend.js";
import { gemmCopied, isInRows, isThinProduct, prefersCopiedGemm } from "./gemm-copied.js";
import { gemmDirect } from "./gemm-direct.js";
import { gemmInt32 } from "./gemm-int32.js";
import { gemmThin } from "./gemm-thin.js";
import { gemmSizes, type MatrixBatch } from "./gemm-problem.js";
import { gemmTypeScript } from "./gemm-typescript.js";
import { gemmWholeBatch } from "./gemm-whole-batch.js";
import { gemmWasm, type FloatData } from "./gemm-wasm.js";
import { gemmParallel } from "../threads/parallel-gemm.js";
import { loadGemmWasm } from "../wasm/gemm-instance.js";
import { kernelVariant } from "../wasm/kernel-variant.js";

/** Products of at most this many multiply-adds per matrix run as plain loops. */
const directLimit = 2048;

export { setGemmBackend, type GemmBackend } from "../backend.js";
export { kernelVariant, setFusedMultiplyAdd, type KernelVariant } from "../wasm/kernel-variant.js";
/**
 * The float kernel {@link gemm} uses now: the preferred one, if this engine can run it.
 *
 * @example
 * activeGemmBackend(); //=> "wasm" on Node 20
 */
export function activeGemmBackend(): GemmBackend {
  return preferredBackend() === "wasm" && loadGemmWasm() !== undefined ? "wasm" : "typescript";
}

/**
 * Computes `c[b] = a[b]·b[b]` for every matrix of the batch; all three share one dtype. A float product with
 * the WebAssembly backend may use up to `threads` threads (1 by default) when it is large enough.
 *
 * @example
 * // C = A·B for row-major A (2×3), B (3×4), C (2×4)
 * gemm(
 *   { data: a, batch: Int32Array.of(0), rows: stridedOffsets(2, 3), cols: stridedOffsets(3, 1) },
 *   { data: b, batch: Int32Array.of(0), rows: stridedOffsets(3, 4), cols: stridedOffsets(4, 1) },
 *   { data: c, batch: Int32Array.of(0), rows: stridedOffsets(2, 4), cols: stridedOffsets(4, 1) },
 * );
 */
export function gemm(a: MatrixBatch, b: MatrixBatch, c: MatrixBatch, threads = 1): void {
  const { batch, m, n, k } = gemmSizes(a, b);
  if (batch === 0 || m === 0 || n === 0) return;
  if (m * n * k <= directLimit) {
    gemmDirect(a, b, c);
  } else if (c.data instanceof Int32Array) {
    gemmInt32(a as MatrixBatch<Int32Array>, b as MatrixBatch<Int32Array>, c as MatrixBatch<Int32Array>);
  } else {
    const floatA = a as MatrixBatch<FloatData>;
    const floatB = b as MatrixBatch<FloatData>;
    const floatC = c as MatrixBatch<FloatData>;
    const variant = kernelVariant();
    const wasm = preferredBackend() === "wasm" ? loadGemmWasm(variant) : undefined;
    const direct = directKernels();
    const bytes = c.data instanceof Float64Array ? 8 : 4;
    const copied = direct !== undefined && k > 0 && prefersCopiedGemm(n, k, bytes);
    // Every other kernel sums each entry in depth order from zero, so threads give the bits of one thread; the
    // thin kernel sums in lanes, so the products it takes stay on one thread.
    if (copied && isThinProduct(n, bytes) && gemmCopied(direct, floatA, floatB, floatC)) return;
    if (k > 0 && gemmThin(floatA, floatB, floatC)) return;
    if (wasm !== undefined && threads > 1 && gemmParallel(floatA, floatB, floatC, threads, variant)) return;
    // A small B in rows is read in place, each matrix copied just before its product; any other B is packed by the
    // module, from a copy of the whole batch.
    if (copied && isInRows(b) && gemmCopied(direct, floatA, floatB, floatC)) return;
    if (direct !== undefined && k > 0 && gemmWholeBatch(direct, floatA, floatB, floatC)) return;
    if (copied && gemmCopied(direct, floatA, floatB, floatC)) return;
    if (wasm === undefined || !gemmWasm(wasm, floatA, floatB, floatC)) gemmTypeScript(floatA, floatB, floatC);
  }
}
