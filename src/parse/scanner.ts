/**
 * What one character of an equation is. The type-level scanner in `src/types/scanner.ts` reads characters into
 * the same kinds.
 */
export type CharacterKind = "label" | "space" | "comma" | "dash" | "greater" | "dot" | "other";

/**
 * Sorts a character of an equation into its kind.
 *
 * @example
 * scanCharacter("k"); //=> "label"
 * scanCharacter("1"); //=> "other"
 */
export function scanCharacter(character: string): CharacterKind {
  if (isLabel(character)) return "label";
  switch (character) {
    case " ":
      return "space";
    case ",":
      return "comma";
    case "-":
      return "dash";
    case ">":
      return "greater";
    case ".":
      return "dot";
    default:
      return "other";
  }
}

/**
 * Whether a character is a label: one of the 52 letters a-z and A-Z.
 *
 * @example
 * isLabel("Q"); //=> true
 * isLabel("é"); //=> false
 */
export function isLabel(character: string): boolean {
  const code = character.charCodeAt(0);
  return character.length === 1 && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
}
