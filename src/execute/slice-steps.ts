/**
 * The steps each slice of a sliced plan runs, planned once for all slices. Every slice has the same labels and
 * sizes (the sliced ones at 1), so the compiled run (`compiled-run.ts`: pairwise classes, offset tables, kernels)
 * is the same, and so is the size of every intermediate: each step writes into storage kept from the previous
 * slice instead of allocating afresh. The kernels and their order are those of `runPath`, so a slice's
 * result has the same bits as `runPath` gives on the same cut operands.
 */
import { runPair } from "../kernels/contract-pair.js";
import { allocateLike } from "../kernels/labelled-data.js";
import { reduceStrided } from "../kernels/reductions/strided-reduce.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { DataArray } from "../tensor/dtype.js";
import type { CompiledRun } from "./compiled-run.js";
import type { Operand } from "./operand.js";
import { compiledRun } from "./run-path.js";

/**
 * A slice's steps, ready to run again and again: the compiled run of the slice spec along the path, and the
 * storage of each step's result, kept from one slice to the next.
 *
 * @example
 * const steps: SliceSteps = planSliceSteps(sliceSpec, cut, path);
 */
export interface SliceSteps {
  readonly spec: NormalizedSpec;
  readonly run: CompiledRun;
  /** The storage of each step's result, by step; filled on the first slice. */
  readonly kept: (DataArray | undefined)[];
}

/**
 * Plans the steps every slice runs: `sliceSpec` along `path`, for cut operands with the shapes of `cut` (one
 * slice's). No array of a slice may pass `maxElements` (`TOO_LARGE`, naming the step). Float runs only: an int32
 * slice goes through `runPath`, which bounds its exact sums.
 *
 * @example
 * planSliceSteps(normalizeEquation("ij,jk->ik", [[2, 1], [1, 2]]), cut, [[0, 1]]).run.steps.length; //=> 1
 */
export function planSliceSteps(
  sliceSpec: NormalizedSpec,
  cut: readonly Operand[],
  path: readonly (readonly number[])[],
  maxElements?: number,
): SliceSteps {
  const run = compiledRun(sliceSpec, cut, path, maxElements);
  return { spec: sliceSpec, run, kept: new Array<DataArray | undefined>(run.steps.length).fill(undefined) };
}

/**
 * Runs one slice's steps on its cut operands (all of the run's float dtype) and returns the slice's result in the
 * output's label order, to be read only, and only until the next slice runs (it is the kept storage of the last
 * step, or an operand when the run has no step). `observe` is told the element count of every intermediate.
 *
 * @example
 * const part = runSliceSteps(steps, cutData); // one slice's cut operands' data; then add `part` into the output
 */
export function runSliceSteps(
  steps: SliceSteps,
  operands: readonly DataArray[],
  threads = 1,
  observe?: (elements: number) => void,
): DataArray {
  const { run, kept, spec } = steps;
  const slots: DataArray[] = run.operands.map((prepared, index) => {
    const data = operands[index] as DataArray;
    return prepared.asIs ? data : reduceStrided(data, prepared.shape, prepared.labels, prepared.keep, spec.sizes).data;
  });
  run.steps.forEach((step, index) => {
    let result: DataArray;
    if (step.kind === "reduce") {
      result = reduceStrided(slots[step.from] as DataArray, step.shape, step.labels, step.keep, spec.sizes).data;
    } else {
      const left = slots[step.left] as DataArray;
      const into = (kept[index] ??= allocateLike(left, step.plan.size));
      result = runPair(step.plan, left, slots[step.right] as DataArray, threads, into);
    }
    slots.push(result);
    observe?.(result.length);
  });
  return slots[run.result] as DataArray;
}
