import type { NormalizedSpec } from "../parse/spec.js";
import { allocate, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { forEachOffset } from "../tensor/for-each-offset.js";
import { sizeOf, stridesOf } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import { castData } from "./cast.js";
import { toInt32 } from "./integers.js";
import { checkElements, checkMaxElements } from "./limits.js";
import type { Operand } from "./operand.js";
import { promotedDType, runPath } from "./run-path.js";
import { cachedSplitShared } from "./sliced-plan-cache.js";
import { runSlicesOnThreads } from "./slice-threads.js";
import { addSlice, planSliceWindow } from "./slice-window.js";
import { prepareSlicer, runSlice, sliceValues } from "./slicer.js";

/**
 * Executes a sliced plan: first the steps that no sliced label reaches, once; then for each combination of values
 * of the sliced labels, in a fixed order, it cuts every remaining operand down to those values (the sliced
 * dimensions kept with size 1), runs the other steps on the cut operands, and adds the slice's result into the
 * output (at the slice's place along sliced output labels). No intermediate of a slice holds a sliced label at more
 * than size 1, so each stays within the limit the slicing was chosen for. The cuts and the steps of a slice are
 * planned once for all slices (`slicer.ts`). With `threads` above 1 in Node, slices also run on worker threads
 * (`slice-threads.ts`); the results are added in slice order wherever they ran, so the output's bits do not depend
 * on the thread count.
 * No array of a slice may pass `maxElements`; int32 slices are summed exactly. `observe` is told the element count of
 * every intermediate of every slice.
 *
 * @example
 * runSliced(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [a, b], [[0, 1]], [1]); // j in 3 slices: a [2, 2] Tensor
 */
export function runSliced(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  path: readonly (readonly number[])[],
  sliced: readonly number[],
  threads = 1,
  maxElements = checkMaxElements(undefined),
  observe?: (elements: number) => void,
): Tensor<number[], DTypeName> {
  const dtype = promotedDType(operands);
  const outputShape = spec.output.map((label) => spec.sizes[label] as number);
  const outputSize = sizeOf(outputShape);
  checkElements("the result", outputSize, maxElements);
  // int32 slices are exact; their sum is taken in float64 and must fit in int32 at the end, as an unsliced run's.
  const exact = dtype === "int32";
  const output = allocate(exact ? "float64" : dtype, outputSize);
  const run = sharedFirst(spec, operands, dtype, path, sliced, threads, maxElements, observe);
  // The remaining operands in the common dtype once, rather than a cast of every slice's cut.
  const common = exact ? run.operands : run.operands.map((operand, index) => inDType(operand, dtype, index, maxElements));
  const slicer = prepareSlicer({ spec: run.spec, operands: common, path: run.path, sliced, dtype, maxElements });
  const { isSliced } = slicer;
  const values = new Array<number>(spec.sizes.length).fill(0);
  // the slice's place in the output: sliced output labels sit at their value, the others run over their sizes
  const place = planSliceWindow(outputShape, spec.output, isSliced);
  const add = (index: number, part: DataArray): void => addSlice(place, output, part, sliceValues(index, sliced, spec.sizes, values));
  if (runSlicesOnThreads(slicer, threads, add, observe) === undefined) {
    for (let index = 0; index < slicer.count; index++) add(index, runSlice(slicer, index, threads, observe));
  }
  return new Tensor(outputShape, dtype, exact ? toInt32(output) : output);
}

/**
 * Contracts the parts of a sliced plan that no sliced label reaches ({@link cachedSplitShared}) once, in the operands'
 * common dtype (`dtype`), and returns what each slice runs: the other steps, on the remaining operands and those parts'
 * results. int32 runs are left whole: their intermediates are exact doubles that need not fit in int32.
 */
function sharedFirst(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  dtype: DTypeName,
  path: readonly (readonly number[])[],
  sliced: readonly number[],
  threads: number,
  maxElements: number,
  observe: ((elements: number) => void) | undefined,
): { spec: NormalizedSpec; operands: readonly Operand[]; path: readonly (readonly number[])[] } {
  const split = dtype === "int32" ? undefined : cachedSplitShared(spec, path, sliced);
  if (split === undefined) return { spec, operands, path };
  const asCommon = (operand: Operand): Operand => ({ ...operand, data: castData(operand.data, dtype), dtype });
  const shared = split.shared.map((part): Operand => {
    const result = runPath(part.spec, part.inputs.map((input) => asCommon(operands[input] as Operand)), part.path, threads, maxElements, observe);
    return { shape: result.shape, data: result.data, dtype };
  });
  const rest = split.rest.inputs.map((input) => operands[input] as Operand);
  return { spec: split.rest.spec, operands: [...rest, ...shared], path: split.rest.path };
}

/** An operand in `dtype`: itself when it has it, else a copy, which may not pass `maxElements`. */
function inDType(operand: Operand, dtype: DTypeName, index: number, maxElements: number): Operand {
  if (operand.dtype === dtype) return operand;
  checkElements(`the ${dtype} copy of operand ${index}`, operand.data.length, maxElements);
  return { ...operand, data: castData(operand.data, dtype), dtype };
}

/**
 * One slice of a sliced plan: the spec with every sliced label at size 1, which labels are sliced, and the value of
 * each sliced label in this slice (indexed by label).
 *
 * @example
 * const slice: Slice = { sliceSpec, isSliced: [false, true, false], values: [0, 2, 0] };
 */
export interface Slice {
  readonly sliceSpec: NormalizedSpec;
  readonly isSliced: readonly boolean[];
  readonly values: readonly number[];
}

/**
 * Visits every slice of slicing `sliced` labels of `spec`, in a fixed order (like an odometer, the last sliced label
 * fastest); none when a sliced label has size 0. The slice passed is only valid during its visit.
 *
 * @example
 * forEachSlice(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [1], ({ values }) => console.log(values[1])); // 0, 1, 2
 */
export function forEachSlice(spec: NormalizedSpec, sliced: readonly number[], visit: (slice: Slice) => void): void {
  const isSliced = spec.sizes.map((_, label) => sliced.includes(label));
  const sliceSpec: NormalizedSpec = { ...spec, sizes: spec.sizes.map((size, label) => (isSliced[label] === true ? 1 : size)) };
  const values = new Array<number>(spec.sizes.length).fill(0);
  const slicedSizes = sliced.map((label) => spec.sizes[label] as number);
  if (slicedSizes.some((size) => size === 0)) return;
  do visit({ sliceSpec, isSliced, values });
  while (advance(values, sliced, slicedSizes));
}

/** Steps the sliced labels' values like an odometer, last label fastest; `false` after the last combination. */
function advance(values: number[], sliced: readonly number[], sizes: readonly number[]): boolean {
  for (let index = sliced.length - 1; index >= 0; index--) {
    const label = sliced[index] as number;
    values[label] = (values[label] as number) + 1;
    if ((values[label] as number) < (sizes[index] as number)) return true;
    values[label] = 0;
  }
  return false;
}

/**
 * An operand with each sliced dimension cut to the slice's value (a size-1 dimension stays at 0: it broadcasts).
 *
 * @example
 * cutOperand(matrix, [0, 1], [false, true], [0, 2]).shape; //=> [rows, 1]: column 2 of the matrix
 */
export function cutOperand(operand: Operand, labels: readonly number[], isSliced: readonly boolean[], values: readonly number[]): Operand {
  if (!labels.some((label) => isSliced[label] === true)) return operand;
  const strides = stridesOf(operand.shape);
  const shape = operand.shape.map((size, axis) => (isSliced[labels[axis] as number] === true ? 1 : size));
  const data = allocate(operand.dtype, sizeOf(shape));
  copyStrided(operand.data, cutOffset(operand.shape, labels, isSliced, values), shape, strides, data);
  return { shape, data, dtype: operand.dtype };
}

/**
 * Where a slice's cut of an array with this shape starts in its row-major data: each sliced dimension at the
 * slice's value, a size-1 one at 0.
 *
 * @example
 * cutOffset([3, 4], [0, 1], [false, true], [0, 2]); //=> 2
 */
export function cutOffset(shape: readonly number[], labels: readonly number[], isSliced: readonly boolean[], values: readonly number[]): number {
  const strides = stridesOf(shape);
  let offset = 0;
  shape.forEach((size, axis) => {
    const label = labels[axis] as number;
    if (isSliced[label] === true && size > 1) offset += (values[label] as number) * (strides[axis] as number);
  });
  return offset;
}

/** Copies the elements of `shape` read at `offset` with `strides` into `target`, row-major. */
function copyStrided(source: DataArray, offset: number, shape: readonly number[], strides: readonly number[], target: DataArray): void {
  forEachOffset(shape, strides, (to, from) => {
    target[to] = source[offset + from] as number;
  });
}

/**
 * Adds a slice's result (row-major over `shape`) into the output at `base`, stepping with the output's strides.
 *
 * @example
 * addInto(output, part, 2, [3, 1], [4, 1]); // part's 3 values into column 2 of a 3×4 output
 */
export function addInto(output: DataArray, part: DataArray, base: number, shape: readonly number[], strides: readonly number[]): void {
  forEachOffset(shape, strides, (from, to) => {
    output[base + to] = (output[base + to] as number) + (part[from] as number);
  });
}
