import { EinsumError } from "../einsum-error.js";
import { checkElements } from "../execute/limits.js";
import { int32Max, int32Min } from "../execute/integers.js";
import {
  writeDataLength,
  writeIntegerOverflow,
  writeInvalidArange,
  writeInvalidDType,
  writeInvalidOption,
  writeNotANumber,
} from "../messages.js";
import { allocate, dtypeNames, dtypeOfData, type DataArrayOf, type DTypeName } from "./dtype.js";
import { describeEntry, flattenNested, nestedShape, type NestedNumbers, type ShapeOfNested } from "./nested.js";
import { freshSeed, normalSource } from "./random.js";
import { checkShape, sizeOf, type WritableShape } from "./shape.js";
import { Tensor } from "./tensor.js";
import { markRequiresGrad } from "../autograd/graph.js";
import type { ArangeRangeShape, ArangeShape } from "../types/arange.js";

/**
 * The options a constructor takes: the element type, and whether the tensor requires grad (a leaf whose `grad`
 * the `backward()` calls fill; float dtypes only).
 *
 * @example
 * const options: TensorOptions<"float32"> = { dtype: "float32", requiresGrad: true };
 */
export interface TensorOptions<DType extends DTypeName = DTypeName> {
  readonly dtype?: DType | undefined;
  readonly requiresGrad?: boolean | undefined;
}

/** The dtype a typed array stores, `"float64"` for plain numbers. */
type DTypeOfData<Data> = Data extends Float32Array ? "float32" : Data extends Int32Array ? "int32" : "float64";

/**
 * Makes a tensor from nested arrays (the shape is read from them), or from flat numbers or a typed array and a
 * shape. The data are copied. A typed array keeps its dtype; plain numbers become float64 unless `dtype` says.
 *
 * @example
 * tensor([[1, 2], [3, 4]]); // Tensor<[2, 2], "float64">
 * tensor(new Int32Array([1, 2, 3, 4, 5, 6]), [2, 3]); // Tensor<[2, 3], "int32">
 * tensor([1, 2, 3], [3], "float32"); // Tensor<[3], "float32">
 * tensor(new Float64Array([1, 2, 3]), [3], { requiresGrad: true }); // Tensor<[3], "float64">, a leaf for gradients
 */
export function tensor<const Data extends NestedNumbers>(data: Data): Tensor<ShapeOfNested<Data>, "float64">;
export function tensor<const Data extends NestedNumbers, DType extends DTypeName = "float64">(
  data: Data,
  options: TensorOptions<DType>,
): Tensor<ShapeOfNested<Data>, DType>;
export function tensor<
  Data extends readonly number[] | Float64Array | Float32Array | Int32Array,
  const Shape extends readonly number[],
>(data: Data, shape: Shape): Tensor<WritableShape<Shape>, DTypeOfData<Data>>;
export function tensor<const Shape extends readonly number[], DType extends DTypeName>(
  data: readonly number[] | Float64Array | Float32Array | Int32Array,
  shape: Shape,
  dtype: DType,
): Tensor<WritableShape<Shape>, DType>;
export function tensor<
  Data extends readonly number[] | Float64Array | Float32Array | Int32Array,
  const Shape extends readonly number[],
  DType extends DTypeName = DTypeOfData<Data>,
>(data: Data, shape: Shape, options: TensorOptions<DType>): Tensor<WritableShape<Shape>, DType>;
export function tensor(
  data: NestedNumbers | Float64Array | Float32Array | Int32Array,
  shapeOrOptions?: readonly number[] | TensorOptions,
  dtypeOrOptions?: DTypeName | TensorOptions,
): Tensor<readonly number[], DTypeName> {
  if (shapeOrOptions === undefined || !Array.isArray(shapeOrOptions)) {
    // The size is checked from the shape before the nested arrays are read.
    const nested = nestedShape(data);
    checkElements(describeShape(nested), sizeOf(nested));
    const { shape, values } = flattenNested(data, nested);
    const options = optionsOf(shapeOrOptions);
    return withGrad(fromValues(values, shape, checkDType(options.dtype ?? "float64")), options);
  }
  const options = optionsOf(dtypeOrOptions);
  const chosen = checkDType(options.dtype ?? dtypeOfData(data) ?? "float64");
  const values = typeof data === "number" ? [data] : (data as ArrayLike<number>);
  return withGrad(fromValues(values, shapeOrOptions, chosen), options);
}

