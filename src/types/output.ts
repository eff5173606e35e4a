import type { WriteDidYouMean, WriteOutputEllipsisMissing, WriteRepeatedOutputLabel, WriteUnknownOutputLabel } from "../messages.js";
import type { Bindings, LabelSize } from "./bind-sizes.js";
import type { LabelsInAsciiOrder, SwapCase } from "./characters.js";
import type { OpenOutput, UnfinishedOutput } from "./completions.js";
import type { Failure } from "./failure.js";
import type { Successors } from "./length.js";
import type { ParsedTerm } from "./parse-state.js";

/**
 * The type-level twin of `inferImplicitOutput`: the ellipsis dimensions, then every label that appears exactly
 * once, in ASCII order (uppercase first). Gives the output's shape. `Labels` are the input labels in order (see
 * {@link InputLabels}).
 *
 * @example
 * type Shape = InferImplicitOutput<"abCb", { sizes: ";a=2@0;b=1@0;C=4@1;"; seen: "a" | "b" | "C" }, [7]>;
 * //=> [7, 4, 2]
 */
export type InferImplicitOutput<Labels extends string, Bound extends Bindings, Ellipsis extends readonly number[]> = OutputSizes<
  ImplicitOutputLabels<Labels>,
  Bound,
  [...Ellipsis]
>;

/**
 * The labels of the input terms, in order, as one string. It depends on the parsed terms alone, so that the output
 * check and the editor's continuations, which both need it, share one evaluation.
 *
 * @example
 * type Labels = InputLabels<[{ before: "ij"; after: undefined }, { before: "j"; after: "k" }]>; //=> "ijjk"
 */
export type InputLabels<Terms extends readonly ParsedTerm[], Index extends number = 0, Labels extends string = ""> =
  Index extends Terms["length"]
    ? Labels
    : InputLabels<
        Terms,
        Successors[Index],
        Terms[Index]["after"] extends string ? `${Labels}${Terms[Index]["before"]}${Terms[Index]["after"]}` : `${Labels}${Terms[Index]["before"]}`
      >;

/**
 * The labels of the implicit output, as a string: every label that appears exactly once in `Labels` (the input
 * labels in order), in ASCII order. One walk sorts each label in as it is first seen (most equations name them in
 * order already, so a label usually goes at the end after one comparison) and takes it out again when it is seen a
 * second time.
 *
 * @example
 * type Labels = ImplicitOutputLabels<"ijjk">; //=> "ik"
 */
export type ImplicitOutputLabels<Labels extends string> = SortSeen<Labels, never, "", "">;

/**
 * Walks the labels: `Seen` so far, `Sorted` those seen once in ASCII order, none of them after `Last` (the last
 * label appended), so that a label after `Last` is appended without a walk.
 */
type SortSeen<Labels extends string, Seen extends string, Sorted extends string, Last extends string> =
  Labels extends `${infer Label}${infer Labels}`
    ? Label extends Seen
      ? SortSeen<Labels, Seen, Sorted extends `${infer Before}${Label}${infer After}` ? `${Before}${After}` : Sorted, Last>
      : LabelsInAsciiOrder extends `${string}${Last}${string}${Label}${string}`
        ? SortSeen<Labels, Seen | Label, `${Sorted}${Label}`, Label>
        : SortSeen<Labels, Seen | Label, Insert<Sorted, Label, "">, Last>
    : Sorted;

/** Whether one label comes before another in ASCII order: a pattern over the alphabet, matched in one step. */
type ComesBefore<First extends string, Second extends string> = LabelsInAsciiOrder extends `${string}${First}${string}${Second}${string}`
  ? true
  : false;

/** Inserts a label into labels in ASCII order, before the first that comes after it. */
type Insert<Sorted extends string, Label extends string, Done extends string> = Sorted extends `${infer Next}${infer Rest}`
  ? ComesBefore<Label, Next> extends true
    ? `${Done}${Label}${Sorted}`
    : Insert<Rest, Label, `${Done}${Next}`>
  : `${Done}${Label}`;

/**
 * The type-level twin of `checkOutput`: each output label must appear in some input and only once in the output,
 * and the output needs a `...` when the ellipsis stands for any dimension. Gives the output's shape with what may be
 * typed next (an {@link OpenOutput}), or the `Failure` with the run time's message (an {@link UnfinishedOutput} when
 * the output is still empty and lacks only its `...`). `Inputs` are the input terms, and `InputEllipsis` tells
 * whether one of them has a `...`.
 *
 * @example
 * type Checked = CheckOutput<{ before: "ji"; after: undefined }, [{ before: "ij"; after: undefined }], { sizes: ";i=2@0;j=3@0;"; seen: "i" | "j" }, [], false>;
 * //=> OpenOutput<[3, 2], never>
 */
export type CheckOutput<
  Output extends ParsedTerm,
  Inputs extends readonly ParsedTerm[],
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
        ? OpenOutput<BeforeSizes, NextWithoutEllipsis<Output["before"], Inputs, Bound, Earlier, InputEllipsis>>
        : Output["before"] extends ""
          ? UnfinishedOutput<WriteOutputEllipsisMissing<Ellipsis["length"]>, NextWithoutEllipsis<"", Inputs, Bound, never, true>>
          : Failure<WriteOutputEllipsisMissing<Ellipsis["length"]>>
    : Before
  : never;

/**
 * What may follow an output with no `...` yet: each input label not in it, `...` when an input has one, and, while
 * the output is empty, the implicit output as a whole.
 */
type NextWithoutEllipsis<Typed extends string, Inputs extends readonly ParsedTerm[], Bound extends Bindings, Earlier extends string, InputEllipsis extends boolean> =
  | Exclude<Bound["seen"], Earlier>
  | (InputEllipsis extends true ? "..." : never)
  | (Typed extends "" ? `${InputEllipsis extends true ? "..." : ""}${ImplicitOutputLabels<InputLabels<Inputs>>}` : never);

/** Labels checked so far: the labels read, and the shape they give. */
interface CheckedLabels<Earlier extends string, Shape extends number[]> {
  readonly earlier: Earlier;
  readonly shape: Shape;
}

/**
 * Checks each label (it must be an input label, and appear once in the output) and appends its size to the shape.
 * Gives the {@link CheckedLabels}, or the first `Failure`. A label bound to a literal size, the common case, is
 * found and sized by one pattern.
 */
type CheckedSizes<Labels extends string, Bound extends Bindings, Earlier extends string, Shape extends number[]> =
  Labels extends `${infer Label}${infer Labels}`
    ? Bound["sizes"] extends `${string};${Label}=${infer Size extends number}@${string}`
      ? Label extends Earlier
        ? Failure<WriteRepeatedOutputLabel<Label>>
        : CheckedSizes<Labels, Bound, Earlier | Label, [...Shape, Size]>
      : Label extends Bound["seen"]
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
    ? Bound["sizes"] extends `${string};${Label}=${infer Size extends number}@${string}`
      ? OutputSizes<Labels, Bound, [...Shape, Size]>
      : OutputSizes<Labels, Bound, [...Shape, LabelSize<Bound, Label>]>
    : Shape;
