/**
 * Printable names for integer labels: `a-z`, `A-Z`, then letters from further along Unicode (as opt_einsum's
 * `get_symbol` does), so any network can be shown as an equation.
 *
 * @example
 * labelNamesFor(3); //=> ["a", "b", "c"]
 * labelNamesFor(60)[52]; //=> "À"
 */
export function labelNamesFor(count: number): string[] {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return Array.from({ length: count }, (_, label) =>
    label < letters.length ? (letters[label] as string) : String.fromCodePoint(0xc0 + label - letters.length),
  );
}
