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
 * The shape of a nested array, read from its first elements (the rest are checked by {@link flattenNested}). An
 * array that contains itself along that chain is refused with `RAGGED_ARRAY`.
 *
 * @example
 * nestedShape([[1, 2, 3], [4, 5, 6]]); //=> [2, 3]
 */
export function nestedShape(data: unknown): number[] {
  const shape: number[] = [];
  const chain = new Set<unknown>();
  for (let level: unknown = data; Array.isArray(level); level = level[0]) {
    if (chain.has(level)) throw new EinsumError("RAGGED_ARRAY", writeRaggedArray(shape.length, 0, level.length));
    chain.add(level);
    shape.push(level.length);
  }
  return shape;
}

/**
 * Reads a nested array's shape from its first elements and flattens it row-major, refusing ragged arrays and
 * entries that are not numbers. It walks the arrays with an explicit stack, so any depth works, and reads each
 * innermost row in one loop.
 *
 * @example
 * flattenNested([[1, 2], [3, 4]]); //=> { shape: [2, 2], values: [1, 2, 3, 4] }
 */
export function flattenNested(data: unknown, shape: readonly number[] = nestedShape(data)): { shape: number[]; values: number[] } {
  const rank = shape.length;
  const values: number[] = [];
  const refuse = (entry: unknown): never => {
    throw new EinsumError("NOT_A_NUMBER", writeNotANumber(describeEntry(entry)));
  };
  if (rank === 0) return { shape: [], values: [typeof data === "number" ? data : refuse(data)] };
  const nodes: unknown[] = [data];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop() ?? 0;
    const expected = shape[depth] ?? 0;
    if (!Array.isArray(node) || node.length !== expected) {
      throw new EinsumError("RAGGED_ARRAY", writeRaggedArray(depth, expected, Array.isArray(node) ? node.length : 0));
    }
    if (depth === rank - 1) {
      for (let index = 0; index < expected; index++) {
        const entry: unknown = node[index];
        values.push(typeof entry === "number" ? entry : refuse(entry));
      }
      continue;
    }
    // Children go on the stack last first, so they come off in order.
    for (let index = expected - 1; index >= 0; index--) {
      nodes.push(node[index]);
      depths.push(depth + 1);
    }
  }
  return { shape: shape.slice(), values };
}

/**
 * How an entry that is not a number is named in messages: strings quoted, symbols and bigints by their own
 * description, holes as `undefined`.
 *
 * @example
 * describeEntry("a"); //=> "'a'"
 * describeEntry(1n); //=> "1n"
 */
export function describeEntry(value: unknown): string {
  if (typeof value === "string") return `'${value.length > 20 ? `${value.slice(0, 20)}…` : value}'`;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return "a function";
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

/**
 * Turns row-major data back into nested arrays of the given shape, with loops only, so any rank works.
 *
 * @example
 * nest([1, 2, 3, 4], [2, 2]); //=> [[1, 2], [3, 4]]
 */
export function nest(data: ArrayLike<number>, shape: readonly number[]): NestedNumbers {
  if (shape.length === 0) return data[0] ?? 0;
  // counts[depth]: how many arrays of that depth the nested array holds, the product of the sizes before it.
  const counts = [1];
  for (let depth = 0; depth < shape.length; depth++) counts.push(counts[depth]! * (shape[depth] ?? 0));
  const innermost = shape[shape.length - 1] ?? 0;
  const rows = counts[shape.length - 1]!;
  let level: NestedNumbers[] = [];
  for (let row = 0; row < rows; row++) {
    level.push(Array.from({ length: innermost }, (_, index) => data[row * innermost + index] ?? 0));
  }
  for (let depth = shape.length - 2; depth >= 0; depth--) {
    const size = shape[depth] ?? 0;
    const grouped: NestedNumbers[] = [];
    for (let group = 0; group < counts[depth]!; group++) grouped.push(level.slice(group * size, group * size + size));
    level = grouped;
  }
  return level[0] ?? [];
}
