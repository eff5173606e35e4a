/**
 * Where one slice sits in an array that some sliced labels index: the slice's shape (each sliced dimension at size
 * 1), and its elements as contiguous runs of the array's data. The dimensions after the array's last sliced one (of
 * size above 1) are whole in the slice, so the slice is one run per index of the dimensions before it, their
 * offsets tabled once; a slice's values only move where the runs start. An operand is cut through its window
 * (`slice-cut.ts`) and a slice's result is added into the output through the output's.
 */
import { offsetTable } from "../kernels/offset-table.js";
import type { DataArray } from "../tensor/dtype.js";
import { sizeOf, stridesOf } from "../tensor/shape.js";

/**
 * The window of a slice in an array, planned once for all slices.
 *
 * @example
 * const window: SliceWindow = planSliceWindow([3, 4], [0, 1], [false, true]);
 */
export interface SliceWindow {
  /** The slice's shape: each sliced dimension at size 1. */
  readonly shape: readonly number[];
  /** Per sliced dimension of size above 1: its label and stride in the array. */
  readonly slicedAxes: readonly { readonly label: number; readonly stride: number }[];
  /** The length of each contiguous run. */
  readonly run: number;
  /** Where each run starts in the array, before the slice's offset. */
  readonly starts: Int32Array;
}

/**
 * Plans the window of a slice in a row-major array of this shape whose axes carry these labels.
 *
 * @example
 * planSliceWindow([2, 3], [0, 1], [false, true]).starts; //=> Int32Array [0, 3]
 */
export function planSliceWindow(shape: readonly number[], labels: readonly number[], isSliced: readonly boolean[]): SliceWindow {
  const strides = stridesOf(shape);
  const sliced = (axis: number): boolean => isSliced[labels[axis] as number] === true;
  const windowShape = shape.map((size, axis) => (sliced(axis) ? 1 : size));
  const slicedAxes = shape.flatMap((size, axis) => (sliced(axis) && size > 1 ? [{ label: labels[axis] as number, stride: strides[axis] as number }] : []));
  let inner = shape.length;
  // A sliced dimension of size 1 broadcasts: it does not break a run.
  while (inner > 0 && (!sliced(inner - 1) || shape[inner - 1] === 1)) inner -= 1;
  return {
    shape: windowShape,
    slicedAxes,
    run: sizeOf(windowShape.slice(inner)),
    starts: offsetTable(windowShape.slice(0, inner), strides.slice(0, inner)),
  };
}

/**
 * Where the slice whose sliced labels have these values (indexed by label) starts in the array.
 *
 * @example
 * windowOffset(planSliceWindow([3, 4], [0, 1], [false, true]), [0, 2]); //=> 2
 */
export function windowOffset(window: SliceWindow, values: readonly number[]): number {
  let offset = 0;
  for (const { label, stride } of window.slicedAxes) offset += (values[label] as number) * stride;
  return offset;
}

/**
 * Adds a slice's result (row-major over the window's shape) into the array at the slice's place.
 *
 * @example
 * addSlice(planSliceWindow([3, 4], [0, 1], [false, true]), output, part, [0, 2]); // part's 3 values into column 2
 */
export function addSlice(window: SliceWindow, target: DataArray, part: DataArray, values: readonly number[]): void {
  const { run, starts } = window;
  const offset = windowOffset(window, values);
  for (let index = 0, read = 0; index < starts.length; index++) {
    const write = offset + (starts[index] as number);
    for (let element = 0; element < run; element++, read++) target[write + element] = (target[write + element] as number) + (part[read] as number);
  }
}
