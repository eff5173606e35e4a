/**
 * Printable names for integer labels: `a-z`, `A-Z`, then letters from further along Unicode (as opt_einsum's
 * `get_symbol` does), so any network can be shown as an equation.
 *
 * @example
 * labelNamesFor(3); //=> ["a", "b", "c"]
 * labelNamesFor(60)[52]; //=> "À"
 */
export function labelNamesFor(count: number): string[] {
  return Array.from({ length: count }, (_, label) => labelName(label));
}

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** The first code point after the letters; surrogates are skipped, and past Unicode labels are named by number. */
const FIRST_SYMBOL = 0xc0;
const SURROGATES = 0x800;

/**
 * The printable name of one integer label: a letter, a character further along Unicode (surrogates skipped), or
 * `{label}` past the end of Unicode.
 *
 * @example
 * labelName(0); //=> "a"
 * labelName(52); //=> "À"
 * labelName(2_000_000); //=> "{2000000}"
 */
export function labelName(label: number): string {
  if (label < letters.length) return letters[label] as string;
  let point = FIRST_SYMBOL + label - letters.length;
  if (point >= 0xd800) point += SURROGATES;
  return point <= 0x10ffff ? String.fromCodePoint(point) : `{${label}}`;
}
