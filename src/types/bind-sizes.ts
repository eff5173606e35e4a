import type { WriteDiagonalSizeMismatch, WriteSizeMismatch } from "../messages.js";
import type { RankedOperand } from "./check-rank.js";
import type { Failure } from "./failure.js";
import type { StringLength, Successors } from "./length.js";

/**
 * Every label's size, as {@link BindSizes} leaves them.
 *
 * - `sized`: each label with a literal size other than 1, mapped to `[size, operand]` where the size was first
 *   seen. The run time keeps the same pair: a size of 1 gives way to the first larger one, and after that the pair
 *   never changes, so only these pairs can appear in a message.
 * - `unknown`: the labels seen with a size typed `number`.
 * - `seen`: every label; `repeated`: the labels that appear more than once, counting repeats inside one term.
 *
 * A label in neither `sized` nor `unknown` has size 1.
 *
 * @example
 * type Bound = BindSizes<[{ labels: "ij"; sizes: [2, 1]; ellipsis: [] }, { labels: "j"; sizes: [3]; ellipsis: [] }]>;
 * //=> { sized: { i: [2, 0] } & { j: [3, 1] }; unknown: never; seen: "i" | "j"; repeated: "j" }
 */
export interface Bindings {
  readonly sized: object;
  readonly unknown: string;
  readonly seen: string;
  readonly repeated: string;
}

/**
 * The type-level twin of `bindSizes`: gives every label its size. A label repeated inside one operand needs equal
 * sizes there, and across operands a size of 1 broadcasts against a larger one. Gives the {@link Bindings}, or the
 * `Failure` with the run time's message for the first label that does not agree. A size typed `number` never fails.
 *
 * @example
 * type Refused = BindSizes<[{ labels: "ij"; sizes: [2, 3]; ellipsis: [] }, { labels: "jk"; sizes: [4, 5]; ellipsis: [] }]>;
 * //=> Failure<"label 'j' has size 3 in operand 0 but 4 in operand 1">
 */
export type BindSizes<Operands extends readonly RankedOperand[]> = Operands extends readonly []
  ? { sized: {}; unknown: never; seen: never; repeated: never }
  : BindLabels<Operands, Operands[0], Operands[0]["labels"], 0, 0, never, {}, never, never, never>;

/**
 * Binds the operands' labels in order, one operand's labels and sizes side by side (`Index` is the dimension of the
 * next label), then the next operand's. `OperandIndex` is the operand's index; `InTerm` holds the labels this operand has
 * shown so far. The common cases are written out in this one type, because each extra step per label
 * costs the compiler instantiations.
 */
type BindLabels<
  Operands extends readonly RankedOperand[],
  Operand extends RankedOperand,
  Labels extends string,
  Index extends number,
  OperandIndex extends number,
  InTerm extends string,
  Sized extends object,
  Unknown extends string,
  Seen extends string,
  Repeated extends string,
> = Labels extends `${infer Label}${infer Labels}`
  ? Operand["sizes"][Index] extends infer Size extends number
    ? Label extends InTerm
      ? CheckDiagonal<Label, OperandIndex, SizeInTerm<Operand, Label>, Size> extends infer Mismatch extends Failure
        ? Mismatch
        : Label extends keyof Sized
          ? BindLabels<Operands, Operand, Labels, Successors[Index], OperandIndex, InTerm, Sized, Unknown, Seen, Repeated | Label>
          : BindLabels<Operands, Operand, Labels, Successors[Index], OperandIndex, InTerm, BindNew<Sized, Label, Size, OperandIndex>, NumberTyped<Unknown, Label, Size>, Seen, Repeated | Label>
      : Label extends keyof Sized
        ? number extends Size
          ? BindLabels<Operands, Operand, Labels, Successors[Index], OperandIndex, InTerm | Label, Sized, Unknown, Seen, Repeated | Label>
          : Sized[Label] extends readonly [infer Bound extends number, infer Giver extends number]
            ? Size extends Bound | 1
              ? BindLabels<Operands, Operand, Labels, Successors[Index], OperandIndex, InTerm | Label, Sized, Unknown, Seen, Repeated | Label>
              : Failure<WriteSizeMismatch<Label, Giver, Bound, OperandIndex, Size>>
            : never
        : Label extends Seen
          ? BindLabels<Operands, Operand, Labels, Successors[Index], OperandIndex, InTerm | Label, BindNew<Sized, Label, Size, OperandIndex>, NumberTyped<Unknown, Label, Size>, Seen, Repeated | Label>
          : BindLabels<Operands, Operand, Labels, Successors[Index], OperandIndex, InTerm | Label, BindNew<Sized, Label, Size, OperandIndex>, NumberTyped<Unknown, Label, Size>, Seen | Label, Repeated>
    : never
  : Successors[OperandIndex] extends Operands["length"]
    ? { sized: Sized; unknown: Unknown; seen: Seen; repeated: Repeated }
    : BindLabels<Operands, Operands[Successors[OperandIndex]], Operands[Successors[OperandIndex]]["labels"], 0, Successors[OperandIndex], never, Sized, Unknown, Seen, Repeated>;

/** A label with no literal size yet takes this one, unless it is 1 or `number`. */
type BindNew<Sized extends object, Label extends string, Size extends number, Operand extends number> = number extends Size
  ? Sized
  : Size extends 1
    ? Sized
    : Sized & { [Key in Label]: [Size, Operand] };

/** Labels seen with a size typed `number`. */
type NumberTyped<Unknown extends string, Label extends string, Size extends number> = number extends Size ? Unknown | Label : Unknown;

/** A label repeated inside one operand needs equal sizes there. */
type CheckDiagonal<Label extends string, Operand extends number, Earlier extends number, Size extends number> =
  number extends Earlier | Size ? true : Size extends Earlier ? true : Failure<WriteDiagonalSizeMismatch<Label, Operand, Earlier, Size>>;

/** The size of a label's first dimension in one operand. */
type SizeInTerm<Operand extends RankedOperand, Label extends string> = Operand["labels"] extends `${infer Before}${Label}${string}`
  ? Operand["sizes"][StringLength<Before>]
  : never;

/**
 * A label's size once every operand is bound.
 *
 * @example
 * type Size = LabelSize<{ sized: { j: [3, 1] }; unknown: never; seen: "i" | "j"; repeated: "j" }, "i">; //=> 1
 */
export type LabelSize<Bound extends Bindings, Label extends string> = Label extends keyof Bound["sized"]
  ? Bound["sized"][Label] extends readonly [number, number]
    ? Bound["sized"][Label][0]
    : never
  : Label extends Bound["unknown"]
    ? number
    : 1;
