/**
 * The walk over the outer loop axes of a strided kernel: every index of the axes, the first fastest, with the
 * offset it reaches on the input side and on the output side.
 */

/**
 * One loop axis of a strided kernel: its extent and its strides in elements on the input and output sides.
 *
 * @example
 * const rows: StridedAxis = { extent: 3, inStride: 4, outStride: 1 }; // read along rows of 4, written as a column
 */
export interface StridedAxis {
  readonly extent: number;
  readonly inStride: number;
  readonly outStride: number;
}

/**
 * Calls `visit(read, write)` for every index of `axes` (none: once, at 0), the first axis fastest, with the
 * input and output offsets of that index, strides multiplied by `scale`. Stops at the first `visit` that returns
 * false, and returns whether every index was visited.
 *
 * @example
 * const offsets: number[][] = [];
 * walkAxes([{ extent: 2, inStride: 1, outStride: 3 }, { extent: 3, inStride: 2, outStride: 1 }], (read, write) => {
 *   offsets.push([read, write]);
 * });
 * offsets; //=> [[0, 0], [1, 3], [2, 1], [3, 4], [4, 2], [5, 5]]
 */
export function walkAxes(
  axes: readonly StridedAxis[],
  visit: (read: number, write: number) => boolean | void,
  scale = 1,
): boolean {
  let count = 1;
  for (const axis of axes) count *= axis.extent;
  const counters = new Array<number>(axes.length).fill(0);
  let read = 0;
  let write = 0;
  for (let index = 0; index < count; index++) {
    if (visit(read, write) === false) return false;
    for (let a = 0; a < axes.length; a++) {
      const axis = axes[a]!;
      read += axis.inStride * scale;
      write += axis.outStride * scale;
      if (++counters[a]! < axis.extent) break;
      counters[a] = 0;
      read -= axis.inStride * scale * axis.extent;
      write -= axis.outStride * scale * axis.extent;
    }
  }
  return true;
}
