/**
 * The element types a tensor can hold.
 *
 * @example
 * const kind: DTypeName = "float32";
 */
export type DTypeName = "float64" | "float32" | "int32";

/** The typed array that stores each dtype's elements, row-major and contiguous. */
export interface DataArrayOf {
  float64: Float64Array;
  float32: Float32Array;
  int32: Int32Array;
}

/** Any of the typed arrays a tensor stores its data in. */
export type DataArray = DataArrayOf[DTypeName];

/** The dtypes, for run-time checks. */
export const dtypeNames: readonly DTypeName[] = ["float64", "float32", "int32"];

/** Allocates zeroed storage of `length` elements for `dtype`. */
export function allocate<DType extends DTypeName>(dtype: DType, length: number): DataArrayOf[DType] {
  switch (dtype) {
    case "float64":
      return new Float64Array(length) as DataArrayOf[DType];
    case "float32":
      return new Float32Array(length) as DataArrayOf[DType];
    default:
      return new Int32Array(length) as DataArrayOf[DType];
  }
}

/** The dtype whose storage `data` is, or `undefined` for a plain array. */
export function dtypeOfData(data: unknown): DTypeName | undefined {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  return undefined;
}

/**
 * PyTorch's promotion for the dtypes we hold: float64 wins, then float32, then int32.
 *
 * @example
 * promoteTypes("int32", "float32"); //=> "float32"
 */
export function promoteTypes(left: DTypeName, right: DTypeName): DTypeName {
  if (left === "float64" || right === "float64") return "float64";
  if (left === "float32" || right === "float32") return "float32";
  return "int32";
}

/**
 * The type-level twin of {@link promoteTypes}, folded over a list of dtypes.
 *
 * @example
 * type R = PromoteAll<["int32", "float32"]>; //=> "float32"
 */
export type PromoteAll<DTypes extends readonly DTypeName[]> = "float64" extends DTypes[number]
  ? "float64"
  : "float32" extends DTypes[number]
    ? "float32"
    : DTypes extends readonly [] ? "float64" : "int32";
