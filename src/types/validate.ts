import type { Completions, UnfinishedOutput } from "./completions.js";
import type { EinsumOutcome, HasSymbolicDimensions } from "./einsum-shape.js";
import type { Failure } from "./failure.js";

/**
 * The type of einsum's equation parameter: the equation itself when the run time would accept it with operands of
 * these shapes, and otherwise the run time's message, so that the call's error reads
 * `Argument of type '"ij,jk->ik"' is not assignable to parameter of type '"label 'j' has size 3 in operand 0 but 4 in operand 1"'`.
 *
 * After the `->`, it also holds what may be typed next, so that the editor offers it inside the string: the
 * equation followed by each input label not yet in the output, by `...` when the inputs have one, and, right after
 * the `->`, by the implicit output as a whole. The equation itself stays in the union (an empty output is a
 * scalar), and every branch other than the equation comes through `infer`, so the compiler still infers the
 * literal equation from the argument. Shapes may be a union of shape lists: any refused member refuses. `Symbolic`,
 * whether some dimension is symbolic, is worked out from the shapes: leave it out.
 *
 * @example
 * type Accepted = ValidateEquation<"ij,jk->ik", [[2, 3], [3, 4]]>; //=> "ij,jk->ik" | "ij,jk->ikj"
 * type Typing = ValidateEquation<"ij,jk->", [[2, 3], [3, 4]]>;
 * //=> "ij,jk->" | "ij,jk->i" | "ij,jk->j" | "ij,jk->k" | "ij,jk->ik"
 * type Implicit = ValidateEquation<"ij,jk", [[2, 3], [3, 4]]>; //=> "ij,jk"
 * type Refused = ValidateEquation<"ij,jk->ik", [[2, 3], [4, 5]]>; //=> "label 'j' has size 3 in operand 0 but 4 in operand 1"
 */
export type ValidateEquation<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean = HasSymbolicDimensions<Equation, Shapes>,
> =
  EinsumOutcome<Equation, Shapes, Symbolic> extends infer Outcome
    ? RefusalsOf<Outcome> extends infer Refusals
      ? [Refusals] extends [never]
        ? Accepted<Equation, Outcome>
        : Refusals
      : never
    : never;

/** The messages of the outcomes that are refusals, for a union of shape lists: any one refused member refuses. */
type RefusalsOf<Outcome> = Outcome extends UnfinishedOutput<string, string>
  ? never
  : Outcome extends Failure<infer Message>
    ? Message
    : never;

/** The parameter type of an accepted outcome, or of an output refused only because it is not finished. */
type Accepted<Equation extends string, Outcome> = Outcome extends { readonly shape: unknown; readonly next: infer Next extends string }
  ? Completions<Equation, Next> extends infer Offered
    ? Equation | Offered
    : never
  : Outcome extends UnfinishedOutput<infer Message, infer Next>
    ? Completions<Equation, Next> extends infer Offered
      ? Message | Offered
      : never
    : Equation;
