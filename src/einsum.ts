import { einsumNeedsRecording, recordedEinsum } from "./autograd/einsum-recorded.js";
import type { EinsumOptions } from "./execute/arguments.js";
import type { TensorLike } from "./execute/operand.js";
import { runEinsum } from "./execute/run-einsum.js";
import type { SublistLabel } from "./parse/sublists.js";
import type { DTypeName } from "./tensor/dtype.js";
import type { Tensor } from "./tensor/tensor.js";
import type { EinsumOutcome, OutcomeShape } from "./types/einsum-shape.js";
import type { IsAny } from "./types/guards.js";
import type { IsSymbolicValue } from "./types/dimensions.js";
import type { DeclaredDTypes, EinsumArguments, ExpandUnions, OperandsOf, ResultDType, ShapesOf } from "./types/operands.js";
import type { OperandParameters } from "./types/operand-parameter.js";
import type { EquationParameter, RefusalsOf } from "./types/validate.js";

/** What may follow the first operand in NumPy's sublist form: sublists, more operands, a trailing options object. */
type SublistArguments = readonly (TensorLike | readonly SublistLabel[] | EinsumOptions)[];

/** The parameter types after the first argument: those of the equation forms, or of the sublist form. */
type ArgumentsAfter<First> = [First] extends [never] ? EinsumArguments : First extends string ? EinsumArguments : SublistArguments;

/** The first parameter: the equation, checked against the operands, or the sublist form's first operand. */
type CheckedFirst<First, Arguments extends readonly unknown[]> = IsAny<First> extends true
  ? First
  : First extends string
    ? EquationParameter<First, CallShapes<First, Arguments>, CallIsSymbolic<First, Arguments>>
    : First;

/**
 * The parameters after the first: in the equation forms, each operand as it is, or the run time's message when a
 * refusal blames it (see {@link OperandParameters}); the sublist form's arguments as they are.
 */
type CheckedRest<First, Arguments extends readonly unknown[]> = [First] extends [string]
  ? IsAny<First> extends true
    ? Arguments
    : RestFor<Arguments, CallRefusals<First, Arguments>>
  : Arguments;

/** The operands as they are when nothing is refused, else with the refusals placed on the operands at fault. */
type RestFor<Arguments extends readonly unknown[], Refusals> = [Refusals] extends [never]
  ? Arguments
  : OperandParameters<Arguments, Refusals & string>;

/** The run time's messages for the call, one per refused combination of union members. */
type CallRefusals<Equation extends string, Arguments extends readonly unknown[]> = RefusalsOf<
  EinsumOutcome<Equation, CallShapes<Equation, Arguments>, CallIsSymbolic<Equation, Arguments>>
>;

/**
 * The result: its exact shape and dtype in the equation forms, loosely typed in the sublist form. An equation typed
 * `any` or `never` gives `Tensor<number[], …>` with the operands' dtype.
 */
type EinsumResult<First, Arguments extends readonly unknown[]> = IsAny<First> extends true
  ? Tensor<number[], ResultDType<OperandsOf<Arguments>>>
  : [First] extends [never]
    ? Tensor<number[], ResultDType<OperandsOf<Arguments>>>
    : First extends string
      ? CallIsSymbolic<First, Arguments> extends true
        ? ResultTensor<EinsumOutcome<First, CallShapes<First, Arguments>, true>, ResultDType<OperandsOf<Arguments>, First, true>>
        : LiteralResultTensor<EinsumOutcome<First, CallShapes<First, Arguments>, false>, ResultDType<OperandsOf<Arguments>, First, false>>
      : Tensor<number[], DTypeName>;

/**
 * The operands' shapes, one list per combination of the members of operands typed by unions. Literal shapes are
 * expanded from the shapes (cheaper); shapes in generic code from the operands, since a conditional type on a
 * generic shape (`[...S, 3]`) would wait for `S`.
 */
type CallShapes<Equation extends string, Arguments extends readonly unknown[]> = CallIsSymbolic<Equation, Arguments> extends true
  ? ExpandUnions<OperandsOf<Arguments>> extends infer Lists extends readonly unknown[]
    ? ShapesOf<Lists>
    : never
  : ShapeLists<ShapesOf<OperandsOf<Arguments>>>;

/**
 * The lists a list of literal shapes stands for, one per combination of the members of shapes typed by unions (an
 * operand typed by a union has a union of shapes). Up to three operands in one step, more through
 * {@link ExpandUnions}.
 */
