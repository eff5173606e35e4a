/** Rounding of sizes and addresses to whole tiles, panels and aligned blocks, for the kernels' memory layouts. */

/**
 * The smallest multiple of `multiple` that is at least `value`.
 *
 * @example
 * roundUp(13, 4); //=> 16
 * roundUp(16, 4); //=> 16
 */
export function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/**
 * The largest multiple of `multiple` that is at most `value`.
 *
 * @example
 * roundDown(13, 4); //=> 12
 */
export function roundDown(value: number, multiple: number): number {
  return Math.floor(value / multiple) * multiple;
}
