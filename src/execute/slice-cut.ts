/**
 * Cutting an operand down to one slice, planned once for all slices: the slice's window in the operand
 * (`slice-window.ts`) gives the contiguous runs to copy, and the cut is written into storage kept from the previous
 * slice.
 */
import { allocate, type DataArray } from "../tensor/dtype.js";
import { sizeOf } from "../tensor/shape.js";
import type { Operand } from "./operand.js";
import { planSliceWindow, windowOffset, type SliceWindow } from "./slice-window.js";

/** Runs shorter than this are copied element by element: a `subarray` costs more than the copy. */
const blockCopyLength = 16;

/**
 * How one operand is cut for every slice: the slice's window in it, and the storage of the cut.
 *
 * @example
 * const cut: OperandCut | undefined = planOperandCut(matrix, [0, 1], [false, true]);
 */
export interface OperandCut extends SliceWindow {
  readonly operand: Operand;
  /** The cut, rewritten for every slice. */
  readonly data: DataArray;
}

/**
 * Plans the cut of an operand with these labels (by axis) under this slicing, or `undefined` when no sliced label
 * is among them (every slice reads it whole).
 *
 * @example
 * planOperandCut({ shape: [2, 3], data, dtype: "float64" }, [0, 1], [false, true])?.starts; //=> Int32Array [0, 3]
 */
export function planOperandCut(operand: Operand, labels: readonly number[], isSliced: readonly boolean[]): OperandCut | undefined {
  if (!labels.some((label) => isSliced[label] === true)) return undefined;
  const window = planSliceWindow(operand.shape, labels, isSliced);
  return { ...window, operand, data: allocate(operand.dtype, sizeOf(window.shape)) };
}

/**
 * Writes the slice whose sliced labels have these values (indexed by label) into the cut's storage, and returns
 * that storage.
 *
 * @example
 * cutSlice(planOperandCut(matrix, [0, 1], [false, true])!, [0, 2]); // column 2 of the matrix
 */
export function cutSlice(cut: OperandCut, values: readonly number[]): DataArray {
  const { run, starts, data } = cut;
  const source = cut.operand.data;
  const offset = windowOffset(cut, values);
  for (let index = 0, write = 0; index < starts.length; index++, write += run) {
    const read = offset + (starts[index] as number);
    if (run >= blockCopyLength) data.set(source.subarray(read, read + run), write);
    else for (let element = 0; element < run; element++) data[write + element] = source[read + element] as number;
  }
  return data;
}
