import type { WriteDiagonalSizeMismatch, WriteSizeMismatch } from "../messages.js";
import type { Label as LabelCharacter } from "./characters.js";
import type { Failure } from "./failure.js";
import type { StringLength, Successors } from "./length.js";

/**
 * Every label's size, as {@link BindSizes} leaves them.
 *
 * - `sizes`: one entry per label after a leading `;`: `label=size@operand;` for a literal size and the operand where
 *   it was first seen, `label=?;` for a size typed `number`. The run time keeps the same pair: a size of 1 gives way
 *   to the first larger one (or to `number`), and after that the pair never changes, so only pairs of a size other
 *   than 1 can appear in a message. A string is read with one pattern however many labels it holds, where an
 *   object type would be rebuilt for every label.
 * - `seen`: every label.
 *
 * @example
 * type Bound = BindSizes<["ij", "j"], [[2, 1], [3]]>;
 * //=> { sizes: ";i=2@0;j=3@1;"; seen: "i" | "j" }
 */
export interface Bindings {
  readonly sizes: string;
  readonly seen: string;
}

/**
 * The type-level twin of `bindSizes`: gives every label its size, from each operand's labels (a string of letters)
 * and sizes side by side. A label repeated inside one operand needs equal sizes there, and across operands a size
 * of 1 broadcasts against a larger one. Gives the {@link Bindings}, or the `Failure` with the run time's message for
 * the first label that does not agree. A size typed `number` never fails. An operand whose sizes do not match its
 * labels one to one gives a `Failure` too (the rank check, which runs first, words that one).
 *
 * @example
 * type Refused = BindSizes<["ij", "jk"], [[2, 3], [4, 5]]>;
 * //=> Failure<"label 'j' has size 3 in operand 0 but 4 in operand 1">
 */
export type BindSizes<Labels extends readonly string[], Shapes extends readonly (readonly number[])[]> = Labels extends readonly []
  ? { sizes: ";"; seen: never }
  : BindLabels<Labels, Shapes, Labels[0], Shapes[0], 0, 0, ";", never>;

/**
 * Binds the operands' labels in order, one operand's labels and sizes side by side (`Index` is the dimension of the
 * next label), then the next operand's. `OperandIndex` is the operand's index. The common cases come first and are
 * written out in this one type, because each extra step per label costs the compiler instantiations: a label not
 * seen before, then a label bound to a literal size. A label seen before is a diagonal when its first dimension in
 * this operand comes earlier. A label is checked to be a letter when first seen, for terms split without a scan
 * (see `SplitLabelTerms`).
 */
type BindLabels<
  LabelLists extends readonly string[],
  Shapes extends readonly (readonly number[])[],
  Labels extends string,
  Shape extends readonly number[],
  Index extends number,
  OperandIndex extends number,
  Sizes extends string,
  Seen extends string,
> = Labels extends `${infer Label}${infer Labels}`
  ? Shape[Index] extends infer Size extends number
    ? Label extends Seen
      ? (LabelLists[OperandIndex] extends `${string}${Label}${string}${Label}${string}` ? FirstIndexInTerm<LabelLists[OperandIndex], Label> : Index) extends Index
        ? Sizes extends `${string};${Label}=${infer Bound extends number}@${string}`
          ? Size extends Bound | 1
            ? BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, Sizes, Seen>
            : Bound extends 1
              ? BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, Rebound<Sizes, Label, Size, OperandIndex>, Seen>
              : number extends Size
                ? BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, Sizes, Seen>
                : Sizes extends `${string};${Label}=${Bound}@${infer Giver extends number};${string}`
                  ? Failure<WriteSizeMismatch<Label, Giver, Bound, OperandIndex, Size>>
                  : never
          : BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, Rebound<Sizes, Label, Size, OperandIndex>, Seen>
        : CheckDiagonal<Label, OperandIndex, Shape[FirstIndexInTerm<LabelLists[OperandIndex], Label>], Size> extends infer Mismatch extends Failure
          ? Mismatch
          : BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, Rebound<Sizes, Label, Size, OperandIndex>, Seen>
      : Label extends LabelCharacter
        ? number extends Size
          ? BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, `${Sizes}${Label}=?;`, Seen | Label>
          : BindLabels<LabelLists, Shapes, Labels, Shape, Successors[Index], OperandIndex, `${Sizes}${Label}=${Size}@${OperandIndex};`, Seen | Label>
        : Failure<"not a label">
    : Failure<"more labels than dimensions">
  : Index extends Shape["length"]
    ? Successors[OperandIndex] extends LabelLists["length"]
      ? { sizes: Sizes; seen: Seen }
      : BindLabels<LabelLists, Shapes, LabelLists[Successors[OperandIndex]], Shapes[Successors[OperandIndex]], 0, Successors[OperandIndex], Sizes, Seen>
    : Failure<"more dimensions than labels">;

/** The dimension of a label's first appearance in an operand's term. */
type FirstIndexInTerm<Labels extends string, Label extends string> = Labels extends `${infer Before}${Label}${string}`
  ? StringLength<Before>
  : never;

/**
 * The entries after a label that has no literal size yet shows another size: a literal size other than 1 binds it,
 * `number` makes a size of 1 unknown, and 1 changes nothing. A label already bound keeps its entry.
 */
type Rebound<Sizes extends string, Label extends string, Size extends number, Operand extends number> =
  Sizes extends `${infer Before};${Label}=${infer Entry};${infer After}`
    ? Entry extends `1@${string}` | "?"
      ? number extends Size
        ? `${Before};${Label}=?;${After}`
        : Size extends 1
          ? Sizes
          : `${Before};${Label}=${Size}@${Operand};${After}`
      : Sizes
    : Sizes;

/** A label repeated inside one operand needs equal sizes there. */
type CheckDiagonal<Label extends string, Operand extends number, Earlier extends number, Size extends number> =
  number extends Earlier | Size ? true : Size extends Earlier ? true : Failure<WriteDiagonalSizeMismatch<Label, Operand, Earlier, Size>>;

/**
 * A label's size once every operand is bound.
 *
 * @example
 * type Size = LabelSize<{ sizes: ";i=1@0;j=3@1;"; seen: "i" | "j" }, "i">; //=> 1
 */
export type LabelSize<Bound extends Bindings, Label extends string> =
  Bound["sizes"] extends `${string};${Label}=${infer Entry};${string}`
    ? Entry extends `${infer Size extends number}@${string}`
      ? Size
      : Entry extends "?"
        ? number
        : 1
    : 1;
