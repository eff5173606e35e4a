import type { OpenOutput } from "./completions.js";
import type { Failure } from "./failure.js";
import type { IsSymbolicDimension } from "./dimensions.js";
import type { IsAny, IsNever } from "./guards.js";
import type { NormalizeLabelTerms, NormalizeParsed } from "./normalize.js";
import type { ParseEquation, ParsedEquation, SplitLabelTerms } from "./parse.js";
import type { RestoreSymbols, SymbolizeShapes, Symbolized } from "./symbolize.js";

/**
 * What the type level knows of an einsum call: the output's shape (`number[]` when it cannot know it; with what may
 * be typed next, an `OpenOutput`, for an explicit output), or the `Failure` with the run time's message. Parsing and
 * checking happen here once; {@link EinsumShape} and the check on the equation argument both read this result, so
 * the compiler's cache serves the second. A union of shape lists gives the union of their outcomes.
 *
 * @example
 * type Known = EinsumOutcome<"ij,jk", [[2, 3], [3, 4]]>; //=> [2, 4]
 * type Explicit = EinsumOutcome<"ij,jk->ik", [[2, 3], [3, 4]]>; //=> OpenOutput<[2, 4], "j">
 * type Refused = EinsumOutcome<"ij,jk->ik", [[2, 3], [4, 5]]>;
 * //=> Failure<"label 'j' has size 3 in operand 0 but 4 in operand 1">
 */
export type EinsumOutcome<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean = HasSymbolicDimensions<Equation, Shapes>,
> =
  IsAny<Equation> extends true
    ? number[]
    : IsNever<Equation> extends true
      ? never
      : string extends Equation
        ? number[]
        : IsAny<Shapes> extends true
          ? number[]
          : IsNever<Shapes> extends true
            ? never
            : Shapes extends unknown
              ? CheckedEquation<Equation, Shapes, Symbolic>
              : never;

/**
 * The checks of an equation. When its terms can be split without a scan (see `SplitLabelTerms`) and every operand
 * has a literal shape, the checks read the split terms (the short way when no term has an ellipsis), and they check each label as they read it; a refusal is then
 * worked out again from the scanned equation, so that a mistake of the grammar is the one reported, as at run time.
 * Symbolic shapes take the scanned equation straight away (their ranks may not be literals).
 */
type CheckedEquation<Equation extends string, Shapes extends readonly (readonly number[])[], Symbolic extends boolean> =
  Symbolic extends true
    ? Checked<ParseEquation<Equation>, Equation, Shapes, Symbolic>
    : number extends Shapes[number]["length"]
      ? Checked<ParseEquation<Equation>, Equation, Shapes, Symbolic>
      : (Equation extends `${string}.${string}`
            ? NormalizeParsed<SplitLabelTerms<Equation>, Shapes>
            : NormalizeLabelTerms<SplitLabelTerms<Equation>, Shapes>) extends infer Outcome
        ? Outcome extends Failure
          ? Checked<ParseEquation<Equation>, Equation, Shapes, Symbolic>
          : Outcome
        : never;

/**
 * Whether some dimension of the shapes is symbolic (see `dimensions.ts`), or a rank is not a literal.
 *
 * @example
 * type Literal = HasSymbolicDimensions<"ij", [[2, 3]]>; //=> false
 */
export type HasSymbolicDimensions<Equation extends string, Shapes extends readonly (readonly number[])[]> = IsSymbolicDimension<
  Equation,
  Shapes[number][number] | Shapes[number]["length"]
>;

/**
 * The checks of a parsed equation. When a dimension is symbolic, they run on stand-ins for the symbols, which the
 * outcome then gives back (see `symbolize.ts`); literal shapes go straight through.
 */
type Checked<Parsed, Equation extends string, Shapes extends readonly (readonly number[])[], Symbolic extends boolean> =
  Parsed extends ParsedEquation
    ? Symbolic extends true
      ? SymbolizeShapes<Equation, Shapes, Parsed["inputs"]> extends Symbolized<
          infer Standing extends readonly (readonly number[])[],
          infer Symbols,
          infer Variadic
        >
        ? RestoreSymbols<NormalizeParsed<Parsed, Standing>, Symbols, Variadic>
        : never
      : NormalizeParsed<Parsed, Shapes>
    : Parsed;

/**
 * The shape of `einsum(Equation, ...operands)` for operands of the given shapes, exactly as the run time computes
 * it: implicit or explicit output, `...` broadcasting, diagonals and traces, size-1 labels that broadcast, scalars,
 * zero sizes. An equation the run time refuses gives `never` (the call itself shows the message). A dimension typed
 * `number` stays `number`; an equation typed `string`, or an operand of unknown rank, gives `number[]`. A symbolic
 * dimension (a type parameter or a branded number) is kept: see "Generic code" in docs/types.md. `Symbolic`, whether
 * some dimension is symbolic, is worked out from the shapes: leave it out.
 *
 * @example
 * type S = EinsumShape<"bk,aki->bai", [[2, 3], [5, 3, 3]]>; //=> [2, 5, 3]
 * type Trace = EinsumShape<"ii", [[4, 4]]>; //=> []
 * type Batched = EinsumShape<"...ij,...jk", [[2, 1, 2, 3], [4, 3, 2]]>; //=> [2, 4, 2, 2]
 * type Unknown = EinsumShape<string, [[2, 3]]>; //=> number[]
 * type Branded = EinsumShape<"bk->b", [[number & { __dim: "batch" }, 3]]>; //=> [number & { __dim: "batch" }]
 */
export type EinsumShape<
  Equation extends string,
  Shapes extends readonly (readonly number[])[],
  Symbolic extends boolean = HasSymbolicDimensions<Equation, Shapes>,
> =
  EinsumOutcome<Equation, Shapes, Symbolic> extends infer Outcome ? OutcomeShape<Outcome> : never;

/**
 * The shape of an outcome: an `OpenOutput`'s, or the outcome itself when it is a shape; `never` for a refusal. The
 * outcome is tested inside an object, so that a variadic shape (a generic type) does not keep the test from
 * resolving.
 *
 * @example
 * type Shape = OutcomeShape<OpenOutput<[2, 4], "j">>; //=> [2, 4]
 */
export type OutcomeShape<Outcome> = Outcome extends unknown
  ? { readonly outcome: Outcome } extends {
      readonly outcome: { readonly shape: infer Shape extends readonly number[]; readonly next: string };
    }
    ? Shape
    : { readonly outcome: Outcome } extends { readonly outcome: infer Shape extends readonly number[] }
      ? Shape
      : never
  : never;