type ShapeLists<Shapes extends readonly (readonly number[])[]> = Shapes extends readonly [infer A extends readonly number[]]
  ? A extends unknown
    ? [A]
    : never
  : Shapes extends readonly [infer A extends readonly number[], infer B extends readonly number[]]
    ? A extends unknown
      ? B extends unknown
        ? [A, B]
        : never
      : never
    : Shapes extends readonly [infer A extends readonly number[], infer B extends readonly number[], infer C extends readonly number[]]
      ? A extends unknown
        ? B extends unknown
          ? C extends unknown
            ? [A, B, C]
            : never
          : never
        : never
      : ExpandUnions<Shapes> extends infer Lists extends readonly (readonly number[])[]
        ? Lists
        : never;

/**
 * Whether some dimension or dtype of the operands is symbolic (a type parameter or a brand), decided once per call
 * from the shapes before unions are expanded (the same dimensions), for the shapes, the check and the result.
 */
type CallIsSymbolic<Equation extends string, Arguments extends readonly unknown[]> = ShapesOf<OperandsOf<Arguments>> extends infer Shapes extends readonly (readonly number[])[]
  ? IsSymbolicValue<
      Equation,
      Shapes[number][number] | Shapes[number]["length"] | DeclaredDTypes<OperandsOf<Arguments>[number]>,
      number | DTypeName
    >
  : never;

/**
 * The result tensor of a call whose shapes and dtypes are all literal (or `number`): the outcome's shape as it is,
 * `number[]` for a refused call, whose error the call already shows. A union of outcomes gives a union of tensors.
 */
type LiteralResultTensor<Outcome, DType extends DTypeName> = Outcome extends {
  readonly shape: infer Shape extends readonly number[];
  readonly next: string;
}
  ? Tensor<Shape, DType>
  : Outcome extends readonly number[]
    ? Tensor<Outcome, DType>
    : Tensor<number[], DType>;

/**
 * The result tensor of a call in generic code, built from the outcome's evaluated shape and dtype, so that it is
 * the tensor type itself (`Tensor<[B, 5, 3], "float64">`), which other conditional types compare as it is, rather
 * than a reference that the compiler evaluates again for each comparison. A refused call's result is typed loosely.
 * A union of outcomes gives a union of tensors.
 */
type ResultTensor<Outcome, DType> = Outcome extends unknown
  ? { readonly dtype: DType } extends { readonly dtype: infer Kind extends DTypeName }
    ? Outcome extends { readonly failure: string }
      ? Tensor<number[], Kind>
      : { readonly shape: OutcomeShape<Outcome> } extends { readonly shape: infer Shape extends readonly number[] }
        ? Tensor<Shape, Kind>
        : never
    : never
  : never;

/**
 * Einstein summation with NumPy's semantics: `einsum(equation, ...operands)`, `einsum(equation, operands)` (the
 * operand-list form), or NumPy's sublist form `einsum(a, [0, 1], b, [1, 2], [0, 2])`, each with an optional
 * trailing options object.
 *
 * In the equation forms the compiler parses the equation: the result has its exact shape and dtype, and a call the
 * run time would refuse is a type error in the run time's words, on the operand at fault for a size or a rank that
 * does not fit, and on the equation otherwise.
 *
 * @example
 * const a = arange(6).reshape([2, 3]);
 * einsum("ij->ji", a); //=> Tensor<[3, 2], "int32">
 * einsum("ij->ji", a).toArray(); //=> [[0, 3], [1, 4], [2, 5]]
 * einsum("ik,kj->ij", [a, arange(15).reshape([3, 5])]).toArray(); //=> [[25, 28, 31, 34, 37], [70, 82, 94, 106, 118]]
 * // @ts-expect-error label 'j' has size 3 in operand 0 but 4 in operand 1
 * einsum("ij,jk->ik", a, zeros([4, 5]));
 * einsum(a, [0, 1], [1, 0]).shape; //=> [3, 2]
 */
export function einsum<const First extends string | TensorLike, const Arguments extends ArgumentsAfter<First>>(
  first: CheckedFirst<First, Arguments>,
  ...rest: CheckedRest<First, Arguments>
): EinsumResult<First, Arguments>;
export function einsum(...args: unknown[]): Tensor<number[], DTypeName> {
  return einsumNeedsRecording(args) ? recordedEinsum(args) : runEinsum(args);
}
