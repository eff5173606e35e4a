/**
 * Exact integer einsum. int32 operands are contracted in float64, where every sum of products is exact as long
 * as it stays within 2^53; a bound on the largest partial sum is checked first (`INTEGER_OVERFLOW` past 2^53),
 * and the result is checked to fit in int32 (`INTEGER_OVERFLOW` naming the value) before it is stored as int32.
 * So an int32 einsum either returns the exact answer or throws: it never wraps.
 */
import { EinsumError } from "../einsum-error.js";
import { writeInexactIntegers, writeIntegerOverflow } from "../messages.js";
import type { DataArray } from "../tensor/dtype.js";

/**
 * The smallest int32.
 *
 * @example
 * int32Min; //=> -2147483648
 */
export const int32Min = -(2 ** 31);

/**
 * The largest int32.
 *
 * @example
 * int32Max; //=> 2147483647
 */
export const int32Max = 2 ** 31 - 1;

/** Past this magnitude a double no longer holds every integer. */
const exactLimit = 2 ** 53;

/**
 * The largest magnitude in some data (0 when empty).
 *
 * @example
 * largestMagnitude(Float64Array.of(3, -7, 2)); //=> 7
 */
export function largestMagnitude(data: DataArray): number {
  let largest = 0;
  for (let index = 0; index < data.length; index++) {
    const magnitude = Math.abs(data[index]!);
    if (magnitude > largest) largest = magnitude;
  }
  return largest;
}

/**
 * Throws `INTEGER_OVERFLOW` unless every partial sum of a step is surely exact: each of its `terms` products
 * has a magnitude at most `largestProduct`, so no partial sum passes their product, which must stay within 2^53.
 * Intermediates are exact integers once checked, so each step's bound comes from its operands' actual values.
 *
 * @example
 * checkExactSum(1000 * 1000, 50000); // passes: 5e10 is below 2^53
 * checkExactSum(2 ** 31 * 2 ** 31, 4); // throws INTEGER_OVERFLOW: sums could reach 2^64
 */
export function checkExactSum(largestProduct: number, terms: number): void {
  const bound = largestProduct * terms;
  if (bound > exactLimit) {
    throw new EinsumError("INTEGER_OVERFLOW", writeInexactIntegers(`2^${Math.ceil(Math.log2(bound))}`));
  }
}

/**
 * How many terms each element of a step sums: the product of the sizes of the labels it sums away, each once.
 *
 * @example
 * summedTerms([0, 1], [1, 2], [0, 2], (label) => [2, 3, 4][label]!); //=> 3
 */
export function summedTerms(
  left: readonly number[],
  right: readonly number[],
  keep: readonly number[],
  sizeOf: (label: number) => number,
): number {
  const kept = new Set(keep);
  const seen = new Set<number>();
  let terms = 1;
  for (const label of [...left, ...right]) {
    if (kept.has(label) || seen.has(label)) continue;
    seen.add(label);
    terms *= sizeOf(label);
  }
  return terms;
}

/**
 * The exact integers of a float64 result as int32, or `INTEGER_OVERFLOW` naming the first that does not fit.
 *
 * @example
 * toInt32(Float64Array.of(1, -2)); //=> Int32Array [1, -2]
 * toInt32(Float64Array.of(2 ** 31)); // throws INTEGER_OVERFLOW
 */
export function toInt32(values: DataArray): Int32Array {
  const result = new Int32Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (value < int32Min || value > int32Max) {
      throw new EinsumError("INTEGER_OVERFLOW", writeIntegerOverflow(String(value)));
    }
    result[index] = value;
  }
  return result;
}
