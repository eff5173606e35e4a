import type { EinsumOptions } from "../execute/arguments.js";
import type { TensorLike } from "../execute/operand.js";
import type { DTypeName } from "../tensor/dtype.js";
import type { DimensionsAgree, IsAssignableDimension, IsSymbolicValue } from "./dimensions.js";
import type { Successors } from "./length.js";

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
 * object is not an operand, and a single list is the operand list. Arguments that are all tensors (the common call)
 * are the operands as they are, found with one test.
 *
 * @example
 * type Operands = OperandsOf<[[A, B], { optimize: false }]>; //=> [A, B]
 */
export type OperandsOf<Arguments extends readonly unknown[]> = [Arguments[number]] extends [{ readonly shape: unknown }]
  ? Arguments
  : Arguments extends readonly [...infer Operands extends readonly unknown[], infer Last]
    ? [Last] extends [{ readonly shape: unknown }]
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
export type ShapeOf<Operand> = 0 extends 1 & Operand
  ? number[]
  : [Operand] extends [never]
    ? number[]
    : Operand extends { readonly shape: infer Shape extends readonly number[] }
      ? Shape
      : number[];

/**
 * The operand lists a list of operands stands for: one per member of each operand typed by a union
 * (`Tensor<[3, 4]> | Tensor<[5, 4]>`), so that each member is checked on its own. A list of unknown length stays as
 * it is.
 *
 * @example
 * type Lists = ExpandUnions<[A, B | C]>; //=> [A, B] | [A, C]
 */
export type ExpandUnions<Operands extends readonly unknown[]> = Operands extends readonly [infer First]
  ? Each<First> extends infer A
    ? A extends [infer OnlyOperand]
      ? [OnlyOperand]
      : never
    : never
  : Operands extends readonly [infer First, infer Second]
    ? Each<First> extends infer A
      ? A extends [infer FirstOperand]
        ? Each<Second> extends infer B
          ? B extends [infer SecondOperand]
            ? [FirstOperand, SecondOperand]
            : never
          : never
        : never
      : never
    : number extends Operands["length"]
      ? Operands
      : ExpandRest<Operands, 0, []>;

/** An operand as the members to expand: itself, or each member of a union; an operand typed `never` stays one. */
type Each<Operand> = [Operand] extends [never] ? [never] : Operand extends unknown ? [Operand] : never;

/** The lists for three operands or more, one operand at a time. */
type ExpandRest<Operands extends readonly unknown[], Index extends number, Done extends unknown[]> = Index extends Operands["length"]
  ? Done
  : ExpandRest<Operands, Successors[Index], Each<Operands[Index]> extends infer Member ? (Member extends [infer Operand] ? [...Done, Operand] : never) : never>;

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
 * The dtype of an operand: a tensor's `dtype` (which may be a type parameter), else read from its data like the run
 * time's `dtypeOfData` (plain numbers are float64). Data of unknown kind may be any dtype.
 *
 * @example
 * type DType = DTypeOf<{ shape: [2]; data: Int32Array }>; //=> "int32"
 */
export type DTypeOf<Operand> = 0 extends 1 & Operand
  ? DTypeName
  : [Operand] extends [never]
    ? DTypeName
    : Operand extends { readonly dtype: infer DType extends DTypeName }
      ? DType
      : Operand extends { readonly data: infer Data }
        ? DTypeOfData<Data>
        : DTypeName;

/**
 * The dtypes that a union of operands declares in their `dtype` properties, as they are written: a type parameter
 * stays itself. Operands typed `any` declare every dtype; operands without a `dtype` declare none.
 *
 * @example
 * type Declared = DeclaredDTypes<Tensor<[2], "int32"> | Tensor<[3], "float32">>; //=> "int32" | "float32"
 */
export type DeclaredDTypes<Operands> = 0 extends 1 & Operands ? DTypeName : DeclaredDType<Operands>;

type DeclaredDType<Operand> = Operand extends { readonly dtype: infer DType } ? DType : never;

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
 * The dtype of an einsum result: the operands' dtypes promoted together (operands of one floating dtype give it at
 * once). A dtype that is a type parameter is kept where the promotion is decidable for every dtype it may be (with
 * itself, with int32, against float64), and otherwise the result is the union of the two (the promotion is always
 * one of them). `Deferral` is the equation, which the decisions about type parameters wait for (see
 * `dimensions.ts`), and `Symbolic` says whether some dtype may be a type parameter (literal dtypes take the short
 * way).
 *
 * @example
 * type DType = ResultDType<[Tensor<[3], "int32">, Tensor<[3], "float32">]>; //=> "float32"
 */
export type ResultDType<
  Operands extends readonly unknown[],
  Deferral extends string = "",
  Symbolic extends boolean = false,
> = Symbolic extends true
  ? Operands extends readonly [infer First, ...infer Rest]
    ? PromoteRest<Rest, DTypeOf<First>, Deferral>
    : Operands extends readonly []
      ? "float64"
      : DTypeOf<Operands[number]>
  : number extends Operands["length"]
    ? DTypeOf<Operands[number]>
    : Operands extends readonly []
      ? "float64"
      : [Operands[number]] extends [{ readonly dtype: "float64" }]
        ? [Operands[number]] extends [never]
          ? DTypeName
          : 0 extends 1 & Operands[number]
            ? DTypeName
            : "float64"
        : [Operands[number]] extends [{ readonly dtype: "float32" }]
          ? "float32"
          : PromoteLiteral<Operands, 1, DTypeOf<Operands[0]>>;

/** Promotes the dtypes of the operands from `Index` on into `DType`, reading them by index. */
type PromoteLiteral<Operands extends readonly unknown[], Index extends number, DType extends DTypeName> = Index extends Operands["length"]
  ? DType
  : PromoteLiteral<Operands, Successors[Index], PromoteTypes<DType, DTypeOf<Operands[Index]>>>;

type PromoteRest<Operands extends readonly unknown[], DType extends DTypeName, Deferral extends string> = Operands extends readonly [
  infer First,
  ...infer Rest,
]
  ? PromoteRest<Rest, PromoteFor<Deferral, DType, DTypeOf<First>>, Deferral>
  : DType;

/** {@link PromoteTypes} for literal dtypes; for a type parameter, the decidable cases. */
type PromoteFor<Deferral extends string, Left extends DTypeName, Right extends DTypeName> =
  IsSymbolicValue<Deferral, Left | Right, DTypeName> extends true ? PromoteSymbolic<Deferral, Left, Right> : PromoteTypes<Left, Right>;

type PromoteSymbolic<Deferral extends string, Left extends DTypeName, Right extends DTypeName> =
  IsAssignableDimension<Deferral, Left, "float64"> extends true
    ? "float64"
    : IsAssignableDimension<Deferral, Right, "float64"> extends true
      ? "float64"
      : DimensionsAgree<Deferral, Left, Right> extends true
        ? Left
        : IsAssignableDimension<Deferral, Left, "int32"> extends true
          ? Right
          : IsAssignableDimension<Deferral, Right, "int32"> extends true
            ? Left
            : Left | Right;
