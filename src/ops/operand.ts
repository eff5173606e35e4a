import { EinsumError } from "../einsum-error.js";
import { toOperand } from "../execute/operand.js";
import { writeInvalidOperand } from "../messages.js";
import { promoteTypes, type DataArray, type DataArrayOf, type DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";

/** An op's operand as the loops read it: shape, data and dtype, and the tensor it came from (for the graph). */
export interface OpInput {
  readonly shape: readonly number[];
  readonly data: DataArray;
  readonly dtype: DTypeName;
  readonly scalar: boolean;
  readonly source: unknown;
}

/**
 * Reads an op's operand: a tensor (or `{ shape, data }`), or a plain number as a scalar. Anything else is
 * refused with `INVALID_OPERAND`.
 *
 * @example
 * opInput(2, 1).shape; //=> []
 */
export function opInput(value: unknown, position: number): OpInput {
  if (typeof value === "number") {
    return { shape: [], data: Float64Array.of(value), dtype: "float64", scalar: true, source: value };
  }
  if (typeof value !== "object" || value === null) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(position));
  const operand = toOperand(value, position);
  return { ...operand, scalar: false, source: value };
}

/**
 * The dtype of a binary op's result: PyTorch's promotion between tensors; a number does not promote a float tensor
 * and turns an int32 one into float32 unless it is a whole number.
 *
 * @example
 * binaryDType(opInput(tensor([1], [1], "int32"), 0), opInput(0.5, 1)); //=> "float32"
 */
export function binaryDType(left: OpInput, right: OpInput): DTypeName {
  if (left.scalar && right.scalar) return "float64";
  if (left.scalar) return scalarDType(right.dtype, left.data[0]!);
  if (right.scalar) return scalarDType(left.dtype, right.data[0]!);
  return promoteTypes(left.dtype, right.dtype);
}

function scalarDType(dtype: DTypeName, scalar: number): DTypeName {
  return dtype === "int32" && !Number.isInteger(scalar) ? "float32" : dtype;
}

/**
 * The float dtype a transcendental op computes in: a float dtype stays, int32 becomes float32.
 *
 * @example
 * floatDType("int32"); //=> "float32"
 */
export function floatDType(dtype: DTypeName): "float64" | "float32" {
  return dtype === "int32" ? "float32" : dtype;
}

/** Any tensor, as the ops handle them at run time. */
export type AnyTensor = Tensor<readonly number[], DTypeName>;

/**
 * A new tensor typed loosely, for ops whose exact result type their signature states.
 *
 * @example
 * looseTensor([2], "float64", new Float64Array(2)).shape; //=> [2]
 */
export function looseTensor(shape: readonly number[], dtype: DTypeName, data: DataArray): AnyTensor {
  return new Tensor(shape, dtype, data as DataArrayOf[DTypeName]);
}

/**
 * An op's tensor operand: a `Tensor` as it is, a `{ shape, data }` object as a new tensor over the same data.
 * Anything else is refused with `INVALID_OPERAND`.
 *
 * @example
 * tensorInput({ shape: [2], data: [1, 2] }, 0).dtype; //=> "float64"
 */
export function tensorInput(value: unknown, position: number): AnyTensor {
  if (value instanceof Tensor) return value;
  if (typeof value !== "object" || value === null) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(position));
  const { shape, data, dtype } = opInput(value, position);
  return looseTensor(shape, dtype, data);
}
