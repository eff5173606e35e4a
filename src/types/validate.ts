import type { EinsumOutcome } from "./einsum-shape.js";
import type { Failure } from "./failure.js";

/**
 * The type of einsum's equation parameter: the equation itself when the run time would accept it with operands of
 * these shapes, and otherwise the run time's message, so that the call's error reads
 * `Argument of type '"ij,jk->ik"' is not assignable to parameter of type '"label 'j' has size 3 in operand 0 but 4 in operand 1"'`.
 * The message comes through `infer`, so the compiler still infers the literal equation from the argument.
 *
 * @example
 * type Accepted = ValidateEquation<"ij,jk->ik", [[2, 3], [3, 4]]>; //=> "ij,jk->ik"
 * type Refused = ValidateEquation<"ij,jk->ik", [[2, 3], [4, 5]]>; //=> "label 'j' has size 3 in operand 0 but 4 in operand 1"
 */
export type ValidateEquation<Equation extends string, Shapes extends readonly (readonly number[])[]> =
  EinsumOutcome<Equation, Shapes> extends infer Outcome
    ? Outcome extends Failure<infer Message>
      ? Message
      : Equation
    : never;
