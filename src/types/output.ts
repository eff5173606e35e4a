import type { WriteDidYouMean, WriteOutputEllipsisMissing, WriteRepeatedOutputLabel, WriteUnknownOutputLabel } from "../messages.js";
import type { Bindings, LabelSize } from "./bind-sizes.js";
import type { SwapCase } from "./characters.js";
import type { OpenOutput, UnfinishedOutput } from "./completions.js";
import type { Failure } from "./failure.js";
import type { ParsedTerm } from "./parse-state.js";

/**
 * The type-level twin of `inferImplicitOutput`: the ellipsis dimensions, then every label that appears exactly
 * once, in ASCII order (uppercase first). Gives the output's shape.
 *
 * @example
 * type Shape = InferImplicitOutput<{ sized: { a: [2, 0] } & { C: [4, 1] }; unknown: never; seen: "a" | "b" | "C"; repeated: "b" }, [7]>;
 * //=> [7, 4, 2]
 */
export type InferImplicitOutput<Bound extends Bindings, Ellipsis extends readonly number[]> = OutputSizes<
  ImplicitOutputLabels<Bound>,
  Bound,
  [...Ellipsis]
>;

/**
 * The labels of the implicit output, as a string: every label that appears exactly once, in ASCII order.
 *
 * @example
 * type Labels = ImplicitOutputLabels<{ sized: {}; unknown: never; seen: "i" | "j" | "k"; repeated: "j" }>; //=> "ik"
 */
export type ImplicitOutputLabels<Bound extends Bindings> = InAsciiOrder<Exclude<Bound["seen"], Bound["repeated"]>, LabelGroups, "">;

/**
 * The 52 labels in ASCII order in four groups of 13, each with its labels as a union, so that a group holding none
 * of the labels looked for is skipped in one step.
 */
type LabelGroups = [
  ["A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M", "ABCDEFGHIJKLM"],
  ["N" | "O" | "P" | "Q" | "R" | "S" | "T" | "U" | "V" | "W" | "X" | "Y" | "Z", "NOPQRSTUVWXYZ"],
  ["a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m", "abcdefghijklm"],
  ["n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z", "nopqrstuvwxyz"],
];

/**
 * The labels of a union in ASCII order, as a string: the groups that hold some of them, read four labels at a time,
 * until none is left to find.
 */
type InAsciiOrder<Labels extends string, Groups extends readonly (readonly [string, string])[], Sorted extends string> =
  [Labels] extends [never]
    ? Sorted
    : Groups extends readonly [infer Group extends readonly [string, string], ...infer Rest extends readonly (readonly [string, string])[]]
      ? [Labels & Group[0]] extends [never]
        ? InAsciiOrder<Labels, Rest, Sorted>
        : InGroupOrder<Labels, Group[1], Sorted> extends [infer Left extends string, infer Sorted extends string]
          ? InAsciiOrder<Left, Rest, Sorted>
          : never
      : Sorted;

/** Reads one group four labels at a time, giving `[the labels left to find, the labels in order so far]`. */
type InGroupOrder<Labels extends string, Order extends string, Sorted extends string> = [Labels] extends [never]
  ? [Labels, Sorted]
  : Order extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
    ? [Labels & (A | B | C | D)] extends [never]
      ? InGroupOrder<Labels, Rest, Sorted>
      : InGroupOrder<Exclude<Labels, A | B | C | D>, Rest, `${Sorted}${Kept<A, Labels>}${Kept<B, Labels>}${Kept<C, Labels>}${Kept<D, Labels>}`>
    : Order extends "" ? [Labels, Sorted] : [Exclude<Labels, Order>, `${Sorted}${Kept<Order, Labels>}`];

/** A label if it is one of `Labels`, else nothing. */
type Kept<Label extends string, Labels extends string> = Label extends Labels ? Label : "";

/**
 * The type-level twin of `checkOutput`: each output label must appear in some input and only once in the output,
 * and the output needs a `...` when the ellipsis stands for any dimension. Gives the output's shape with what may be
 * typed next (an {@link OpenOutput}), or the `Failure` with the run time's message (an {@link UnfinishedOutput} when
 * the output is still empty and lacks only its `...`). `InputEllipsis` tells whether some input term has a `...`.
 *
 * @example
 * type Checked = CheckOutput<{ before: "ji"; after: undefined }, { sized: { i: [2, 0] } & { j: [3, 0] }; unknown: never; seen: "i" | "j"; repeated: never }, [], false>;
 * //=> OpenOutput<[3, 2], never>
 */
export type CheckOutput<
  Output extends ParsedTerm,
  Bound extends Bindings,
  Ellipsis extends readonly number[],
  InputEllipsis extends boolean,
> = CheckedSizes<Output["before"], Bound, never, []> extends infer Before
  ? Before extends CheckedLabels<infer Earlier, infer BeforeSizes>
    ? Output["after"] extends string
      ? CheckedSizes<Output["after"], Bound, Earlier, [...BeforeSizes, ...Ellipsis]> extends infer After
        ? After extends CheckedLabels<infer Labels, infer Shape>
          ? OpenOutput<Shape, Exclude<Bound["seen"], Labels>>
          : After
        : never
      : Ellipsis extends readonly []
        ? OpenOutput<BeforeSizes, NextWithoutEllipsis<Output["before"], Bound, Earlier, InputEllipsis>>
        : Output["before"] extends ""
          ? UnfinishedOutput<WriteOutputEllipsisMissing<Ellipsis["length"]>, NextWithoutEllipsis<"", Bound, never, true>>
          : Failure<WriteOutputEllipsisMissing<Ellipsis["length"]>>
    : Before
  : never;

/**
 * What may follow an output with no `...` yet: each input label not in it, `...` when an input has one, and, while
 * the output is empty, the implicit output as a whole.
 */
type NextWithoutEllipsis<Typed extends string, Bound extends Bindings, Earlier extends string, InputEllipsis extends boolean> =
  | Exclude<Bound["seen"], Earlier>
  | (InputEllipsis extends true ? "..." : never)
  | (Typed extends "" ? `${InputEllipsis extends true ? "..." : ""}${ImplicitOutputLabels<Bound>}` : never);

/** Labels checked so far: the labels read, and the shape they give. */
interface CheckedLabels<Earlier extends string, Shape extends number[]> {
  readonly earlier: Earlier;
  readonly shape: Shape;
}

/**
 * Checks each label (it must be an input label, and appear once in the output) and appends its size to the shape.
 * Gives the {@link CheckedLabels}, or the first `Failure`.
 */
type CheckedSizes<Labels extends string, Bound extends Bindings, Earlier extends string, Shape extends number[]> =
  Labels extends `${infer Label}${infer Labels}`
    ? Label extends Bound["seen"]
      ? Label extends Earlier
        ? Failure<WriteRepeatedOutputLabel<Label>>
        : CheckedSizes<Labels, Bound, Earlier | Label, [...Shape, LabelSize<Bound, Label>]>
      : SwapCase<Label> extends Bound["seen"]
        ? Failure<WriteDidYouMean<WriteUnknownOutputLabel<Label>, SwapCase<Label>>>
        : Failure<WriteUnknownOutputLabel<Label>>
    : CheckedLabels<Earlier, Shape>;

/** Appends the sizes of some labels to a shape. */
type OutputSizes<Labels extends string, Bound extends Bindings, Shape extends number[]> =
  Labels extends `${infer Label}${infer Labels}`
    ? OutputSizes<Labels, Bound, [...Shape, LabelSize<Bound, Label>]>
    : Shape;