/**
 * The options that a dtype name or an options object stands for (`null` and `undefined` for none), with
 * `requiresGrad` checked to be a boolean when given (`INVALID_OPTION`); the dtype is checked by {@link checkDType}.
 */
function optionsOf(dtypeOrOptions: unknown): TensorOptions {
  const options: TensorOptions =
    typeof dtypeOrOptions === "object" && dtypeOrOptions !== null
      ? (dtypeOrOptions as TensorOptions)
      : { dtype: (dtypeOrOptions ?? undefined) as DTypeName | undefined };
  if (options.requiresGrad !== undefined && typeof options.requiresGrad !== "boolean") {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("requiresGrad", describeEntry(options.requiresGrad), "true or false"));
  }
  return options;
}

/** Marks a new tensor as requiring grad when the options ask for it. */
function withGrad<Made extends Tensor<readonly number[], DTypeName>>(made: Made, options: TensorOptions | undefined): Made {
  if (options?.requiresGrad === true) markRequiresGrad(made, true);
  return made;
}

/** Storage of `dtype` for flat `values` of `shape`: the shape, its size and the length are checked before the values. */
function fromValues(values: unknown, shape: readonly number[], dtype: DTypeName): Tensor<readonly number[], DTypeName> {
  const checked = checkShape(shape);
  const expected = sizeOf(checked);
  checkElements(describeShape(checked), expected);
  const length = typeof values === "object" && values !== null ? (values as { length?: unknown }).length : undefined;
  if (typeof length === "number" && length !== expected) {
    throw new EinsumError("DATA_LENGTH", writeDataLength(length, checked, expected));
  }
  return fromCheckedValues(checkFlatData(values), checked, dtype);
}

function fromCheckedValues(values: ArrayLike<number>, checked: readonly number[], dtype: DTypeName): Tensor<readonly number[], DTypeName> {
  const storage = allocate(dtype, values.length);
  storage.set(Array.isArray(values) ? values : Array.from(values));
  return new Tensor(checked, dtype, storage);
}

/** Flat data: a typed array, or an array (or array-like) whose every entry is a number. */
function checkFlatData(data: unknown): ArrayLike<number> {
  if (dtypeOfData(data) !== undefined) return data as ArrayLike<number>;
  if (typeof data !== "object" || data === null || typeof (data as ArrayLike<unknown>).length !== "number") {
    throw new EinsumError("NOT_A_NUMBER", writeNotANumber(describeEntry(data)));
  }
  const list = data as ArrayLike<unknown>;
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    if (typeof entry !== "number") throw new EinsumError("NOT_A_NUMBER", writeNotANumber(describeEntry(entry)));
  }
  return list as ArrayLike<number>;
}

/** How a tensor about to be made is named in a size error. */
function describeShape(shape: readonly number[]): string {
  return `a tensor of shape [${shape.join(", ")}]`;
}

/**
 * Checks a dtype name given at run time.
 *
 * @example
 * checkDType("float32"); //=> "float32"
 * // @ts-expect-error not assignable to parameter of type 'DTypeName'
 * checkDType("int64"); // throws INVALID_DTYPE
 */
export function checkDType<DType extends DTypeName>(dtype: DType): DType {
  if (!dtypeNames.includes(dtype)) throw new EinsumError("INVALID_DTYPE", writeInvalidDType(typeof dtype === "string" ? dtype : describeEntry(dtype)));
  return dtype;
}

/**
 * A tensor of zeros.
 *
 * @example
 * zeros([2, 3]); // Tensor<[2, 3], "float64">
 * zeros([4], "int32"); // Tensor<[4], "int32">
 * zeros([3], { requiresGrad: true }).requiresGrad; //=> true
 */
export function zeros<const Shape extends readonly number[], DType extends DTypeName = "float64">(
  shape: Shape,
  options: { readonly requiresGrad?: boolean | undefined },
): Tensor<WritableShape<Shape>, DType>;
export function zeros<const Shape extends readonly number[], DType extends DTypeName = "float64">(
  shape: Shape,
  dtypeOrOptions?: DType | TensorOptions<DType>,
): Tensor<WritableShape<Shape>, DType>;
export function zeros(shape: readonly number[], dtypeOrOptions?: DTypeName | TensorOptions): Tensor<readonly number[], DTypeName> {
  const options = optionsOf(dtypeOrOptions);
  const checked = checkShape(shape);
  const chosen = checkDType(options.dtype ?? "float64");
  checkElements(describeShape(checked), sizeOf(checked));
  return withGrad(new Tensor(checked, chosen, allocate(chosen, sizeOf(checked))), options);
}

