import type { OpenOutput } from "./completions.js";
import type { Failure } from "./failure.js";
import type { IsAny, IsNever } from "./guards.js";
import type { NormalizeParsed } from "./normalize.js";
import type { ParseEquation, ParsedEquation } from "./parse.js";

/**
 * What the type level knows of an einsum call: the output's shape (`number[]` when it cannot know it; with what may
 * be typed next, an `OpenOutput`, for an explicit output), or the `Failure` with the run time's message. Parsing and checking happen here once; {@link EinsumShape} and the check on
 * the equation argument both read this result, so the compiler's cache serves the second.
 *
 * @example
 * type Known = EinsumOutcome<"ij,jk", [[2, 3], [3, 4]]>; //=> [2, 4]
 * type Explicit = EinsumOutcome<"ij,jk->ik", [[2, 3], [3, 4]]>; //=> OpenOutput<[2, 4], "j">
 * type Refused = EinsumOutcome<"ij,jk->ik", [[2, 3], [4, 5]]>;
 * //=> Failure<"label 'j' has size 3 in operand 0 but 4 in operand 1">
 */
export type EinsumOutcome<Equation extends string, Shapes extends readonly (readonly number[])[]> =
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
            : Checked<ParseEquation<Equation>, Shapes>;

type Checked<Parsed, Shapes extends readonly (readonly number[])[]> = Parsed extends ParsedEquation
  ? NormalizeParsed<Parsed, Shapes>
  : Parsed;

/**
 * The shape of `einsum(Equation, ...operands)` for operands of the given shapes, exactly as the run time computes
 * it: implicit or explicit output, `...` broadcasting, diagonals and traces, size-1 labels that broadcast, scalars,
 * zero sizes. An equation the run time refuses gives `never` (the call itself shows the message). A dimension typed
 * `number` stays `number`; an equation typed `string`, or an operand of unknown rank, gives `number[]`.
 *
 * @example
 * type S = EinsumShape<"bk,aki->bai", [[2, 3], [5, 3, 3]]>; //=> [2, 5, 3]
 * type Trace = EinsumShape<"ii", [[4, 4]]>; //=> []
 * type Batched = EinsumShape<"...ij,...jk", [[2, 1, 2, 3], [4, 3, 2]]>; //=> [2, 4, 2, 2]
 * type Unknown = EinsumShape<string, [[2, 3]]>; //=> number[]
 */
export type EinsumShape<Equation extends string, Shapes extends readonly (readonly number[])[]> =
  EinsumOutcome<Equation, Shapes> extends infer Outcome
    ? Outcome extends OpenOutput<infer Shape, string>
      ? Shape
      : Outcome extends readonly number[]
        ? Outcome
        : never
    : never;
