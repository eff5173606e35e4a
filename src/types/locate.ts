import type {
  WriteAtColumn,
  WriteDidYouMean,
  WriteRepeatedOutputLabel,
  WriteUnknownOutputLabel,
} from "../messages.js";
import type { StringLength } from "./length.js";

/**
 * A refusal of the equation at its column, as the run time writes it: the checks of the operand count and of the
 * output name the mistake, and this finds where it is in the equation, at the index the run time keeps in
 * `EinsumError.position` — the end of the inputs for the operand count, the output label for an unknown or repeated
 * one (its second appearance for a repeated one), the output's start for a missing `...`. Other messages already say
 * their column (the grammar's) or are about an operand, and pass unchanged. It runs on refusals only, so accepted
 * calls never pay for it.
 *
 * @example
 * type Located = Locate<"ij,jk->ii", "output label 'i' appears more than once">;
 * //=> "output label 'i' appears more than once, at column 9"
 */
export type Locate<Equation extends string, Message extends string> = Message extends unknown
  ? Message extends `the equation has ${number} input ${string}`
    ? WriteAtColumn<Message, StringLength<InputsOf<Equation>>>
    : Message extends `the ellipsis stands for ${string}`
      ? WriteAtColumn<Message, StringLength<`${InputsOf<Equation>}->`>>
      : Message extends WriteDidYouMean<WriteUnknownOutputLabel<infer Label>, infer Suggestion>
        ? WriteDidYouMean<WriteAtColumn<WriteUnknownOutputLabel<Label>, LabelIndex<Equation, Label, "">>, Suggestion>
        : Message extends WriteUnknownOutputLabel<infer Label>
          ? WriteAtColumn<Message, LabelIndex<Equation, Label, "">>
          : Message extends WriteRepeatedOutputLabel<infer Label>
            ? WriteAtColumn<Message, LabelIndex<Equation, Label, Label>>
            : Message
  : never;

/** The input side of an equation: the text before its first `->`, or all of it. */
type InputsOf<Equation extends string> = Equation extends `${infer Inputs}->${string}` ? Inputs : Equation;

/**
 * The index in the equation of a label of the output: its first appearance after `Skipped` (`""` for the first
 * appearance, the label itself for the second).
 */
type LabelIndex<Equation extends string, Label extends string, Skipped extends string> =
  Equation extends `${infer Inputs}->${infer Output}`
    ? Skipped extends ""
      ? Output extends `${infer Before}${Label}${string}`
        ? StringLength<`${Inputs}->${Before}`>
        : never
      : Output extends `${infer First}${Label}${infer Rest}`
        ? Rest extends `${infer Between}${Label}${string}`
          ? StringLength<`${Inputs}->${First}${Label}${Between}`>
          : never
        : never
    : never;
