import type { BindSizes, Bindings } from "./bind-sizes.js";
import type { BroadcastEllipsis } from "./broadcast-ellipsis.js";
import type { CheckOperandCount } from "./check-operand-count.js";
import type { CheckRank, RankedOperand } from "./check-rank.js";
import type { Failure } from "./failure.js";
import type { CheckOutput, InferImplicitOutput, InputLabels } from "./output.js";
import type { ParsedEquation } from "./parse.js";
import type { Successors } from "./length.js";
import type { ParsedTerm } from "./parse-state.js";

/**
 * The type-level twin of `normalizeParsed`: checks a parsed equation against the operands' shapes in the run
 * time's order (the operand count, each rank, the ellipsis dimensions, the sizes of each label, the output) and
 * gives the output's shape (with what may be typed next, for an explicit output: an `OpenOutput`), or the `Failure`
 * for the first mistake.
 *
 * An operand list of unknown length stops the checks with no error and gives `number[]`; so does an operand of
 * unknown rank (`number[]`), once the operands before it are checked. Terms without an ellipsis against operands of
 * literal rank take the short way (see {@link NormalizeLabelTerms}) unless they are refused.
 *
 * @example
 * type Shape = NormalizeParsed<ParseEquation<"ij,jk">, [[2, 3], [3, 4]]>; //=> [2, 4]
 * type Explicit = NormalizeParsed<ParseEquation<"ij,jk->ik">, [[2, 3], [3, 4]]>; //=> OpenOutput<[2, 4], "j">
 */
export type NormalizeParsed<Parsed extends ParsedEquation, Shapes extends readonly (readonly number[])[]> =
  number extends Shapes["length"]
    ? number[]
    : [Parsed["inputs"][number]["after"] | (number extends Shapes[number]["length"] ? number : undefined)] extends [undefined]
      ? NormalizeLabelTerms<Parsed, Shapes> extends infer Outcome
        ? Outcome extends Failure
          ? NormalizeEachStep<Parsed, Shapes>
          : Outcome
        : never
      : NormalizeEachStep<Parsed, Shapes>;

/**
 * The checks of terms without an ellipsis against operands of literal rank: the operand count, then the labels
 * bound to their sizes straight away, which also finds a rank that does not match, then the output. A refusal is a
 * `Failure` whose message may not be the run time's first: go through the checks one after the other for that.
 *
 * @example
 * type Shape = NormalizeLabelTerms<ParseEquation<"ij,jk->ik">, [[2, 3], [3, 4]]>; //=> OpenOutput<[2, 4], "j">
 */
export type NormalizeLabelTerms<Parsed extends ParsedEquation, Shapes extends readonly (readonly number[])[]> =
  Shapes["length"] extends Parsed["inputs"]["length"]
    ? BindSizes<TermLabels<Parsed["inputs"]>, Shapes> extends infer Bound extends Bindings
      ? Parsed["output"] extends ParsedTerm
        ? CheckOutput<Parsed["output"], Parsed["inputs"], Bound, [], false>
        : InferImplicitOutput<InputLabels<Parsed["inputs"]>, Bound, []>
      : Failure<"sizes">
    : Failure<"operand count">;

/** The checks one after the other, each giving the run time's message for its refusal. */
type NormalizeEachStep<Parsed extends ParsedEquation, Shapes extends readonly (readonly number[])[]> =
  CheckOperandCount<Parsed["inputs"]["length"], Shapes["length"]> extends infer Mistake extends Failure
    ? Mistake
    : CheckRanks<Parsed["inputs"], Shapes, 0, []> extends infer Ranked
      ? Ranked extends readonly RankedOperand[]
        ? NormalizeRanked<Ranked, Parsed["output"], Parsed["inputs"]>
        : Ranked
      : never;

/** The labels of each term without an ellipsis. */
type TermLabels<Terms extends readonly ParsedTerm[]> = { [Index in keyof Terms]: Terms[Index]["before"] };

/** The checks that follow the ranks: the ellipsis dimensions, the label sizes, the output. */
type NormalizeRanked<
  Ranked extends readonly RankedOperand[],
  Output extends ParsedTerm | undefined,
  Inputs extends readonly ParsedTerm[],
> =
  BroadcastEllipsis<Ranked> extends infer Ellipsis
    ? Ellipsis extends readonly number[]
      ? BindSizes<{ [Index in keyof Ranked]: Ranked[Index]["labels"] }, { [Index in keyof Ranked]: Ranked[Index]["sizes"] }> extends infer Bound
        ? Bound extends Bindings
          ? Output extends ParsedTerm
            ? CheckOutput<Output, Inputs, Bound, Ellipsis, HasEllipsis<Inputs>>
            : InferImplicitOutput<InputLabels<Inputs>, Bound, Ellipsis>
          : Bound
        : never
      : Ellipsis
    : never;

/** Whether some term has a `...`. */
type HasEllipsis<Terms extends readonly ParsedTerm[]> = [Terms[number]["after"]] extends [undefined] ? false : true;

/** Checks each operand's rank against its term, in order; an operand of unknown rank ends the checks with `number[]`. */
type CheckRanks<
  Terms extends readonly ParsedTerm[],
  Shapes extends readonly (readonly number[])[],
  Index extends number,
  Ranked extends RankedOperand[],
> = Index extends Terms["length"]
  ? Ranked
  : number extends Shapes[Index]["length"]
    ? number[]
    : CheckRank<Terms[Index], Index, Shapes[Index]> extends infer Checked
      ? Checked extends RankedOperand
        ? CheckRanks<Terms, Shapes, Successors[Index], [...Ranked, Checked]>
        : Checked
      : never;
