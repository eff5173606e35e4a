import type { WriteDiagonalSizeMismatch, WriteEllipsisBroadcast, WriteSizeMismatch } from "../messages.js";
import type { Refusal } from "./validate.js";

/**
 * The operand a refusal blames, as the run time's message names it: the later operand of a pair whose sizes
 * disagree (a label's size, the ellipsis dimensions), the operand whose rank does not fit its term, the operand
 * whose repeated label has unequal sizes. `never` for the refusals of the equation itself: its grammar, its output,
 * its term count.
 *
 * @example
 * type Blamed = OperandAtFault<"label 'j' has size 3 in operand 0 but 4 in operand 1">; //=> 1
 * type Equation = OperandAtFault<"output label 'i' appears more than once">; //=> never
 */
export type OperandAtFault<Message extends string> =
  Message extends WriteSizeMismatch<string, number, string, infer Operand extends number, string>
    ? Operand
    : Message extends `operand ${infer Operand extends number} has rank ${string}`
      ? Operand
      : Message extends WriteDiagonalSizeMismatch<string, infer Operand extends number, string, string>
        ? Operand
        : Message extends WriteEllipsisBroadcast<number, string, infer Operand extends number, string>
          ? Operand
          : never;

/**
 * The refusals that an operand carries (`never` for the equation's own refusals), keyed by the operand's index as
 * a string, the way a tuple's keys are written.
 *
 * @example
 * type Placed = RefusalsAt<"label 'j' has size 3 in operand 0 but 4 in operand 1", "1">;
 * //=> "label 'j' has size 3 in operand 0 but 4 in operand 1"
 */
export type RefusalsAt<Refusals extends string, Index> = Refusals extends unknown
  ? [OperandAtFault<Refusals>] extends [never]
    ? never
    : `${OperandAtFault<Refusals>}` extends Index
      ? Refusals
      : never
  : never;

/**
 * The refusals that stay on the equation: those that blame no operand.
 *
 * @example
 * type Kept = EquationRefusals<"output label 'i' appears more than once">; //=> "output label 'i' appears more than once"
 */
export type EquationRefusals<Refusals extends string> = Refusals extends unknown
  ? [OperandAtFault<Refusals>] extends [never]
    ? Refusals
    : never
  : never;

/**
 * The types of einsum's parameters after the equation: each argument as it is, except an operand that a refusal
 * blames, whose parameter type is then the run time's message (marked as a `Refusal`), so that the compiler reports
 * the error on that argument: `Argument of type 'Tensor<[4, 5], "float64">' is not assignable to parameter of type
 * '"label 'j' has size 3 in operand 0 but 4 in operand 1" & Refusal'`. In the operand-list form the list's elements are checked the same
 * way. A trailing options object is never blamed. Each argument reaches its parameter type through a branch of a
 * conditional type, so the compiler still infers the arguments from the call. `Shapes` says the operands are
 * planned shapes (`contractExpression`'s), not tensors: see {@link ShapeParameters}.
 *
 * @example
 * type Parameters = OperandParameters<[Tensor<[2, 3]>, Tensor<[4, 5]>], "label 'j' has size 3 in operand 0 but 4 in operand 1">;
 * //=> [Tensor<[2, 3]>, "label 'j' has size 3 in operand 0 but 4 in operand 1" & Refusal]
 */
export type OperandParameters<Arguments extends readonly unknown[], Refusals extends string, Shapes extends boolean = false> = {
  [Index in keyof Arguments]: ArgumentParameter<Arguments[Index], Index, Refusals, Shapes>;
};

/**
 * {@link OperandParameters} for `contractExpression`, whose operands are planned shapes: each shape as it is, or
 * the run time's message when a refusal blames that operand.
 *
 * @example
 * type Parameters = ShapeParameters<[[2, 3], [4, 5]], "label 'j' has size 3 in operand 0 but 4 in operand 1">;
 * //=> [[2, 3], "label 'j' has size 3 in operand 0 but 4 in operand 1"]
 */
export type ShapeParameters<Arguments extends readonly unknown[], Refusals extends string> = OperandParameters<Arguments, Refusals, true>;

/**
 * One argument's parameter type: an operand's (a tensor, or a shape when `Shapes`), or, for the operand list, a
 * tuple of them. Any other argument (the options) stays as it is. A union is tested as a whole, so that any refused
 * member refuses.
 */
type ArgumentParameter<Argument, Index, Refusals extends string, Shapes extends boolean> = [Argument] extends [readonly unknown[]]
  ? Shapes extends true
    ? OperandParameter<Argument, Index, Refusals, unknown>
    : { [Inner in keyof Argument]: OperandParameter<Argument[Inner], Inner, Refusals, Refusal> }
  : [Argument] extends [{ readonly shape: unknown }]
    ? OperandParameter<Argument, Index, Refusals, Refusal>
    : Argument;

/**
 * An operand's parameter type: the operand itself, or the refusals that blame it, with the `Mark`. A tensor's
 * message is marked as a {@link Refusal}, so that the editor never offers it as a completion where the operand is
 * typed; a shape's is not, since a marked message would be checked against each number of the shape's array.
 */
type OperandParameter<Operand, Index, Refusals extends string, Mark> = RefusalsAt<Refusals, Index> extends infer Placed
  ? [Placed] extends [never]
    ? Operand
    : Placed & Mark
  : never;

