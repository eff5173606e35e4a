/**
 * A term as parsed: its labels before the ellipsis and, when it has one, its labels after it (`undefined` when it
 * has none). Labels are single letters, so each list is kept as a string of letters: `"ij"` stands for
 * `["i", "j"]`, and walking a string costs the compiler less than walking a tuple. The run-time `ParsedTerm` holds
 * the same facts as `labels` and `ellipsisIndex`.
 *
 * @example
 * type Term = ParsedTermOf<"i", "j">; // the term "i...j"
 */
export interface ParsedTerm {
  readonly before: string;
  readonly after: string | undefined;
}

/**
 * Builds a {@link ParsedTerm}.
 *
 * @example
 * type Matrix = ParsedTermOf<"ij", undefined>; // the term "ij"
 */
export type ParsedTermOf<Before extends string, After extends string | undefined> = { before: Before; after: After };

/**
 * The term a valid text stands for: its spaces dropped, split at the ellipsis.
 *
 * @example
 * type Term = TermOf<" i ... j">; //=> { before: "i"; after: "j" }
 */
export type TermOf<Text extends string> = Text extends `${string}${" " | "."}${string}`
  ? WithoutSpaces<Text> extends `${infer Before}...${infer After}`
    ? ParsedTermOf<Before, After>
    : ParsedTermOf<WithoutSpaces<Text>, undefined>
  : ParsedTermOf<Text, undefined>;

/**
 * A text with its spaces removed, as the run time's `text.replaceAll(" ", "")`: a run of eight, or four spaces
 * apart, at a time while there are, so that a long text takes few steps. A text without spaces takes one test.
 *
 * @example
 * type Text = WithoutSpaces<" i k ">; //=> "ik"
 */
export type WithoutSpaces<Text extends string> = Text extends `${string} ${string}` ? RemoveSpaces<Text> : Text;

/** Removes the spaces of a text that has some. */
type RemoveSpaces<Text extends string> = Text extends `${infer Before}        ${infer After}`
  ? RemoveSpaces<`${Before}${After}`>
  : Text extends `${infer A} ${infer B} ${infer C} ${infer D} ${infer After}`
    ? RemoveSpaces<`${A}${B}${C}${D}${After}`>
    : Text extends `${infer Before} ${infer After}`
      ? RemoveSpaces<`${Before}${After}`>
      : Text;

/**
 * What went wrong inside a term, before the place is known: the kind of mistake, the offending character and the
 * text from it to the end of the term. The equation-level parse turns it into the message, with the position.
 *
 * @example
 * type Mistake = TermMistake<"invalid character", "1", "1j">;
 */
export interface TermMistake<
  Kind extends TermMistakeKind = TermMistakeKind,
  Character extends string = string,
  Unscanned extends string = string,
> {
  readonly mistake: Kind;
  readonly character: Character;
  readonly unscanned: Unscanned;
}

/**
 * The mistakes a term can hold, one per run-time error of `parseTerm`.
 *
 * @example
 * const kind: TermMistakeKind = "malformed arrow";
 */
export type TermMistakeKind = "invalid character" | "malformed arrow" | "malformed ellipsis" | "repeated ellipsis";
