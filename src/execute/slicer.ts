/**
 * The slices of a sliced plan, numbered: slice `index` gives its sliced labels the digits of `index` in the mixed
 * radix of their sizes, the last sliced label fastest (the odometer order of `forEachSlice`). A slicer plans the
 * cuts and the steps once, and runs any slice by its number, so that the calling thread and the slice workers run
 * the same code on the same plan.
 */
import type { NormalizedSpec } from "../parse/spec.js";
import type { DataArray, DTypeName } from "../tensor/dtype.js";
import type { Operand } from "./operand.js";
import { runPath } from "./run-path.js";
import { cachedSliceSpec } from "./sliced-plan-cache.js";
import { cutSlice, planOperandCut, type OperandCut } from "./slice-cut.js";
import { planSliceSteps, runSliceSteps, type SliceSteps, type SliceVersions } from "./slice-steps.js";

/**
 * What runs the slices: the spec and path each slice runs, over these operands (all in the run's dtype but for
 * int32 runs, which `runPath` casts), sliced over `sliced`.
 *
 * @example
 * const job: SliceJob = { spec, operands, path: [[0, 1]], sliced: [1], dtype: "float64", maxElements: 2 ** 31 };
 */
export interface SliceJob {
  readonly spec: NormalizedSpec;
  readonly operands: readonly Operand[];
  readonly path: readonly (readonly number[])[];
  readonly sliced: readonly number[];
  readonly dtype: DTypeName;
  readonly maxElements: number;
}

/**
 * A planned sliced run: how many slices there are, the spec every slice has (each sliced label at size 1), and
 * which labels are sliced.
 *
 * @example
 * const slicer = prepareSlicer(job);
 * for (let index = 0; index < slicer.count; index++) addPart(index, runSlice(slicer, index));
 */
export interface Slicer {
  readonly job: SliceJob;
  readonly count: number;
  readonly sliceSpec: NormalizedSpec;
  readonly isSliced: readonly boolean[];
  readonly cuts: readonly (OperandCut | undefined)[];
  /** The steps of a float slice, planned on the first slice run. */
  steps: SliceSteps | undefined;
  /** The values of the sliced labels for the slice being run, by label. */
  readonly values: number[];
  /**
   * For each operand, how many slices in a row read the same cut of it: the product of the sizes of the sliced
   * labels looped over inside the innermost one it carries (every slice for an operand with the innermost label, all
   * of them for one with none).
   */
  readonly runLengths: Float64Array;
  /** The version of each operand's cut in the slice being run (`slice-steps.ts`), and in the slice before. */
  readonly versions: SliceVersions;
  readonly cutVersions: Float64Array;
}

/**
 * Plans the slices of a job: the cut of every operand; the steps are planned when the first slice runs.
 *
 * @example
 * prepareSlicer({ spec, operands, path: [[0, 1]], sliced: [1], dtype: "float64", maxElements: 2 ** 31 }).count; //=> 3 for j of size 3
 */
export function prepareSlicer(job: SliceJob): Slicer {
  const { spec, sliced } = job;
  const isSliced = spec.sizes.map((_, label) => sliced.includes(label));
  const sliceSpec = cachedSliceSpec(spec, sliced);
  let count = 1;
  for (const label of sliced) count *= spec.sizes[label] as number;
  const cuts = job.operands.map((operand, index) => planOperandCut(operand, spec.inputs[index] ?? [], isSliced));
  const values = new Array<number>(spec.sizes.length).fill(0);
  const runLengths = Float64Array.from(spec.inputs, (labels) => sameCutRun(labels, sliced, spec.sizes));
  const versions = new Float64Array(job.operands.length);
  const cutVersions = new Float64Array(job.operands.length).fill(-1);
  return { job, count, sliceSpec, isSliced, cuts, steps: undefined, values, runLengths, versions, cutVersions };
}

/** How many slices in a row see the same values of the sliced labels among `labels` (see {@link Slicer.runLengths}). */
function sameCutRun(labels: readonly number[], sliced: readonly number[], sizes: readonly number[]): number {
  let run = 1;
  for (let at = sliced.length - 1; at >= 0 && !labels.includes(sliced[at] as number); at--) run *= sizes[sliced[at] as number] as number;
  return run;
}

/**
 * Sets `values` to the sliced labels' values in slice `index`: its digits in the radix of their sizes, the last
 * sliced label fastest.
 *
 * @example
 * sliceValues(5, [0, 2], [3, 4, 2], [0, 0, 0]); //=> [2, 0, 1]
 */
export function sliceValues(index: number, sliced: readonly number[], sizes: readonly number[], values: number[]): number[] {
  let rest = index;
  for (let at = sliced.length - 1; at >= 0; at--) {
    const label = sliced[at] as number;
    const size = sizes[label] as number;
    values[label] = rest % size;
    rest = Math.floor(rest / size);
  }
  return values;
}

/**
 * Runs slice `index` and returns its result in the output's label order (each sliced output label at size 1), to
 * be read only, and only until the next slice runs. `observe` is told the element count of every intermediate.
 *
 * @example
 * const part = runSlice(prepareSlicer(job), 0); // the first slice's share of the output
 */
export function runSlice(slicer: Slicer, index: number, threads = 1, observe?: (elements: number) => void): DataArray {
  const { job, cuts, values, runLengths, versions, cutVersions } = slicer;
  sliceValues(index, job.sliced, job.spec.sizes, values);
  const cut = job.operands.map((operand, at): Operand => {
    versions[at] = Math.floor(index / (runLengths[at] as number));
    const plan = cuts[at];
    if (plan === undefined) return operand;
    // the same version: the storage still holds this slice's cut
    if (cutVersions[at] !== versions[at]) cutSlice(plan, values);
    cutVersions[at] = versions[at] as number;
    return { shape: plan.shape, data: plan.data, dtype: operand.dtype };
  });
  if (job.dtype === "int32") return runPath(slicer.sliceSpec, cut, job.path, threads, job.maxElements, observe).data;
  return runSliceSteps(slicerSteps(slicer), cut.map((operand) => operand.data), threads, observe, versions);
}

/**
 * The steps every float slice runs, planned on first use from the cut operands' shapes: no array of a slice may
 * pass the job's `maxElements` (`TOO_LARGE`).
 *
 * @example
 * slicerSteps(prepareSlicer(job)).run.steps.length; //=> the steps each slice runs
 */
export function slicerSteps(slicer: Slicer): SliceSteps {
  const { job, cuts } = slicer;
  const cut = job.operands.map((operand, at): Operand => {
    const plan = cuts[at];
    return plan === undefined ? operand : { ...operand, shape: plan.shape };
  });
  return (slicer.steps ??= planSliceSteps(slicer.sliceSpec, cut, job.path, job.maxElements));
}
