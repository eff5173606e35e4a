import { contractLabelled } from "../kernels/contract-pair.js";
import type { DataArray } from "../tensor/dtype.js";

/**
 * An intermediate of the executor: contiguous row-major data whose dimensions carry distinct labels, with shape
 * `labels.map((label) => sizes[label])`.
 *
 * @example
 * const matrix: LabelledArray = { data: new Float64Array(6), labels: [0, 1] };
 */
export interface LabelledArray {
  readonly data: DataArray;
  readonly labels: readonly number[];
}

/**
 * One pairwise step: `result[keep] = Σ left[left.labels] · right[right.labels]` over every label not in `keep`.
 * Both sides share one dtype, and the result has it too; int32 wraps like PyTorch's int32. `threads` caps
 * the threads a large product may use. The step runs as one
 * batched product over strided views of the inputs (see `kernels/contract-pair.ts`), writing the result
 * directly in `keep`'s order.
 *
 * @example
 * // a matrix product "ij,jk->ik" with i = 2, j = 3, k = 2
 * contractPair({ data: a, labels: [0, 1] }, { data: b, labels: [1, 2] }, [0, 2], [2, 3, 2]);
 */
export function contractPair(
  left: LabelledArray,
  right: LabelledArray,
  keep: readonly number[],
  sizes: readonly number[],
  threads = 1,
): LabelledArray {
  return contractLabelled(left, right, keep, sizes, threads);
}
