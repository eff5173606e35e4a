import type { DTypeName } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";
import type { Failure } from "../types/failure.js";
import type { BroadcastShapes } from "./broadcast-shapes.js";
import type { BinaryDType, FloatDType, OperandShape } from "./dtypes.js";

/**
 * The type of a binary op's second parameter: the operand itself when the two shapes broadcast, and otherwise the
 * run time's message, so that the mistake is a type error on that argument.
 *
 * @example
 * type Refused = CheckBroadcast<Tensor<[2, 3]>, Tensor<[4]>>;
 * //=> "shapes [2, 3] and [4] do not broadcast: dimension -1 is 3 in the first and 4 in the second"
 */
export type CheckBroadcast<Left, Right> =
  BroadcastShapes<OperandShape<Left>, OperandShape<Right>> extends Failure<infer Message> ? Message : Right;

/**
 * The result of `add`, `sub` and `mul`: the broadcast shape and the promoted dtype.
 *
 * @example
 * type R = BinaryResult<Tensor<[2, 5, 3]>, Tensor<[5, 3]>>; //=> Tensor<[2, 5, 3], "float64">
 */
export type BinaryResult<Left, Right> = Tensor<BinaryShape<Left, Right>, BinaryDType<Left, Right>>;

/**
 * The result of `div`: like {@link BinaryResult}, in a float dtype.
 *
 * @example
 * type R = DivResult<Tensor<[2], "int32">, Tensor<[2], "int32">>; //=> Tensor<[2], "float32">
 */
export type DivResult<Left, Right> = Tensor<BinaryShape<Left, Right>, FloatDType<BinaryDType<Left, Right> & DTypeName>>;

/**
 * The shape of a binary op's result: the operands' broadcast shape (`number[]` in place of a refusal, which shows
 * on the argument).
 *
 * @example
 * type S = BinaryShape<Tensor<[2, 5, 3]>, 2>; //=> [2, 5, 3]
 */
export type BinaryShape<Left, Right> =
  BroadcastShapes<OperandShape<Left>, OperandShape<Right>> extends infer Shape extends number[] ? Shape : number[];
