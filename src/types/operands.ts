import type { EinsumOptions } from "../execute/arguments.js";
import type { TensorLike } from "../execute/operand.js";
import type { DTypeName } from "../tensor/dtype.js";
import type { IsAny, IsNever } from "./guards.js";

/**
 * What may follow the equation in a call: the operands, or one list of them (the operand-list form), either one
 * with a trailing options object.
 *
 * @example
 * const variadic: EinsumArguments = [a, b, { optimize: "greedy" }];
 * const listed: EinsumArguments = [[a, b]];
 */
export type EinsumArguments =
  | readonly TensorLike[]
  | readonly [...operands: TensorLike[], options: EinsumOptions]
  | readonly [operands: readonly TensorLike[], options?: EinsumOptions];

/**
 * The operands among a call's arguments, read the way the run time's `readArguments` reads them: a trailing options
 * object is not an operand, and a single list is the operand list.
 *
 * @example
 * type Operands = OperandsOf<[[A, B], { optimize: false }]>; //=> [A, B]
 */
export type OperandsOf<Arguments extends readonly unknown[]> = Arguments extends readonly [
  ...infer Operands extends readonly unknown[],
  infer Last,
]
  ? [Last] extends [TensorLike]
    ? Arguments
    : [Last] extends [readonly unknown[]]
      ? Operands extends readonly [] ? Last : Arguments
      : Operands extends readonly [infer List extends readonly unknown[]]
        ? List
        : Operands
  : Arguments;

/**
 * An operand's shape type, `number[]` when it has none the compiler can read (also for `any` and `never`).
 *
 * @example
 * type Shape = ShapeOf<Tensor<[2, 3]>>; //=> [2, 3]
 */
export type ShapeOf<Operand> = IsAny<Operand> extends true
  ? number[]
  : IsNever<Operand> extends true
    ? number[]
    : Operand extends { readonly shape: infer Shape extends readonly number[] }
      ? Shape
      : number[];

/**
 * The shape types of a list of operands.
 *
 * @example
 * type Shapes = ShapesOf<[Tensor<[2, 3]>, Tensor<[3]>]>; //=> [[2, 3], [3]]
 */
export type ShapesOf<Operands extends readonly unknown[]> = {
  [Index in keyof Operands]: ShapeOf<Operands[Index]>;
};

/**
 * The dtype of an operand, read from its data like the run time's `dtypeOfData` (plain numbers are float64).
 * Data of unknown kind may be any dtype.
 *
 * @example
 * type DType = DTypeOf<{ shape: [2]; data: Int32Array }>; //=> "int32"
 */
export type DTypeOf<Operand> = IsAny<Operand> extends true
  ? DTypeName
  : IsNever<Operand> extends true
    ? DTypeName
    : Operand extends { readonly data: infer Data }
      ? DTypeOfData<Data>
      : DTypeName;

type DTypeOfData<Data> = Data extends Float64Array
  ? "float64"
  : Data extends Float32Array
    ? "float32"
    : Data extends Int32Array
      ? "int32"
      : Data extends readonly number[]
        ? "float64"
        : DTypeName;

/**
 * The type-level twin of `promoteTypes`, one pair at a time (a union of dtypes gives the union of the results).
 *
 * @example
 * type DType = PromoteTypes<"int32", "float32">; //=> "float32"
 */
export type PromoteTypes<Left extends DTypeName, Right extends DTypeName> = Left extends "float64"
  ? "float64"
  : Right extends "float64"
    ? "float64"
    : Left extends "float32"
      ? "float32"
      : Right extends "float32"
        ? "float32"
        : "int32";

/**
 * The dtype of an einsum result: the operands' dtypes promoted together.
 *
 * @example
 * type DType = ResultDType<[Tensor<[3], "int32">, Tensor<[3], "float32">]>; //=> "float32"
 */
export type ResultDType<Operands extends readonly unknown[]> = Operands extends readonly [infer First, ...infer Rest]
  ? PromoteRest<Rest, DTypeOf<First>>
  : Operands extends readonly []
    ? "float64"
    : DTypeOf<Operands[number]>;

type PromoteRest<Operands extends readonly unknown[], DType extends DTypeName> = Operands extends readonly [
  infer First,
  ...infer Rest,
]
  ? PromoteRest<Rest, PromoteTypes<DType, DTypeOf<First>>>
  : DType;
