/**
 * The size limit every allocation of the library is checked against before memory is asked for: results,
 * intermediates, copies and constructors' storage. It has two parts: `maxElements`, a documented default that a
 * call may raise, and the platform's ceiling, which nothing raises (offset tables hold int32 positions).
 */
import { EinsumError } from "../einsum-error.js";
import { writeInvalidOption, writeTooLarge } from "../messages.js";
import { describeEntry } from "../tensor/nested.js";

/**
 * How many elements one array may hold by default: 2^24, which is 128 MiB of float64.
 *
 * @example
 * defaultMaxElements; //=> 16777216
 */
export const defaultMaxElements = 2 ** 24;

/**
 * The most elements any array may hold whatever `maxElements` says: positions are stored as int32.
 *
 * @example
 * platformMaxElements; //=> 2147483647
 */
export const platformMaxElements = 2 ** 31 - 1;

let currentDefault = defaultMaxElements;

/**
 * Sets the `maxElements` used where a call does not give its own (the constructors, and einsum calls without the
 * option), and returns the previous one. A whole number from 1 up to 2^31 − 1.
 *
 * @example
 * const previous = setMaxElements(2 ** 26); // allow 64 Mi elements (512 MiB of float64)
 * zeros([8192, 8192]).size; //=> 67108864
 * setMaxElements(previous);
 */
export function setMaxElements(maxElements: number): number {
  const previous = currentDefault;
  currentDefault = checkMaxElements(maxElements);
  return previous;
}

/**
 * The limit a call runs under: its own `maxElements` option, or the current default.
 *
 * @example
 * checkMaxElements(undefined); //=> 16777216
 * checkMaxElements(0); // throws INVALID_OPTION
 */
export function checkMaxElements(maxElements: unknown): number {
  if (maxElements === undefined) return currentDefault;
  if (typeof maxElements === "number" && Number.isSafeInteger(maxElements) && maxElements >= 1 && maxElements <= platformMaxElements) {
    return maxElements;
  }
  const shown = describeEntry(maxElements);
  throw new EinsumError("INVALID_OPTION", writeInvalidOption("maxElements", shown, `a whole number from 1 to ${platformMaxElements}`));
}

/**
 * Throws `TOO_LARGE` when an array of `elements` elements, described by `what`, would pass the limit.
 *
 * @example
 * checkElements("the result", 1e10, defaultMaxElements); // throws TOO_LARGE
 */
export function checkElements(what: string, elements: number, maxElements: number = currentDefault): void {
  if (elements > maxElements || elements > platformMaxElements) {
    throw new EinsumError("TOO_LARGE", writeTooLarge(what, elements, Math.min(maxElements, platformMaxElements)));
  }
}
