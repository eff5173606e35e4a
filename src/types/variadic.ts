/**
 * A variadic shape (`[...S, 3]`, `[2, ...S]`, `[...S]`) under a term with an ellipsis: the labels before the
 * ellipsis take dimensions from the front, those after it from the back, and the ellipsis stands for what is left,
 * variadic part included. The split decides through a container with an escape member, as `dimensions.ts` does,
 * since a variadic tuple is a generic type that no conditional type can test directly.
 */

interface Escape {
  readonly escape: true;
}

/**
 * A variadic shape split for its term: the front and back dimensions of its labels, and the part the ellipsis
 * stands for.
 *
 * @example
 * type Split = SplitShape<[], S, [3]>; // [...S, 3] under "...k"
 */
export interface SplitShape<Front extends readonly number[], Middle extends readonly number[], Back extends readonly number[]> {
  readonly front: Front;
  readonly middle: Middle;
  readonly back: Back;
}

/**
 * Splits a shape around the term's ellipsis: one dimension from the front per label in `Before`, one from the back
 * per label in `After`. Gives the {@link SplitShape}, or `false` when the shape has too few fixed dimensions for the
 * labels (its rank is then unknown).
 *
 * @example
 * type Split = SplitVariadic<"...k,kj->...j", [...S, 3], "", "k">; //=> SplitShape<[], S, [3]>
 */
export type SplitVariadic<
  Deferral extends string,
  Shape extends readonly number[],
  Before extends string,
  After extends string,
  Back extends number[] = [],
> = After extends `${string}${infer After}`
  ? PeelLast<Deferral, Shape> extends [infer Init extends readonly number[], infer Last extends number]
    ? SplitVariadic<Deferral, Init, Before, After, [Last, ...Back]>
    : false
  : SplitFront<Deferral, Shape, Before, [], Back>;

type SplitFront<
  Deferral extends string,
  Shape extends readonly number[],
  Before extends string,
  Front extends number[],
  Back extends number[],
> = Before extends `${string}${infer Before}`
  ? PeelFirst<Deferral, Shape> extends [infer First extends number, infer Rest extends readonly number[]]
    ? SplitFront<Deferral, Rest, Before, [...Front, First], Back>
    : false
  : SplitShape<Front, Shape, Back>;

/** `[init, last]` of a shape whose last dimension is fixed, else `false`. */
type PeelLast<Deferral extends string, Shape extends readonly number[]> = [Deferral, { readonly shape: Shape } & Escape] extends [
  string,
  { readonly shape: readonly [...infer Init extends readonly number[], infer Last extends number | false] } | Escape,
]
  ? [Last & false] extends [never]
    ? [Init, Last]
    : false
  : never;

/** `[first, rest]` of a shape whose first dimension is fixed, else `false`. */
type PeelFirst<Deferral extends string, Shape extends readonly number[]> = [Deferral, { readonly shape: Shape } & Escape] extends [
  string,
  { readonly shape: readonly [infer First extends number | false, ...infer Rest extends readonly number[]] } | Escape,
]
  ? [First & false] extends [never]
    ? [First, Rest]
    : false
  : never;
