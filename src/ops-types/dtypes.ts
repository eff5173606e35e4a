import type { DTypeName, PromoteAll } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";

/**
 * The dtype of a transcendental op's result (`exp`, `log`, `tanh`, `sigmoid`, `softmax`, `mean`, `div`): a float
 * dtype stays, int32 becomes float32, as in PyTorch.
 *
 * @example
 * type F = FloatDType<"int32">; //=> "float32"
 */
export type FloatDType<DType extends DTypeName> = DType extends "int32" ? "float32" : DType;

/**
 * What the binary ops take on either side: a tensor, or a plain number (a scalar that broadcasts everywhere).
 *
 * @example
 * const scale: BinaryOperand = 2;
 */
export type BinaryOperand = Tensor<readonly number[], DTypeName> | number;

/**
 * The shape of a binary op's operand: a tensor's own, `[]` for a number.
 *
 * @example
 * type S = OperandShape<Tensor<[2, 3]>>; //=> [2, 3]
 */
export type OperandShape<Operand> = Operand extends Tensor<infer Shape extends readonly number[], DTypeName> ? Shape : [];

type OperandDType<Operand> = Operand extends { readonly dtype: infer DType extends DTypeName } ? DType : never;

/**
 * The dtype of `add`, `sub` and `mul`: PyTorch's promotion between tensors; a number does not promote a float
 * tensor, and turns an int32 one into float32 unless it is a whole number.
 *
 * @example
 * type D = BinaryDType<Tensor<[2], "int32">, 0.5>; //=> "float32"
 */
export type BinaryDType<Left, Right> = [Left, Right] extends [number, number]
  ? "float64"
  : Left extends number
    ? ScalarDType<OperandDType<Right>, Left>
    : Right extends number
      ? ScalarDType<OperandDType<Left>, Right>
      : PromoteAll<[OperandDType<Left>, OperandDType<Right>]>;

type ScalarDType<DType extends DTypeName, Scalar extends number> = DType extends "int32"
  ? `${Scalar}` extends `${bigint}`
    ? "int32"
    : "float32"
  : DType;
