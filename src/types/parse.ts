import type {
  WriteInvalidCharacter,
  WriteMalformedArrow,
  WriteMalformedEllipsis,
  WriteRepeatedEllipsis,
  WriteSecondArrow,
} from "../messages.js";
import type { Label, ScanCharacter } from "./characters.js";
import type { Failure } from "./failure.js";
import type { StringLength, Successors } from "./length.js";
import type { ParsedTerm, ParsedTermOf, TermMistake, TermOf, WithoutSpaces } from "./parse-state.js";

/**
 * An equation split into its input terms and its output term (`undefined` in implicit mode).
 *
 * @example
 * type Parsed = ParseEquation<"ij->j">;
 * //=> { inputs: [{ before: "ij"; after: undefined }]; output: { before: "j"; after: undefined } }
 */
export interface ParsedEquation {
  readonly inputs: readonly ParsedTerm[];
  readonly output: ParsedTerm | undefined;
}

/**
 * The type-level twin of `parseEquation` in `src/parse/parse.ts`: the equation's grammar, with no shapes yet.
 * Gives a {@link ParsedEquation}, or the `Failure` with the run time's message for the first mistake.
 *
 * @example
 * type Parsed = ParseEquation<"bk,aki->bai">; // three terms, an explicit output
 * type Refused = ParseEquation<"i1->i">; //=> Failure<"invalid character '1' at column 2: labels are the letters a-z and A-Z">
 */
export type ParseEquation<Equation extends string> =
  SplitArrow<Equation> extends [infer Inputs extends string, infer Output extends string | undefined]
    ? (Equation extends `${string}${" " | "."}${string}`
        ? false
        : Output extends `${string},${string}`
          ? false
          : OnlyLabels<Output extends string ? `${Inputs},${Output}` : Inputs>) extends true
      ? { inputs: LabelTerms<Inputs, [], false>; output: Output extends string ? ParsedTermOf<Output, undefined> : undefined }
      : ParseInputs<SplitTerms<Inputs>, 0, "", []> extends infer Terms
        ? Terms extends readonly ParsedTerm[]
          ? Output extends string
            ? ParseOutput<Terms, Output, `${Inputs}->`>
            : { inputs: Terms; output: undefined }
          : Terms
        : never
    : SplitArrow<Equation>;

/**
 * An equation split into its terms without a look at their characters, for the checks to read: it is split at its
 * first `->`, spaces are dropped, as the run time drops them, and each term is split at its first `...`. A stray
 * dot, a second `...` or a second `->` is left in the labels. Its labels are checked
 * where they are read: an input label when it is first bound, an output label when it is found among the inputs'.
 * Any refusal then goes back to {@link ParseEquation}, which words a mistake of the grammar first, as the run time
 * does.
 *
 * @example
 * type Split = SplitLabelTerms<"ij,jk->ik">;
 * //=> { inputs: [{ before: "ij"; after: undefined }, { before: "jk"; after: undefined }]; output: { before: "ik"; after: undefined } }
 */
export type SplitLabelTerms<Equation extends string> = Equation extends `${infer Inputs}->${infer Output}`
  ? Equation extends `${string}${" " | "."}${string}`
    ? { inputs: LabelTerms<WithoutSpaces<Inputs>, [], true>; output: SplitTerm<WithoutSpaces<Output>> }
    : { inputs: LabelTerms<Inputs, [], false>; output: ParsedTermOf<Output, undefined> }
  : Equation extends `${string}${" " | "."}${string}`
    ? { inputs: LabelTerms<WithoutSpaces<Equation>, [], true>; output: undefined }
    : { inputs: LabelTerms<Equation, [], false>; output: undefined };

/** A term split at its first `...`, its characters unchecked. */
type SplitTerm<Text extends string> = Text extends `${infer Before}...${infer After}` ? ParsedTermOf<Before, After> : ParsedTermOf<Text, undefined>;

/**
 * Whether a text holds only labels and commas (the input side of an equation, with the output after one more
 * comma): then no term needs a scan of its own, and the terms are the text split at its commas. The check reads
 * four characters a step while it can. Any other character (a space, a dot, a mistake) sends the equation through
 * the scan of each term, which places it.
 */
type OnlyLabels<Text extends string> = Text extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
  ? [A | B | C | D] extends [Label | ","]
    ? OnlyLabels<Rest>
    : false
  : Text extends `${infer Character}${infer Rest}`
    ? Character extends Label | ","
      ? OnlyLabels<Rest>
      : false
    : true;

/** Input terms split at their commas into parsed terms, each split at its `...` when some term may have one. */
type LabelTerms<Inputs extends string, Terms extends ParsedTerm[], Dotted extends boolean> = Inputs extends `${infer Term},${infer Rest}`
  ? LabelTerms<Rest, [...Terms, Dotted extends true ? SplitTerm<Term> : ParsedTermOf<Term, undefined>], Dotted>
  : [...Terms, Dotted extends true ? SplitTerm<Inputs> : ParsedTermOf<Inputs, undefined>];

/**
 * Splits an equation at its first `->` into `[inputs, output]` (`output` is `undefined` without an arrow). A second
 * `->` is a `Failure`.
 *
 * @example
 * type Split = SplitArrow<"ij->ji">; //=> ["ij", "ji"]
 * type Implicit = SplitArrow<"ij">; //=> ["ij", undefined]
 */
export type SplitArrow<Equation extends string> = Equation extends `${infer Inputs}->${infer Output}`
  ? Output extends `${infer Between}->${string}`
    ? Failure<WriteSecondArrow<StringLength<`${Inputs}->${Between}`>>>
    : [Inputs, Output]
  : [Equation, undefined];

