import type { Completions, UnfinishedOutput } from "./completions.js";
import type { InputContinuations } from "./continuations.js";
import type { EinsumOutcome, HasSymbolicDimensions } from "./einsum-shape.js";
import type { Failure } from "./failure.js";
import type { Locate } from "./locate.js";
import type { EquationRefusals } from "./operand-parameter.js";

/**
 * The check of an equation against operands of these shapes: the equation itself when the run time would accept it,
 * and otherwise the run time's message, e.g. `"label 'j' has size 3 in operand 0 but 4 in operand 1"`. einsum's
 * parameters split its refusals between the equation ({@link EquationParameter}) and the operands
 * (`OperandParameters`).
 *
 * After the `->`, it also holds what may be typed next, so that the editor offers it inside the string: the
 * equation followed by each input label not yet in the output, by `...` when the inputs have one, and, right after
 * the `->`, by the implicit output as a whole. The equation itself stays in the union (an empty output is a
 * scalar), and every branch other than the equation comes through `infer`, so the compiler still infers the
 * literal equation from the argument. Shapes may be a union
 * of shape lists: any refused member refuses. `Symbolic`, whether some dimension is symbolic, is worked out from
 * the shapes: leave it out.
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
> = Validated<Equation, Shapes, Symbolic, false>;

/**
 * A run-time message in a parameter type, marked so that the editor never offers it as a completion: it is not a
 * string literal type of its own, but a diagnostic still shows its words.
 *
 * @example
 * type Marked = "output label 'i' appears more than once" & Refusal;
 */
export interface Refusal {
  readonly refusal: true;
}

/**
 * {@link ValidateEquation} as einsum's equation parameter, for the editor: it keeps only the refusals of the equation
 * itself (a refusal that blames an operand is that operand's parameter: see `OperandParameters`), each marked as a
 * {@link Refusal}, so that completions inside the equation are only ever equations, and before the `->` it also
 * holds what may be typed next at the end of the inputs (see {@link InputContinuations}), beside the message while
 * the equation is not finished.
 *
 * @example
 * type Waiting = EquationParameter<"ij", [[2, 3], [3, 4]]>;
 * //=> ("the equation has 1 input term but the call gives 2 operands, at column 3" & Refusal) | "ij,"
 * type Typing = EquationParameter<"ij,", [[2, 3], [3, 4]]>; //=> (string & {}) | "ij,i" | "ij,j" | "ij,k" | "ij,l"
 */
export type EquationParameter<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean = HasSymbolicDimensions<Equation, Shapes>,
> = Validated<Equation, Shapes, Symbolic, true>;

/** The check; `ForEditor` marks the messages as refusals and adds the continuations of the inputs. */
type Validated<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean,
  ForEditor extends boolean,
> =
  EinsumOutcome<Equation, Shapes, Symbolic> extends infer Outcome
    ? RefusalsOf<Outcome> extends infer Refusals extends string
      ? [Refusals] extends [never]
        ? Accepted<Equation, Outcome, Shapes, Symbolic, ForEditor>
        : ForEditor extends true
          ? OnEquation<Locate<Equation, EquationRefusals<Refusals>>> | Continuations<Equation, Shapes, Symbolic, false>
          : Locate<Equation, Refusals>
      : never
    : never;

/**
 * The refusals left on the equation, marked; when every refusal blames an operand, the equation is accepted as it
 * is (`string & {}` accepts it and is no completion), and the operand shows the error.
 */
type OnEquation<Refusals extends string> = [Refusals] extends [never] ? string & {} : Refusals & Refusal;

/** A message, marked as a {@link Refusal} or not. */
type Marking<Message, Marked extends boolean> = Marked extends true ? Message & Refusal : Message;

/** What may be typed next while the inputs are typed, for each member of a union of shape lists. */
type Continuations<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean,
  Accepted extends boolean,
> = Shapes extends unknown ? (InputContinuations<Equation, Shapes, Symbolic, Accepted> extends infer Offered ? Offered : never) : never;

/**
 * The messages of the outcomes that are refusals, for a union of shape lists: any one refused member refuses. An
 * output refused only because it is not finished is not among them.
 *
 * @example
 * type Messages = RefusalsOf<Failure<"output label 'i' appears more than once"> | [2, 4]>;
 * //=> "output label 'i' appears more than once"
 */
export type RefusalsOf<Outcome> = Outcome extends UnfinishedOutput<string, string>
  ? never
  : Outcome extends Failure<infer Message>
    ? Message
    : never;

/** The parameter type of an accepted outcome, or of an output refused only because it is not finished. */
type Accepted<
  Equation extends string,
  Outcome,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean,
  ForEditor extends boolean,
> = Outcome extends { readonly shape: unknown; readonly next: infer Next extends string }
  ? Completions<Equation, Next> extends infer Offered
    ? Equation | Offered
    : never
  : Outcome extends UnfinishedOutput<infer Message, infer Next>
    ? Completions<Equation, Next> extends infer Offered
      ? Marking<Locate<Equation, Message>, ForEditor> | Offered
      : never
    : Equation | (ForEditor extends true ? Continuations<Equation, Shapes, Symbolic, true> : never);
