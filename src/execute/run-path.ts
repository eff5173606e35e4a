import { runPair } from "../kernels/contract-pair.js";
import { releaseScratch } from "../kernels/scratch-pool.js";
import { reduceStrided } from "../kernels/reductions/strided-reduce.js";
import type { NormalizedSpec } from "../parse/spec.js";
import { dtypeOfData, promoteTypes, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import { castData } from "./cast.js";
import { compileRun, type CompiledRun } from "./compiled-run.js";
import { checkExactSum, largestMagnitude, summedTerms, toInt32 } from "./integers.js";
import { checkElements, checkMaxElements } from "./limits.js";
import type { Operand } from "./operand.js";

/** Compiled runs per spec object (parsed equations are cached, so a repeated call brings the same one), by path. */
const runsBySpec = new WeakMap<NormalizedSpec, Map<string, CompiledRun>>();

/**
 * Executes a normalized einsum along a contraction path (opt_einsum's linear format). Each operand is first
 * reduced on its own (diagonals, labels no one else needs, broadcast size-1 dimensions); then each step of the
 * path contracts its operands pairwise and appends the result; the last step writes the output's label order.
 * The plan of the run (see `compiled-run.ts`) is kept per spec and path, so a repeated call skips it. The
 * operands must have the shapes `spec` was normalized from. `observe`, when given, is told the element count of
 * every intermediate the run forms.
 *
 * No array of the run may pass `maxElements` (`TOO_LARGE`, before anything is allocated). int32 operands are
 * contracted exactly in float64, each step's sums bounded first, and the result must fit in int32
 * (`INTEGER_OVERFLOW` otherwise, see `integers.ts`).
 *
 * @example
 * runPath(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [a, b], [[0, 1]]); // a Tensor of shape [2, 2]
 */
export function runPath(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  path: readonly (readonly number[])[],
  threads = 1,
  maxElements = checkMaxElements(undefined),
  observe?: (elements: number) => void,
): Tensor<number[], DTypeName> {
  const dtype = promotedDType(operands);
  const exact = dtype === "int32";
  const computed: DTypeName = exact ? "float64" : dtype;
  const run = compiledRun(spec, operands, path, maxElements);
  operands.forEach((operand, index) => {
    if (dtypeOfData(operand.data) !== computed) checkElements(`the ${computed} copy of operand ${index}`, operand.data.length, maxElements);
  });
  const slots: (DataArray | undefined)[] = [];
  const largest: number[] = [];
  const store = (data: DataArray): void => {
    slots.push(data);
    if (exact) largest.push(largestMagnitude(data));
  };
  const sizeOfLabel = (label: number): number => spec.sizes[label] ?? 1;
  run.operands.forEach((prepared, index) => {
    const data = castData(operands[index]!.data, computed);
    if (exact && !prepared.asIs) {
      const ownSize = (label: number): number => prepared.shape[prepared.labels.indexOf(label)] ?? 1;
      checkExactSum(largestMagnitude(data), summedTerms(prepared.labels, [], prepared.keep, ownSize));
    }
    // Pairwise steps never write their inputs, so an operand with nothing to reduce is used as it is.
    store(prepared.asIs ? data : reduceStrided(data, prepared.shape, prepared.labels, prepared.keep, spec.sizes).data);
  });
  // Slots from here on hold intermediates of this call: once read, they go back to the scratch pool.
  const firstIntermediate = slots.length;
  const consume = (slot: number): DataArray => {
    const data = take(slots, slot);
    if (slot >= firstIntermediate) done.push(data);
    return data;
  };
  const done: DataArray[] = [];
  for (const step of run.steps) {
    if (step.kind === "reduce") {
      if (exact) {
        const ownSize = (label: number): number => step.shape[step.labels.indexOf(label)] ?? 1;
        checkExactSum(largest[step.from]!, summedTerms(step.labels, [], step.keep, ownSize));
      }
      store(reduceStrided(consume(step.from), step.shape, step.labels, step.keep, spec.sizes).data);
    } else {
      if (exact) {
        const terms = summedTerms(run.labelsOf[step.left] ?? [], run.labelsOf[step.right] ?? [], step.plan.keep, sizeOfLabel);
        checkExactSum(largest[step.left]! * largest[step.right]!, terms);
      }
      store(runPair(step.plan, consume(step.left), consume(step.right), threads));
    }
    observe?.((slots[slots.length - 1] as DataArray).length);
    for (const data of done.splice(0)) releaseScratch(data);
  }
  const result = take(slots, run.result);
  return new Tensor(run.outputShape.slice(), dtype, exact ? toInt32(result) : result);
}

/**
 * The dtype of a run's result: the operands' dtypes promoted as PyTorch does (float64 for no operands).
 *
 * @example
 * promotedDType([{ dtype: "int32" }, { dtype: "float32" }]); //=> "float32"
 */
export function promotedDType(operands: readonly Pick<Operand, "dtype">[]): DTypeName {
  let dtype: DTypeName = operands[0]?.dtype ?? "float64";
  for (const operand of operands) dtype = promoteTypes(dtype, operand.dtype);
  return dtype;
}

/**
 * The compiled run of `spec` along `path`, kept per spec and path when it is small enough; no array of it may pass
 * `maxElements`.
 *
 * @example
 * compiledRun(spec, operands, [[0, 1]]).steps.length; //=> 1 for a matrix product
 */
export function compiledRun(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  path: readonly (readonly number[])[],
  maxElements: number = checkMaxElements(undefined),
): CompiledRun {
  let key = "";
  for (const step of path) key += `${step.join(",")};`;
  let runs = runsBySpec.get(spec);
  const kept = runs?.get(key);
  // A run kept under a larger limit is planned again, to name the step that passes this one.
  if (kept !== undefined && kept.largest <= maxElements) return kept;
  const run = compileRun(
    spec,
    operands.map((operand) => operand.shape),
    path,
    maxElements,
  );
  if (run.worthKeeping) {
    if (runs === undefined) runsBySpec.set(spec, (runs = new Map()));
    runs.set(key, run);
  }
  return run;
}

/** The data in a slot, which is then cleared: each intermediate is read once and may be collected after. */
function take(slots: (DataArray | undefined)[], slot: number): DataArray {
  const data = slots[slot];
  if (data === undefined) throw new RangeError(`slot ${slot} of the run is empty`);
  slots[slot] = undefined;
  return data;
}
