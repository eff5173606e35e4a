/**
 * The number of characters of a string, counted four at a time with a tuple accumulator. Only error messages need
 * it (for positions), so the valid path never pays for it.
 *
 * @example
 * type Position = StringLength<"ij,jk">; //=> 5
 */
export type StringLength<Text extends string, Counted extends 0[] = []> =
  Text extends `${infer _A}${infer _B}${infer _C}${infer _D}${infer Rest}`
    ? StringLength<Rest, [...Counted, 0, 0, 0, 0]>
    : Text extends `${infer _A}${infer Rest}`
      ? StringLength<Rest, [...Counted, 0]>
      : Counted["length"];
