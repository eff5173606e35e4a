/**
 * The 52 labels in ASCII order, uppercase first: the order of an implicit output.
 *
 * @example
 * type First = LabelsInAsciiOrder extends `${infer Label}${string}` ? Label : never; //=> "A"
 */
export type LabelsInAsciiOrder = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A label: one of the letters a-z and A-Z. Written out rather than split from {@link LabelsInAsciiOrder}, which
 * would cost each program about 600 instantiations once (a type test checks that the two agree).
 *
 * @example
 * const label: Label = "k";
 */
export type Label =
  | "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M"
  | "N" | "O" | "P" | "Q" | "R" | "S" | "T" | "U" | "V" | "W" | "X" | "Y" | "Z"
  | "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m"
  | "n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z";

/**
 * The characters of a string, as a union.
 *
 * @example
 * type Letters = CharactersOf<"abc">; //=> "a" | "b" | "c"
 */
export type CharactersOf<Text extends string, Characters extends string = never> =
  Text extends `${infer Character}${infer Rest}` ? CharactersOf<Rest, Characters | Character> : Characters;

/**
 * The type-level twin of `scanCharacter` in `src/parse/scanner.ts`: what one character of an equation is, one of
 * the run-time `CharacterKind`s.
 *
 * @example
 * type Kind = ScanCharacter<"k">; //=> "label"
 * type Other = ScanCharacter<"1">; //=> "other"
 */
export type ScanCharacter<Character extends string> = Character extends Label
  ? "label"
  : Character extends " "
    ? "space"
    : Character extends ","
      ? "comma"
      : Character extends "-"
        ? "dash"
        : Character extends ">"
          ? "greater"
          : Character extends "."
            ? "dot"
            : "other";

/**
 * The same letter in the other case, for the "did you mean" hint.
 *
 * @example
 * type Swapped = SwapCase<"K">; //=> "k"
 */
export type SwapCase<Letter extends string> = Letter extends Uppercase<Letter> ? Lowercase<Letter> : Uppercase<Letter>;
