import type { CharactersOf } from "./characters.js";
import type { EinsumOutcome } from "./einsum-shape.js";
import type { Failure } from "./failure.js";
import type { StringLength } from "./length.js";
import type { ImplicitOutputLabels, InputLabels } from "./output.js";
import type { ParseEquation, SplitLabelTerms, SplitTerms } from "./parse.js";
import type { ParsedTerm, WithoutSpaces } from "./parse-state.js";

/**
 * What may be typed next at the end of an equation that has no `->` yet, for operands of these shapes: the editor's
 * completions while the inputs are typed. Each member is the equation followed by one continuation:
 * - a label for the term being typed while its operand has dimensions left to name: the labels already used in
 *   other terms, then fresh letters, as many as the dimensions left;
 * - `...` while the term has none and its operand's rank is 3 or more, or an earlier term has one;
 * - `,` once the term names every dimension of its operand and more operands follow;
 * - `->`, and `->` with the implicit output spelled out, once the last term is complete.
 *
 * An operand the call does not give yet has no known rank: its term is offered the used labels and two fresh ones,
 * and `,` and `->` once it names one. A prefix that no continuation can save (a bad character, a size mismatch in
 * the terms already complete, a term longer than its operand's rank) gives `never`: the refusal stands alone. A
 * trailing `-` is offered the `>` that completes the arrow. `Accepted` says the whole equation is already known good,
 * which spares the check of the prefix; then a last term without an ellipsis is complete, and only `->` follows.
 *
 * @example
 * type Typing = InputContinuations<"ij,", [[2, 3], [3, 4]]>; //=> "ij,i" | "ij,j" | "ij,k" | "ij,l"
 * type Complete = InputContinuations<"ij,jk", [[2, 3], [3, 4]]>; //=> "ij,jk->" | "ij,jk->ik"
 */
export type InputContinuations<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean = false,
  Accepted extends boolean | "general" = false,
> = Accepted extends true
  ? Equation extends `${string},${infer Last}`
    ? Last extends `${string}.${string}`
      ? InputContinuations<Equation, Shapes, Symbolic, "general">
      : `${Equation}->` | `${Equation}->${ImplicitOutput<Equation>}`
    : Equation extends `${string}.${string}`
      ? InputContinuations<Equation, Shapes, Symbolic, "general">
      : `${Equation}->` | `${Equation}->${ImplicitOutput<Equation>}`
  : Equation extends `${infer Inputs}-`
  ? Inputs extends `${string}${"-" | ">"}${string}`
    ? never
    : Extract<InputContinuations<Inputs, Shapes, Symbolic>, `${Inputs}->${string}`> extends `${Inputs}-${infer Rest}`
      ? `${Equation}${Rest}`
      : never
  : Equation extends `${string}${"-" | ">"}${string}`
    ? never
    : SplitTerms<Equation> extends [...infer Earlier extends string[], infer Current extends string]
      ? WithoutSpaces<Current> extends infer Term extends string
        ? Term extends `${string}.${string}`
          ? Term extends `${infer Before}...${infer After}`
            ? `${Before}${After}` extends `${string}.${string}`
              ? never
              : ContinueTerm<Equation, Earlier, `${Before}${After}`, true, Shapes, Symbolic, Accepted extends false ? false : true>
            : never
          : ContinueTerm<Equation, Earlier, Term, false, Shapes, Symbolic, Accepted extends false ? false : true>
        : never
      : never;

/** The continuations of the term being typed (`Labels`, its letters), once the terms before it are known good. */
type ContinueTerm<
  Equation extends string,
  Earlier extends string[],
  Labels extends string,
  Ellipsis extends boolean,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean,
  Accepted extends boolean,
> = `${Earlier["length"]}` extends keyof Shapes
  ? Shapes[`${Earlier["length"]}` & keyof Shapes] extends infer Shape extends readonly number[]
    ? ContinueKnownRank<Equation, Earlier, Labels, Ellipsis, Shapes, Shape, Symbolic, Accepted>
    : never
  : ContinueUnknownOperand<Equation, Earlier, Labels, Ellipsis, Shapes>;

/** A term whose operand the call gives: its rank says how many labels are left. */
type ContinueKnownRank<
  Equation extends string,
  Earlier extends string[],
  Labels extends string,
  Ellipsis extends boolean,
  Shapes extends readonly (readonly number[])[],
  Shape extends readonly number[],
  Symbolic extends boolean,
  Accepted extends boolean,
> = number extends Shape["length"]
  ? never
  : LabelsLeft<StringLength<Labels>, Shape["length"]> extends infer Left extends unknown[]
    ? (
        Accepted extends true
          ? true
          : EinsumOutcome<
                Equation,
                [...ShapesBefore<Shapes, Earlier["length"]>, Ellipsis extends true ? Shape : Taken<Shape, StringLength<Labels>>],
                Symbolic
              > extends Failure
            ? false
            : true
      ) extends false
      ? never
      :
          | (Left extends [] ? never : LabelOffers<Equation, Labels, Left["length"]>)
          | (Left extends [] ? never : Ellipsis extends true ? never : EllipsisOffer<Equation, Earlier, Shape["length"]>)
          | (Left extends [] | (Ellipsis extends true ? unknown[] : never)
              ? TermDone<Equation, [...Earlier, Labels]["length"], Shapes["length"]>
              : never)
    : never;

/** A term whose operand the call does not give yet: any rank is possible. */
type ContinueUnknownOperand<
  Equation extends string,
  Earlier extends string[],
  Labels extends string,
  Ellipsis extends boolean,
  Shapes extends readonly (readonly number[])[],
