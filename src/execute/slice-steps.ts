/**
 * The steps each slice of a sliced plan runs, planned once for all slices. Every slice has the same labels and
 * sizes (the sliced ones at 1), so the compiled run (`compiled-run.ts`: pairwise classes, offset tables, kernels)
 * is the same, and so is the size of every intermediate: each step writes into storage kept from the previous
 * slice instead of allocating afresh. A step whose inputs are the same as in the slice before (no sliced label it
 * depends on has changed: see `loop-order.ts`) keeps its result instead of running again. The kernels and their
 * order are those of `runPath`, so a slice's result has the same bits as `runPath` gives on the same cut operands.
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
  /** Each slot's value (the prepared operands, then the steps' results) as of the slice that last computed it. */
  readonly values: (DataArray | undefined)[];
  /** Which values each slot's value was computed for (see {@link SliceVersions}), by slot; -1 before any. */
  readonly versions: Float64Array;
}

/**
 * Which values of the sliced labels a slice's inputs were cut for: `versions[operand]` changes exactly when a sliced
 * label that operand carries (or a label looped over outside it) takes a new value, so that two slices whose inputs
 * have the same versions read the same data.
 *
 * @example
 * const versions: SliceVersions = Float64Array.of(0, 3, 0); // operand 1 was cut for the fourth value of its labels
 */
export type SliceVersions = Float64Array;

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
  const slots = run.operands.length + run.steps.length;
  return {
    spec: sliceSpec,
    run,
    kept: new Array<DataArray | undefined>(run.steps.length).fill(undefined),
    values: new Array<DataArray | undefined>(slots).fill(undefined),
    versions: new Float64Array(slots).fill(-1),
  };
}

/**
 * Runs one slice's steps on its cut operands (all of the run's float dtype) and returns the slice's result in the
 * output's label order, to be read only, and only until the next slice runs (it is the kept storage of the last
 * step, or an operand when the run has no step). With `versions` (one per operand), a slot whose inputs have the
 * versions they had when it was last computed is not computed again: its value is the same. A step's version is
 * the largest of its inputs', which is right because the versions of the slots grow together with the loops (see
 * `slicer.ts`). `observe` is told the element count of every intermediate computed.
 *
 * @example
 * const part = runSliceSteps(steps, cutData); // one slice's cut operands' data; then add `part` into the output
 */
export function runSliceSteps(
  steps: SliceSteps,
  operands: readonly DataArray[],
  threads = 1,
  observe?: (elements: number) => void,
  versions?: SliceVersions,
): DataArray {
  const { run, kept, spec, values } = steps;
  const known = steps.versions;
  // without versions every slot is computed: version -2 never matches a stored one
  const operandVersion = (index: number): number => (versions === undefined ? -2 : (versions[index] as number));
  const slotVersions: number[] = [];
  const slots: DataArray[] = run.operands.map((prepared, index) => {
    const version = operandVersion(index);
    slotVersions.push(version);
    const data = operands[index] as DataArray;
    if (prepared.asIs) return data;
    if (version >= 0 && known[index] === version) return values[index] as DataArray;
    const reduced = reduceStrided(data, prepared.shape, prepared.labels, prepared.keep, spec.sizes).data;
    values[index] = reduced;
    known[index] = version;
    return reduced;
  });
  run.steps.forEach((step, index) => {
    const slot = run.operands.length + index;
    const version = step.kind === "reduce" ? (slotVersions[step.from] as number) : Math.max(slotVersions[step.left] as number, slotVersions[step.right] as number);
    slotVersions.push(version);
    if (version >= 0 && known[slot] === version) {
      slots.push(values[slot] as DataArray);
      return;
    }
    let result: DataArray;
    if (step.kind === "reduce") {
      result = reduceStrided(slots[step.from] as DataArray, step.shape, step.labels, step.keep, spec.sizes).data;
    } else {
      const left = slots[step.left] as DataArray;
      const into = (kept[index] ??= allocateLike(left, step.plan.size));
      result = runPair(step.plan, left, slots[step.right] as DataArray, threads, into);
    }
    values[slot] = result;
    known[slot] = version;
    slots.push(result);
    observe?.(result.length);
  });
  return slots[run.result] as DataArray;
}