/**
 * A tensor of ones.
 *
 * @example
 * ones([2]).toArray(); //=> [1, 1]
 * ones([2], { dtype: "float32", requiresGrad: true }); // Tensor<[2], "float32">
 */
export function ones<const Shape extends readonly number[], DType extends DTypeName = "float64">(
  shape: Shape,
  options: { readonly requiresGrad?: boolean | undefined },
): Tensor<WritableShape<Shape>, DType>;
export function ones<const Shape extends readonly number[], DType extends DTypeName = "float64">(
  shape: Shape,
  dtypeOrOptions?: DType | TensorOptions<DType>,
): Tensor<WritableShape<Shape>, DType>;
export function ones(shape: readonly number[], dtypeOrOptions?: DTypeName | TensorOptions): Tensor<readonly number[], DTypeName> {
  const result = zeros(shape, dtypeOrOptions);
  result.data.fill(1);
  return result;
}

/**
 * The integers from `start` (0 when omitted) up to but not including `stop`, as int32 like PyTorch's `arange`.
 * With whole-number literals the length is part of the type.
 *
 * @example
 * arange(6); // Tensor<[6], "int32">
 * arange(3, 6); // Tensor<[3], "int32">
 * arange(3, 6).toArray(); //=> [3, 4, 5]
 */
export function arange<const Stop extends number>(stop: Stop): Tensor<ArangeShape<Stop>, "int32">;
export function arange<const Start extends number, const Stop extends number>(
  start: Start,
  stop: Stop,
): Tensor<ArangeRangeShape<Start, Stop>, "int32">;
export function arange(first: number, second?: number): Tensor<[number], "int32"> {
  const start = second === undefined ? 0 : first;
  const stop = second === undefined ? first : second;
  const length = checkArange(start, stop);
  const data = new Int32Array(length);
  for (let index = 0; index < length; index++) data[index] = start + index;
  return new Tensor([length], "int32", data);
}

/**
 * The length of `arange(start, stop)` after its checks: whole numbers (`INVALID_ARANGE`), values int32 can hold
 * (`INTEGER_OVERFLOW`), and a length within the size limit (`TOO_LARGE`).
 */
function checkArange(start: unknown, stop: unknown): number {
  const shown = (value: unknown): string => (typeof value === "number" ? String(value) : describeEntry(value));
  if (typeof start !== "number" || typeof stop !== "number" || !Number.isSafeInteger(start) || !Number.isSafeInteger(stop)) {
    throw new EinsumError("INVALID_ARANGE", writeInvalidArange(shown(start), shown(stop), "needs whole numbers: its values are int32"));
  }
  const length = Math.max(0, stop - start);
  if (length > 0 && (start < int32Min || stop - 1 > int32Max)) {
    throw new EinsumError("INTEGER_OVERFLOW", writeIntegerOverflow(String(start < int32Min ? start : stop - 1)));
  }
  checkElements(`arange(${start}, ${stop})`, length);
  return length;
}

/**
 * A tensor of standard normal samples. With a `seed` (a whole number) the numbers are reproducible: the same seed
 * gives the same numbers on every call and every platform. Without one, each call draws fresh numbers, like
 * `torch.randn`.
 *
 * @example
 * randn([3, 2, 5], { seed: 7 }); // Tensor<[3, 2, 5], "float64">, the same numbers on every run
 * randn([2, 2]); // fresh numbers on every call
 * randn([5, 3, 3], { seed: 1, requiresGrad: true }).requiresGrad; //=> true
 */
export function randn<const Shape extends readonly number[], DType extends "float64" | "float32" = "float64">(
  shape: Shape,
  options: { seed?: number; dtype?: DType; requiresGrad?: boolean } = {},
): Tensor<WritableShape<Shape>, DType> {
  if (typeof options !== "object" || options === null) {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("options", describeEntry(options), "an object with seed, dtype or requiresGrad"));
  }
  if (options.dtype !== undefined && options.dtype !== "float64" && options.dtype !== "float32") {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("dtype", describeEntry(options.dtype), "'float64' or 'float32'"));
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("seed", describeEntry(options.seed), "a whole number"));
  }
  const result = zeros(shape, { dtype: options.dtype ?? ("float64" as DType), requiresGrad: options.requiresGrad ?? false }) as Tensor<
    WritableShape<Shape>,
    DType
  >;
  const next = normalSource(options.seed ?? freshSeed());
  const data: DataArrayOf[DType] = result.data;
  for (let index = 0; index < data.length; index++) data[index] = next();
  return result;
}