> = number extends Shapes["length"]
  ? never
  : ParseEquation<Equation> extends Failure
    ? never
    : (Shapes extends readonly [] ? false : EinsumOutcome<JoinTerms<Earlier, Shapes["length"]>, Shapes> extends Failure ? true : false) extends true
      ? never
      :
          | LabelOffers<Equation, Labels, 2>
          | (Ellipsis extends true ? never : HasEllipsis<Earlier> extends true ? `${Equation}...` : never)
          | (`${Labels}${Ellipsis extends true ? "." : ""}` extends "" ? never : `${Equation},` | `${Equation}->`);

/**
 * One entry per dimension the term has yet to name, `[]` when it names them all, `false` when it names more than
 * the rank. `Passed` says the labels written are counted.
 */
type LabelsLeft<Count extends number, Rank extends number, Counted extends unknown[] = [], Left extends unknown[] = [], Passed extends boolean = false> =
  Counted["length"] extends Rank
    ? Passed extends true
      ? Left
      : Counted["length"] extends Count
        ? Left
        : false
    : (Passed extends true ? true : Counted["length"] extends Count ? true : false) extends infer Now extends boolean
      ? LabelsLeft<Count, Rank, [...Counted, 0], Now extends true ? [...Left, 0] : Left, Now>
      : never;

/** The equation followed by each used label not yet in the term, and by `Fresh` letters not used anywhere. */
type LabelOffers<Equation extends string, Labels extends string, Fresh extends number> =
  CharactersOf<UsedLabels<Equation>> extends infer Used extends string
    ? `${Equation}${Exclude<Used, CharactersOf<Labels>> | FreshLetters<Used, Fresh>}`
    : never;

/**
 * The letters of an equation's inputs, without spaces, commas or ellipses: the labels of its terms split as the
 * check split them (the continuations are only offered once the terms typed so far are known good).
 */
type UsedLabels<Equation extends string> = SplitLabelTerms<Equation> extends { readonly inputs: infer Terms extends readonly ParsedTerm[] }
  ? InputLabels<Terms>
  : never;

/** Letters in the order einsum equations usually take them, starting at `i`. */
type FreshOrder = "ijklmnopqrstuvwxyzabcdefgh";

/** The first `Count` letters of {@link FreshOrder} that are not `Used`. */
type FreshLetters<Used extends string, Count extends number, Order extends string = FreshOrder, Found extends string[] = []> =
  Found["length"] extends Count
    ? Found[number]
    : Order extends `${infer Letter}${infer Rest}`
      ? Letter extends Used
        ? FreshLetters<Used, Count, Rest, Found>
        : FreshLetters<Used, Count, Rest, [...Found, Letter]>
      : Found[number];

/** `...` for a term without one, where its operand's rank is 3 or more or an earlier term has one. */
type EllipsisOffer<Equation extends string, Earlier extends string[], Rank extends number> =
  HasEllipsis<Earlier> extends true
    ? `${Equation}...`
    : Rank extends 0 | 1 | 2
      ? never
      : `${Equation}...`;

/** Whether one of the terms has an ellipsis. */
type HasEllipsis<Terms extends string[]> = [Extract<Terms[number], `${string}.${string}`>] extends [never] ? false : true;

/** A complete term: `,` when more operands follow, else `->` and the implicit output spelled out. */
type TermDone<Equation extends string, TermCount extends number, OperandCount extends number> = TermCount extends OperandCount
  ? `${Equation}->` | `${Equation}->${ImplicitOutput<Equation>}`
  : `${Equation},`;

/**
 * The output implicit mode chooses: `...` when an input has one, then each label seen once, in ASCII order. The
 * equation's inputs are split or parsed already (the check did it), so their labels come from there.
 */
type ImplicitOutput<Equation extends string> = (
  SplitLabelTerms<Equation> extends { readonly inputs: infer Terms extends readonly ParsedTerm[] }
    ? Terms
    : ParseEquation<Equation> extends { readonly inputs: infer Terms extends readonly ParsedTerm[] }
      ? Terms
      : never
) extends infer Terms extends readonly ParsedTerm[]
  ? `${Equation extends `${string}.${string}` ? "..." : ""}${ImplicitOutputLabels<InputLabels<Terms>>}`
  : never;

/** The first `Count` shapes. */
type ShapesBefore<Shapes extends readonly (readonly number[])[], Count extends number, Taken extends (readonly number[])[] = []> =
  Taken["length"] extends Count
    ? Taken
    : Shapes extends readonly [infer Shape extends readonly number[], ...infer Rest extends readonly (readonly number[])[]]
      ? ShapesBefore<Rest, Count, [...Taken, Shape]>
      : Taken;

/** The first `Count` dimensions of a shape. */
type Taken<Shape extends readonly number[], Count extends number, Kept extends number[] = []> = Kept["length"] extends Count
  ? Kept
  : Shape extends readonly [infer Size extends number, ...infer Rest extends readonly number[]]
    ? Taken<Rest, Count, [...Kept, Size]>
    : Kept;

/** The first `Count` terms joined by commas. */
type JoinTerms<Terms extends string[], Count extends number, Joined extends string = "", Index extends unknown[] = []> =
  Index["length"] extends Count
    ? Joined
    : Terms extends [infer Term extends string, ...infer Rest extends string[]]
      ? JoinTerms<Rest, Count, Index extends [] ? Term : `${Joined},${Term}`, [...Index, 0]>
      : Joined;
