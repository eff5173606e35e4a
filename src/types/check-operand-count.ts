import type { WriteOperandCount } from "../messages.js";
import type { Failure } from "./failure.js";

/**
 * The type-level twin of `checkOperandCount`: the equation must have as many input terms as the call has operands.
 * Gives `true`, or the `Failure` with the run time's message.
 *
 * @example
 * type Refused = CheckOperandCount<2, 1>; //=> Failure<"the equation has 2 input terms but the call gives 1 operand">
 */
export type CheckOperandCount<TermCount extends number, OperandCount extends number> = TermCount extends OperandCount
  ? true
  : Failure<WriteOperandCount<TermCount, OperandCount>>;
