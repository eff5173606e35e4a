import { EinsumError } from "../einsum-error.js";
import { writeDataLength, writeInvalidOperand, writeInvalidStride, writeOperandData } from "../messages.js";
import { allocate, dtypeOfData, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { describeEntry } from "../tensor/nested.js";
import { forEachOffset } from "../tensor/for-each-offset.js";
import { checkShape, sizeOf, stridesOf } from "../tensor/shape.js";
import { checkElements, checkMaxElements } from "./limits.js";

/**
 * What einsum accepts as an operand: a `Tensor`, or any `{ shape, data }` object, so arrays from other libraries
 * need no conversion. `data` is a Float64Array, Float32Array or Int32Array (kept in its dtype), another
 * numeric typed array or an array of numbers (read as float64). Without `stride` the data are row-major and
 * hold exactly the shape's elements; with `stride` (in elements, NumPy/ndarray style, negative allowed) and
 * `offset` (in elements, 0 by default) the operand is a view into `data`, as ndarray's are.
 *
 * @example
 * const operand: TensorLike = { shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) };
 * const transposed: TensorLike = { shape: [2, 2], data: [1, 2, 3, 4], stride: [1, 2] }; // [[1, 3], [2, 4]]
 */
export interface TensorLike<Shape extends readonly number[] = readonly number[]> {
  readonly shape: Shape;
  readonly data: ArrayLike<number>;
  readonly stride?: readonly number[] | undefined;
  readonly offset?: number | undefined;
}

/** An operand after its checks: a valid shape and typed, row-major data of the matching length. */
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

/** Typed arrays read as float64: every value they hold is exact in a double. */
const otherNumericArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Uint32Array];

/**
 * Checks an operand and gives it typed, row-major data. Contiguous typed arrays are used as they are (a
 * contiguous view with an offset as a subarray), never copied or changed; plain numbers and other typed
 * arrays are copied into a Float64Array, entry by entry checked to be numbers (`INVALID_OPERAND` naming the
 * index otherwise); a strided view is copied once into row-major order, after checking that every element it
 * reaches lies inside `data` (`INVALID_STRIDE`) and that the copy fits `maxElements` (`TOO_LARGE`).
 *
 * @example
 * toOperand({ shape: [2], data: [1, 2] }, 0).dtype; //=> "float64"
 * toOperand({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4), stride: [1, 2] }, 0).data; //=> Float64Array [1, 3, 2, 4]
 */
export function toOperand(value: unknown, operand: number, maxElements = checkMaxElements(undefined)): Operand {
  if (!isTensorLike(value)) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operand));
  const shape = checkShape(value.shape);
  const size = sizeOf(shape);
  const raw: unknown = value.data;
  const typed = dtypeOfData(raw);
  const dtype = typed ?? "float64";
  if (typed === undefined && !Array.isArray(raw) && !otherNumericArrays.some((kind) => raw instanceof kind)) {
    throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operand));
  }
  const source = raw as ArrayLike<unknown>;
  const { stride, offset } = value;
  if (stride === undefined && "strides" in value) {
    throw new EinsumError("INVALID_STRIDE", writeInvalidStride(operand, "it has 'strides', which is not read: a view's strides are its 'stride'"));
  }
  if (stride === undefined && (offset === undefined || offset === 0)) {
    if (source.length !== size) throw new EinsumError("DATA_LENGTH", writeDataLength(source.length, shape, size));
    if (typed !== undefined) return { shape, data: raw as DataArray, dtype };
    checkElements(`the float64 copy of operand ${operand}`, size, maxElements);
    return { shape, data: copyNumbers(source, operand, size, (index) => index), dtype };
  }
  const view = checkView(shape, stride, offset, source.length, operand);
  if (view.contiguous && typed !== undefined) {
    return { shape, data: (raw as DataArray).subarray(view.offset, view.offset + size), dtype };
  }
  checkElements(`the row-major copy of operand ${operand}`, size, maxElements);
  const positions = viewPositions(shape, view.strides, view.offset);
  if (typed === undefined) return { shape, data: copyNumbers(source, operand, size, (index) => positions[index]!), dtype };
  const data = allocate(dtype, size);
  const from = raw as DataArray;
  for (let index = 0; index < size; index++) data[index] = from[positions[index]!]!;
  return { shape, data, dtype };
}

/**
 * Where each element of a strided view lies in its data, in row-major order of the view.
 *
 * @example
 * viewPositions([2, 3], [1, 2], 0); //=> Float64Array [0, 2, 4, 1, 3, 5]
 */
export function viewPositions(shape: readonly number[], strides: readonly number[], offset: number): Float64Array {
  const positions = new Float64Array(sizeOf(shape));
  forEachOffset(shape, strides, (flat, at) => {
    positions[flat] = offset + at;
  });
  return positions;
}

/** A float64 copy of plain numbers, refusing any entry that is not a number (strings, null, booleans, holes…). */
function copyNumbers(
  source: ArrayLike<unknown>,
  operand: number,
  size: number,
  position: (index: number) => number,
): Float64Array {
  const data = new Float64Array(size);
  for (let index = 0; index < size; index++) {
    const at = position(index);
    const entry = source[at];
    if (typeof entry !== "number") throw new EinsumError("INVALID_OPERAND", writeOperandData(operand, at, describeEntry(entry)));
    data[index] = entry;
  }
  return data;
}

/** A checked strided view: its strides and offset, and whether it is row-major contiguous. */
interface View {
  readonly strides: readonly number[];
  readonly offset: number;
  readonly contiguous: boolean;
}

/**
 * Checks `stride` (one whole number per dimension, row-major when omitted) and `offset` (a whole number from 0)
 * against the data's length: the lowest and the highest element the view reaches must lie inside the data.
 *
 * @example
 * checkView([2, 3], [1, 2], 0, 6, 0).contiguous; //=> false (a transposed 3×2 array)
 */
export function checkView(
  shape: readonly number[],
  stride: unknown,
  offset: unknown,
  length: number,
  operand: number,
): View {
  const refuse = (detail: string): never => {
    throw new EinsumError("INVALID_STRIDE", writeInvalidStride(operand, detail));
  };
  const rowMajor = stridesOf(shape);
  const strides = stride === undefined ? rowMajor : stride;
  if (!Array.isArray(strides) || strides.length !== shape.length) {
    refuse(`stride must be a list of ${shape.length} whole numbers, one per dimension`);
  }
  const steps = strides as unknown[];
  steps.forEach((step, axis) => {
    if (typeof step !== "number" || !Number.isSafeInteger(step)) refuse(`stride[${axis}] is ${describeEntry(step)}, not a whole number`);
  });
  const start = offset ?? 0;
  if (typeof start !== "number" || !Number.isSafeInteger(start) || start < 0) {
    refuse(`offset is ${describeEntry(start)}, not a whole number from 0`);
  }
  const first = start as number;
  const numbers = steps as number[];
  if (sizeOf(shape) === 0) {
    if (first > length) refuse(`offset ${first} is past the data's ${length} elements`);
    return { strides: numbers, offset: first, contiguous: true };
  }
  let lowest = first;
  let highest = first;
  shape.forEach((extent, axis) => {
    const reach = (extent - 1) * numbers[axis]!;
    if (reach < 0) lowest += reach;
    else highest += reach;
  });
  if (lowest < 0) refuse(`it reaches element ${lowest}, before the start of data`);
  if (highest >= length) refuse(`it reaches element ${highest} but data has ${length}`);
  const contiguous = shape.every((extent, axis) => extent === 1 || numbers[axis] === rowMajor[axis]);
  return { strides: numbers, offset: first, contiguous };
}
