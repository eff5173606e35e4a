/**
 * Cutting an operand down to one slice, planned once for all slices. The dimensions after the operand's last
 * sliced one (of size above 1) are whole in the cut, so each cut is a sequence of contiguous runs of the operand's data, one per
 * index of the dimensions before it (their offsets tabled once); a slice only moves where the runs start. The cut
 * is written into storage kept from the previous slice.
 */
import { offsetTable } from "../kernels/offset-table.js";
import { allocate, type DataArray } from "../tensor/dtype.js";
import { sizeOf, stridesOf } from "../tensor/shape.js";
import type { Operand } from "./operand.js";

/** Runs shorter than this are copied element by element: a `subarray` costs more than the copy. */
const blockCopyLength = 16;

/**
 * How one operand is cut for every slice: `undefined` when no sliced label reaches it (every slice reads it whole).
 *
 * @example
 * const cut: OperandCut | undefined = planOperandCut(matrix, [0, 1], [false, true]);
 */
export interface OperandCut {
  readonly operand: Operand;
  /** The cut's shape: each sliced dimension at size 1. */
  readonly shape: readonly number[];
  /** Per sliced dimension of size above 1: its label and stride in the operand. */
  readonly slicedAxes: readonly { readonly label: number; readonly stride: number }[];
  /** The length of each contiguous run. */
  readonly run: number;
  /** Where each run starts in the operand, before the slice's offset. */
  readonly starts: Int32Array;
  /** The cut, rewritten for every slice. */
  readonly data: DataArray;
}

/**
 * Plans the cut of an operand with these labels (by axis) under this slicing, or `undefined` when no sliced label
 * is among them.
 *
 * @example
 * planOperandCut({ shape: [2, 3], data, dtype: "float64" }, [0, 1], [false, true])?.starts; //=> Int32Array [0, 3]
 */
export function planOperandCut(operand: Operand, labels: readonly number[], isSliced: readonly boolean[]): OperandCut | undefined {
  if (!labels.some((label) => isSliced[label] === true)) return undefined;
  const strides = stridesOf(operand.shape);
  const sliced = (axis: number): boolean => isSliced[labels[axis] as number] === true;
  const shape = operand.shape.map((size, axis) => (sliced(axis) ? 1 : size));
  const slicedAxes = operand.shape.flatMap((size, axis) =>
    sliced(axis) && size > 1 ? [{ label: labels[axis] as number, stride: strides[axis] as number }] : [],
  );
  let inner = operand.shape.length;
  // A sliced dimension of size 1 broadcasts: it does not break a run.
  while (inner > 0 && (!sliced(inner - 1) || operand.shape[inner - 1] === 1)) inner -= 1;
  const run = sizeOf(shape.slice(inner));
  const starts = offsetTable(shape.slice(0, inner), strides.slice(0, inner));
  return { operand, shape, slicedAxes, run, starts, data: allocate(operand.dtype, sizeOf(shape)) };
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
  let offset = 0;
  for (const { label, stride } of cut.slicedAxes) offset += (values[label] as number) * stride;
  for (let index = 0, write = 0; index < starts.length; index++, write += run) {
    const read = offset + (starts[index] as number);
    if (run >= blockCopyLength) data.set(source.subarray(read, read + run), write);
    else for (let element = 0; element < run; element++) data[write + element] = source[read + element] as number;
  }
  return data;
}
