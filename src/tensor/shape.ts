import { EinsumError } from "../einsum-error.js";
import { writeInvalidShape } from "../messages.js";
import { describeEntry } from "./nested.js";

/**
 * A shape with its `readonly` dropped, so that `zeros([2, 3])` is typed `Tensor<[2, 3]>`.
 *
 * @example
 * type S = WritableShape<readonly [2, 3]>; //=> [2, 3]
 */
export type WritableShape<Shape extends readonly number[]> = { -readonly [Index in keyof Shape]: Shape[Index] };

/**
 * Checks that every size of a shape is a whole number from 0 and returns a frozen copy.
 *
 * @example
 * checkShape([2, 3]); //=> [2, 3]
 * checkShape([2, -1]); // throws INVALID_SHAPE
 */
export function checkShape(shape: unknown): readonly number[] {
  if (!Array.isArray(shape)) {
    throw new EinsumError("INVALID_SHAPE", writeInvalidShape(describeEntry(shape), 0));
  }
  for (let dimension = 0; dimension < shape.length; dimension++) {
    const size: unknown = shape[dimension];
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
      const shown = shape.length > 8 ? `${Array.from(shape.slice(0, 8), describeEntry).join(", ")}, …` : Array.from(shape, describeEntry).join(", ");
      throw new EinsumError("INVALID_SHAPE", writeInvalidShape(shown, dimension));
    }
  }
  return Object.freeze([...(shape as number[])]);
}

/**
 * The number of elements of a shape: the product of its sizes (1 for a scalar).
 *
 * @example
 * sizeOf([2, 3, 4]); //=> 24
 */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const dimension of shape) size *= dimension;
  return size;
}

/**
 * The row-major strides of a contiguous array of this shape, in elements.
 *
 * @example
 * stridesOf([2, 3, 4]); //=> [12, 4, 1]
 */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let dimension = shape.length - 1; dimension >= 0; dimension--) {
    strides[dimension] = stride;
    stride *= shape[dimension] ?? 1;
  }
  return strides;
}
