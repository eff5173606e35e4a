import { EinsumError } from "../../src/einsum-error.js";

/**
 * The EinsumError an action throws; fails the test when it throws nothing or something else.
 *
 * @example
 * thrown(() => contractPath(null as never)).code; //=> "INVALID_NETWORK"
 */
export function thrown(action: () => unknown): EinsumError {
  try {
    action();
  } catch (error) {
    if (error instanceof EinsumError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}
