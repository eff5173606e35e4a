/**
 * Offset tables: the flat position, in some strided array, of every element of a group of axes. A group such as
 * the kept-left labels of a pairwise step may span several axes with any strides (a transpose is only a change of
 * strides), and the kernels address it through one table, so no operand is ever copied to fix its layout.
 */

/**
 * The offsets of every index of a group of axes, in row-major order of the group: entry `t` is the sum over the
 * group's axes of (that axis's digit of `t`) × (its stride).
 *
 * @example
 * offsetTable([2, 3], [1, 2]); //=> Int32Array [0, 2, 4, 1, 3, 5]  (a 2×3 group read from a transposed 3×2 array)
 */
export function offsetTable(extents: readonly number[], strides: readonly number[]): Int32Array {
  let count = 1;
  for (const extent of extents) count *= extent;
  const table = new Int32Array(count);
  if (count === 0) return table;
  let filled = 1;
  // Build from the innermost axis outwards: each axis repeats the table so far once per step of its stride.
  for (let axis = extents.length - 1; axis >= 0; axis--) {
    const extent = extents[axis] ?? 1;
    const stride = strides[axis] ?? 0;
    for (let step = extent - 1; step >= 1; step--) {
      const shift = step * stride;
      const start = step * filled;
      for (let t = 0; t < filled; t++) table[start + t] = (table[t] ?? 0) + shift;
    }
    filled *= extent;
  }
  return table;
}

/**
 * The common difference of `table` when it is an arithmetic sequence from its first entry, or `undefined`.
 * Loops use it to replace table reads by a stride.
 *
 * @example
 * uniformStride(Int32Array.of(0, 3, 6)); //=> 3
 * uniformStride(Int32Array.of(0, 2, 1)); //=> undefined
 */
export function uniformStride(table: Int32Array): number | undefined {
  if (table.length < 2) return 1;
  const first = table[0] ?? 0;
  const stride = (table[1] ?? 0) - first;
  for (let t = 2; t < table.length; t++) if ((table[t] ?? 0) !== first + t * stride) return undefined;
  return stride;
}

/**
 * An arithmetic table `[0, stride, 2·stride, …]` of `count` entries: one plain strided axis.
 *
 * @example
 * stridedOffsets(3, 4); //=> Int32Array [0, 4, 8]
 */
export function stridedOffsets(count: number, stride: number): Int32Array {
  const table = new Int32Array(count);
  for (let t = 0; t < count; t++) table[t] = t * stride;
  return table;
}
