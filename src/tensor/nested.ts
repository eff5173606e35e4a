import { EinsumError } from "../einsum-error.js";
import { writeNotANumber, writeRaggedArray } from "../messages.js";

/**
 * Numbers nested in arrays to any depth, as `tensor()` takes them and `toArray()` gives them back.
 *
 * @example
 * const rows: NestedNumbers = [[1, 2], [3, 4]];
 */
export type NestedNumbers = number | readonly NestedNumbers[];

/**
 * The shape of a nested array literal: its length at each depth.
 *
 * @example
 * type S = ShapeOfNested<[[1, 2, 3], [4, 5, 6]]>; //=> [2, 3]
 */
export type ShapeOfNested<Data, Shape extends number[] = []> = Shape["length"] extends 32
  ? number[]
  : [Data] extends [infer List extends readonly unknown[]]
    ? number extends List["length"]
      ? ShapeOfNested<List[number], [...Shape, number]>
      : ShapeOfNested<List[0], [...Shape, List["length"]]>
    : Shape;

/**
 * The nested array type of a shape, what `toArray()` returns.
 *
 * @example
 * type A = NestedArrayOf<[2, 3]>; //=> number[][]
 */
export type NestedArrayOf<Shape extends readonly number[]> = Shape extends readonly [unknown, ...infer Rest extends readonly number[]]
  ? NestedArrayOf<Rest>[]
  : Shape extends readonly []
    ? number
    : NestedNumbers;

/**
 * Reads a nested array's shape from its first elements and flattens it row-major, refusing ragged arrays.
 *
 * @example
 * flattenNested([[1, 2], [3, 4]]); //=> { shape: [2, 2], values: [1, 2, 3, 4] }
 */
export function flattenNested(data: unknown): { shape: number[]; values: number[] } {
  const shape: number[] = [];
  for (let level: unknown = data; Array.isArray(level); level = level[0]) shape.push(level.length);
  const values: number[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== "number") {
        throw new EinsumError("NOT_A_NUMBER", writeNotANumber(typeof node === "string" ? `'${node}'` : String(node)));
      }
      values.push(node);
      return;
    }
    const expected = shape[depth] ?? 0;
    if (!Array.isArray(node) || node.length !== expected) {
      throw new EinsumError("RAGGED_ARRAY", writeRaggedArray(depth, expected, Array.isArray(node) ? node.length : 0));
    }
    for (const child of node) visit(child, depth + 1);
  };
  visit(data, 0);
  return { shape, values };
}

/**
 * Turns row-major data back into nested arrays of the given shape.
 *
 * @example
 * nest([1, 2, 3, 4], [2, 2]); //=> [[1, 2], [3, 4]]
 */
export function nest(data: ArrayLike<number>, shape: readonly number[]): NestedNumbers {
  if (shape.length === 0) return data[0] ?? 0;
  let offset = 0;
  const build = (depth: number): NestedNumbers => {
    const size = shape[depth] ?? 0;
    if (depth === shape.length - 1) {
      const row = Array.from({ length: size }, (_, index) => data[offset + index] ?? 0);
      offset += size;
      return row;
    }
    return Array.from({ length: size }, () => build(depth + 1));
  };
  return build(0);
}
