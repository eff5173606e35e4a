/**
 * The cost convention, opt_einsum's `opt_cost`: a step over the distinct labels L of its k operands costs
 * `prod(size[l] for l in L) * (max(1, k - 1) + (1 if a label is summed away in the step))`.
 */

/**
 * The cost of one step from the element count of its operands' label union.
 *
 * @example
 * stepCost(24, 2, true); //=> 48 (a 2x3 by 3x4 matrix product: 2·M·N·K)
 * stepCost(6, 1, true); //=> 12 (summing a 2x3 operand to a vector)
 * stepCost(6, 2, false); //=> 6 (an outer product)
 */
export function stepCost(unionSize: number, operandCount: number, summed: boolean): number {
  return unionSize * (Math.max(1, operandCount - 1) + (summed ? 1 : 0));
}
