/**
 * Label sets as sorted arrays of distinct small integers: the optimizers' working representation.
 */

/**
 * A sorted array of distinct labels.
 *
 * @example
 * const labels: LabelSet = [0, 3, 7];
 */
export type LabelSet = readonly number[];

/**
 * The distinct labels of a term, sorted.
 *
 * @example
 * toLabelSet([2, 0, 2]); //=> [0, 2]
 */
export function toLabelSet(labels: readonly number[]): number[] {
  return [...new Set(labels)].sort((left, right) => left - right);
}

/**
 * The union of two label sets.
 *
 * @example
 * unionLabels([0, 2], [1, 2]); //=> [0, 1, 2]
 */
export function unionLabels(left: LabelSet, right: LabelSet): number[] {
  const union: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as number;
    const b = right[j] as number;
    if (a === b) {
      union.push(a);
      i++;
      j++;
    } else if (a < b) {
      union.push(a);
      i++;
    } else {
      union.push(b);
      j++;
    }
  }
  while (i < left.length) union.push(left[i++] as number);
  while (j < right.length) union.push(right[j++] as number);
  return union;
}

/**
 * The product of the sizes of the union of two label sets and the union's label count, without building it.
 *
 * @example
 * unionSizeAndCount([0, 1], [1, 2], [2, 3, 4]); //=> { size: 24, count: 3 }
 */
export function unionSizeAndCount(
  left: LabelSet,
  right: LabelSet,
  sizes: readonly number[],
): { size: number; count: number } {
  let size = 1;
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = i < left.length ? (left[i] as number) : Infinity;
    const b = j < right.length ? (right[j] as number) : Infinity;
    const label = a <= b ? a : b;
    if (a === label) i++;
    if (b === label) j++;
    size *= sizes[label] as number;
    count++;
  }
  return { size, count };
}

/**
 * Whether two label sets share a label.
 *
 * @example
 * intersects([0, 2], [1, 2]); //=> true
 */
export function intersects(left: LabelSet, right: LabelSet): boolean {
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as number;
    const b = right[j] as number;
    if (a === b) return true;
    if (a < b) i++;
    else j++;
  }
  return false;
}

/**
 * The product of the sizes of some labels: the element count of a tensor with those labels.
 *
 * @example
 * sizeOfLabels([0, 2], [2, 3, 4]); //=> 8
 */
export function sizeOfLabels(labels: readonly number[], sizes: readonly number[]): number {
  let size = 1;
  for (const label of labels) size *= sizes[label] as number;
  return size;
}
