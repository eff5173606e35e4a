import { EinsumError } from "../einsum-error.js";
import { writeInvalidOption } from "../messages.js";
import { describeEntry } from "../tensor/nested.js";

/**
 * Checks `options.threads`: a whole number from 1, and 1 when omitted.
 *
 * @example
 * checkThreads(undefined); //=> 1
 * checkThreads(0); // throws INVALID_OPTION
 */
export function checkThreads(threads: number | undefined): number {
  if (threads === undefined) return 1;
  if (Number.isSafeInteger(threads) && threads >= 1) return threads;
  throw new EinsumError("INVALID_OPTION", writeInvalidOption("threads", typeof threads === "string" ? threads : describeEntry(threads), "a whole number from 1"));
}
