import type { Failure } from "./failure.js";

/**
 * A valid equation with an explicit output, as the output check leaves it: the output's shape, and what may be typed
 * next after the output written so far. `Next` is a union of suffixes, one per label not yet in the output, `...`
 * when the inputs have an ellipsis and the output has none yet, and the implicit output as a whole when the output is
 * still empty. The union grows with the number of labels, never with their orders.
 *
 * @example
 * type Typed = OpenOutput<[], "i" | "j" | "k" | "ik">; // "ij,jk->": a scalar so far, then any of these
 */
export interface OpenOutput<Shape extends readonly number[], Next extends string> {
  readonly shape: Shape;
  readonly next: Next;
}

/**
 * An empty output that the run time refuses only because it is not finished (the inputs' ellipsis stands for some
 * dimensions, so the output needs a `...`), with what may be typed next, as in {@link OpenOutput}.
 *
 * @example
 * type Typed = UnfinishedOutput<"the ellipsis stands for 1 dimension but the output has no '...'", "..." | "i">;
 */
export interface UnfinishedOutput<Message extends string, Next extends string> extends Failure<Message> {
  readonly next: Next;
}

/**
 * The equation followed by each suffix that may come next: the editor's completions inside the equation string.
 * The equation reaches this type only through `infer`, so that the compiler never infers the equation from it.
 *
 * @example
 * type Offered = Completions<"ij,jk->", "i" | "k" | "ik">; //=> "ij,jk->i" | "ij,jk->k" | "ij,jk->ik"
 */
export type Completions<Equation extends string, Next extends string> = `${Equation}${Next}`;
