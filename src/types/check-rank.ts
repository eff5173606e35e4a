import type { WriteRankBelowEllipsis, WriteRankMismatch } from "../messages.js";
import type { Failure } from "./failure.js";
import type { StringLength } from "./length.js";
import type { ParsedTerm } from "./parse-state.js";

/**
 * An operand checked against its term: its labels in order (a string of letters) with the size of each, and the
 * sizes of the dimensions the ellipsis stands for.
 *
 * @example
 * // "i...j" against [2, 5, 6, 3]
 * type Checked = { labels: "ij"; sizes: [2, 3]; ellipsis: [5, 6] };
 */
export interface RankedOperand {
  readonly labels: string;
  readonly sizes: readonly number[];
  readonly ellipsis: readonly number[];
}

/**
 * The type-level twin of `checkRank`: an operand's rank must equal its term's label count, or reach it when the term
 * has an ellipsis. Gives the {@link RankedOperand}, or the `Failure` with the run time's message.
 *
 * @example
 * type Checked = CheckRank<{ before: "i"; after: "j" }, 0, [2, 5, 3]>; //=> { labels: "ij"; sizes: [2, 3]; ellipsis: [5] }
 * type Refused = CheckRank<{ before: "ijk"; after: undefined }, 0, [2, 3]>;
 * //=> Failure<"operand 0 has rank 2 but its term 'ijk' names 3 dimensions">
 */
export type CheckRank<Term extends ParsedTerm, Operand extends number, Shape extends readonly number[]> =
  Term["after"] extends string
    ? TakeFront<Term["before"], Shape, []> extends [infer Front extends number[], infer Rest extends readonly number[]]
      ? TakeBack<Term["after"], Rest, []> extends [infer Ellipsis extends readonly number[], infer Back extends number[]]
        ? { labels: `${Term["before"]}${Term["after"]}`; sizes: [...Front, ...Back]; ellipsis: Ellipsis }
        : RankBelowEllipsis<Term["before"], Term["after"], Operand, Shape["length"]>
      : RankBelowEllipsis<Term["before"], Term["after"], Operand, Shape["length"]>
    : StringLength<Term["before"]> extends infer Count extends number
      ? Shape["length"] extends Count
        ? { labels: Term["before"]; sizes: Shape; ellipsis: [] }
        : Failure<WriteRankMismatch<Operand, Shape["length"], Term["before"], Count>>
      : never;

/** Takes one size from the front of `Shape` per label, giving `[taken, rest]`, or `false` when the sizes run out. */
type TakeFront<Labels extends string, Shape extends readonly number[], Taken extends number[]> =
  Labels extends `${string}${infer Labels}`
    ? Shape extends readonly [infer Size extends number, ...infer Rest extends readonly number[]]
      ? TakeFront<Labels, Rest, [...Taken, Size]>
      : false
    : [Taken, Shape];

/** Takes one size from the back of `Shape` per label, giving `[rest, taken]`, or `false` when the sizes run out. */
type TakeBack<Labels extends string, Shape extends readonly number[], Taken extends number[]> =
  Labels extends `${string}${infer Labels}`
    ? Shape extends readonly [...infer Rest extends readonly number[], infer Size extends number]
      ? TakeBack<Labels, Rest, [Size, ...Taken]>
      : false
    : [Shape, Taken];

/** The rank message of a term with an ellipsis. */
type RankBelowEllipsis<Before extends string, After extends string, Operand extends number, Rank extends number> =
  StringLength<`${Before}${After}`> extends infer Count extends number
    ? Failure<WriteRankBelowEllipsis<Operand, Rank, `${Before}...${After}`, Count>>
    : never;