/**
 * Splits the input side of an equation at its commas.
 *
 * @example
 * type Terms = SplitTerms<"ij, jk">; //=> ["ij", " jk"]
 */
export type SplitTerms<Inputs extends string, Terms extends string[] = []> = Inputs extends `${infer Term},${infer Rest}`
  ? SplitTerms<Rest, [...Terms, Term]>
  : [...Terms, Inputs];

/**
 * Parses the input terms in order: `Index` is the next term's, and `Prefix` the equation before it, for positions.
 */
type ParseInputs<Texts extends string[], Index extends number, Prefix extends string, Terms extends ParsedTerm[]> =
  Index extends Texts["length"]
    ? Terms
    : ParseTerm<Texts[Index]> extends infer Term
      ? Term extends ParsedTerm
        ? ParseInputs<Texts, Successors[Index], `${Prefix}${Texts[Index]},`, [...Terms, Term]>
        : Term extends TermMistake
          ? Failure<WriteTermMistake<Term, Texts[Index], Prefix, `operand ${Index}`>>
          : never
      : never;

/** Parses the output term. */
type ParseOutput<Inputs extends readonly ParsedTerm[], Text extends string, Prefix extends string> =
  ParseTerm<Text> extends infer Term
    ? Term extends ParsedTerm
      ? { inputs: Inputs; output: Term }
      : Term extends TermMistake
        ? Failure<WriteTermMistake<Term, Text, Prefix, "the output">>
        : never
    : never;

/**
 * The type-level twin of `parseTerm`: reads one term character by character, labels, spaces and one ellipsis.
 * Gives a {@link ParsedTerm}, or a {@link TermMistake} that the caller places in the equation. It depends on the
 * term's text alone, so the same term is parsed once however many equations hold it.
 *
 * @example
 * type Term = ParseTerm<" i...j">; //=> { before: "i"; after: "j" }
 */
export type ParseTerm<Text extends string> = ScanTerm<Text, false> extends true ? TermOf<Text> : ScanTerm<Text, false>;

/**
 * Checks the next characters: four labels or spaces at once while at least four characters are left, else one
 * character by its kind. The scan's state is the text left to read and whether the ellipsis has been read; it collects nothing,
 * since a valid term's labels are its text without spaces.
 */
type ScanTerm<Unscanned extends string, EllipsisRead extends boolean> =
  Unscanned extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
    ? [A | B | C | D] extends [Label | " "]
      ? ScanTerm<Rest, EllipsisRead>
      : ScanNext<Unscanned, EllipsisRead, false>
    : ScanNext<Unscanned, EllipsisRead, true>;

/**
 * Reads the next character (a label most often, so that case comes first), or ends the scan when none is left.
 * `Short` says fewer than four characters are left, so the scan goes on one character at a time.
 */
type ScanNext<Unscanned extends string, EllipsisRead extends boolean, Short extends boolean> =
  Unscanned extends `${infer Character}${infer Rest}`
    ? Character extends Label
      ? Short extends true
        ? ScanNext<Rest, EllipsisRead, true>
        : ScanTerm<Rest, EllipsisRead>
      : ReadCharacter<ScanCharacter<Character>, Character, Rest, Unscanned, EllipsisRead>
    : true;

/** One case per kind of character. */
type ReadCharacter<Kind, Character extends string, Rest extends string, Unscanned extends string, EllipsisRead extends boolean> =
  Kind extends "space" ? SkipSpaces<Rest, EllipsisRead>
  : Kind extends "dot" ? ReadEllipsis<Rest, Unscanned, EllipsisRead>
  : Kind extends "dash" | "greater" ? TermMistake<"malformed arrow", Character, Unscanned>
  : TermMistake<"invalid character", Character, Unscanned>;

/**
 * Skips the spaces after a space, eight at a time while it can, so that a long run of spaces takes few steps of the
 * scan (the compiler allows a thousand).
 */
type SkipSpaces<Rest extends string, EllipsisRead extends boolean> = Rest extends `        ${infer More}`
  ? SkipSpaces<More, EllipsisRead>
  : Rest extends ` ${infer More}`
    ? SkipSpaces<More, EllipsisRead>
    : ScanTerm<Rest, EllipsisRead>;

/** A `.` must start a `...`, and a term holds at most one. */
type ReadEllipsis<Rest extends string, Unscanned extends string, EllipsisRead extends boolean> =
  Rest extends `..${infer AfterEllipsis}`
    ? EllipsisRead extends true
      ? TermMistake<"repeated ellipsis", ".", Unscanned>
      : ScanTerm<AfterEllipsis, true>
    : TermMistake<"malformed ellipsis", ".", Unscanned>;

/** A term's mistake as the run time's message, at its index in the equation. */
type WriteTermMistake<
  Mistake extends TermMistake,
  Text extends string,
  Prefix extends string,
  Owner extends string,
> = Text extends `${infer Before}${Mistake["unscanned"]}`
  ? StringLength<`${Prefix}${Before}`> extends infer Position extends number
    ? {
        "invalid character": WriteInvalidCharacter<Mistake["character"], Position>;
        "malformed arrow": WriteMalformedArrow<Position>;
        "malformed ellipsis": WriteMalformedEllipsis<Position>;
        "repeated ellipsis": WriteRepeatedEllipsis<Owner, Position>;
      }[Mistake["mistake"]]
    : never
  : never;
