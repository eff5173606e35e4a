/**
 * The labels of a pairwise step, by the role they play in `result[keep] = Σ left·right`.
 *
 * @example
 * classifyPair([0, 1, 2], [0, 2, 3], [0, 3, 1]);
 * //=> { batch: [0], keptLeft: [1], keptRight: [3], contracted: [2], summedLeft: [], summedRight: [] }
 */
export interface PairwiseClasses {
  /** In both operands and kept: one independent product per index. Ordered as in `keep`. */
  readonly batch: readonly number[];
  /** Only in the left operand, and kept: the rows of the product. Ordered as in `keep`. */
  readonly keptLeft: readonly number[];
  /** Only in the right operand, and kept: the columns of the product. Ordered as in `keep`. */
  readonly keptRight: readonly number[];
  /** In both operands, not kept: the depth of the product. Ordered as in the left operand. */
  readonly contracted: readonly number[];
  /** Only in the left operand, not kept: summed before the product. Ordered as in the left operand. */
  readonly summedLeft: readonly number[];
  /** Only in the right operand, not kept: summed before the product. Ordered as in the right operand. */
  readonly summedRight: readonly number[];
}

/**
 * Sorts the labels of a pairwise step into its {@link PairwiseClasses}.
 *
 * @example
 * classifyPair([0], [0], []).contracted; //=> [0]  (a dot product)
 */
export function classifyPair(
  left: readonly number[],
  right: readonly number[],
  keep: readonly number[],
): PairwiseClasses {
  const inLeft = new Set(left);
  const inRight = new Set(right);
  const kept = new Set(keep);
  return {
    batch: keep.filter((label) => inLeft.has(label) && inRight.has(label)),
    keptLeft: keep.filter((label) => inLeft.has(label) && !inRight.has(label)),
    keptRight: keep.filter((label) => inRight.has(label) && !inLeft.has(label)),
    contracted: left.filter((label) => inRight.has(label) && !kept.has(label)),
    summedLeft: left.filter((label) => !inRight.has(label) && !kept.has(label)),
    summedRight: right.filter((label) => !inLeft.has(label) && !kept.has(label)),
  };
}
