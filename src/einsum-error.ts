import type { EinsumErrorCode } from "./messages.js";

/** Where an error points: the equation it concerns and the index of the offending character. */
export interface ErrorPlace {
  readonly equation?: string | undefined;
  readonly position?: number | undefined;
}

/**
 * The one error typed-einsum throws for bad input. `code` says what kind of mistake it is, `equation` and
 * `position` where it is, and the message names the label, the operand and the sizes involved, with a caret
 * under the place in the equation.
 *
 * @example
 * try {
 *   // @ts-expect-error label 'j' has size 3 in operand 0 but 4 in operand 1
 *   einsum("ij,jk->ik", zeros([2, 3]), zeros([4, 5]));
 * } catch (error) {
 *   if (error instanceof EinsumError) console.log(error.code); //=> "SIZE_MISMATCH"
 * }
 */
export class EinsumError extends Error {
  override readonly name = "EinsumError";
  /** The kind of mistake. */
  readonly code: EinsumErrorCode;
  /** The equation the mistake is in, when there is one. */
  readonly equation: string | undefined;
  /** The index in `equation` of the offending character, when one applies. */
  readonly position: number | undefined;
  /** The message without the caret lines. */
  readonly headline: string;

  constructor(code: EinsumErrorCode, headline: string, place: ErrorPlace = {}) {
    super(withCaret(headline, place));
    this.code = code;
    this.headline = headline;
    this.equation = place.equation;
    this.position = place.position;
  }
}

function withCaret(headline: string, { equation, position }: ErrorPlace): string {
  if (equation === undefined) return headline;
  const caret = position === undefined ? "" : `\n  ${" ".repeat(position)}^`;
  return `${headline}\n  ${equation}${caret}`;
}
