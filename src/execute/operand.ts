import { EinsumError } from "../einsum-error.js";
import { writeDataLength, writeInvalidOperand } from "../messages.js";
import { dtypeOfData, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { checkShape, sizeOf } from "../tensor/shape.js";

/**
 * What einsum accepts as an operand: a `Tensor`, or any `{ shape, data }` object with row-major data (a typed
 * array, or plain numbers read as float64), so arrays from other libraries need no copy.
 *
 * @example
 * const operand: TensorLike = { shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) };
 */
export interface TensorLike<Shape extends readonly number[] = readonly number[]> {
  readonly shape: Shape;
  readonly data: ArrayLike<number>;
}

/** An operand after its checks: a valid shape and typed data of the matching length. */
export interface Operand {
  readonly shape: readonly number[];
  readonly data: DataArray;
  readonly dtype: DTypeName;
}

/**
 * Whether a value looks like a tensor: an object with a `shape` array and `data`.
 *
 * @example
 * isTensorLike({ shape: [1], data: [5] }); //=> true
 */
export function isTensorLike(value: unknown): value is TensorLike {
  return typeof value === "object" && value !== null && Array.isArray((value as TensorLike).shape) && "data" in value;
}

/**
 * Checks an operand and gives it typed data. Typed arrays are used as they are, never copied or changed; plain
 * numbers are copied into a Float64Array.
 *
 * @example
 * toOperand({ shape: [2], data: [1, 2] }, 0).dtype; //=> "float64"
 */
export function toOperand(value: unknown, operand: number): Operand {
  if (!isTensorLike(value)) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operand));
  const shape = checkShape(value.shape);
  const expected = sizeOf(shape);
  const raw = value.data;
  const dtype = dtypeOfData(raw);
  const data: DataArray | undefined =
    dtype !== undefined ? (raw as DataArray) : Array.isArray(raw) ? Float64Array.from(raw as number[]) : undefined;
  if (data === undefined) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operand));
  if (data.length !== expected) {
    throw new EinsumError("DATA_LENGTH", writeDataLength(data.length, shape, expected));
  }
  return { shape, data, dtype: dtype ?? "float64" };
}
