import { allocate, dtypeOfData, type DataArray, type DTypeName } from "../tensor/dtype.js";

/**
 * The data in another dtype: a new array when the dtype changes, the same array (not to be written) otherwise.
 *
 * @example
 * castData(new Int32Array([1, 2]), "float64"); //=> Float64Array [1, 2]
 */
export function castData(data: DataArray, dtype: DTypeName): DataArray {
  if (dtypeOfData(data) === dtype) return data;
  const cast = allocate(dtype, data.length);
  cast.set(data);
  return cast;
}
