import { runPair } from "../kernels/contract-pair.js";
import { reduceStrided } from "../kernels/strided-reduce.js";
import type { NormalizedSpec } from "../parse/spec.js";
import { promoteTypes, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import { castData } from "./cast.js";
import { compileRun, type CompiledRun } from "./compiled-run.js";
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
 * @example
 * runPath(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [a, b], [[0, 1]]); // a Tensor of shape [2, 2]
 */
export function runPath(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  path: readonly (readonly number[])[],
  threads = 1,
  observe?: (elements: number) => void,
): Tensor<number[], DTypeName> {
  let dtype: DTypeName = operands[0]?.dtype ?? "float64";
  for (const operand of operands) dtype = promoteTypes(dtype, operand.dtype);
  const run = compiledRun(spec, operands, path);
  const slots: (DataArray | undefined)[] = [];
  run.operands.forEach((prepared, index) => {
    const data = castData(operands[index]!.data, dtype);
    // Pairwise steps never write their inputs, so an operand with nothing to reduce is used as it is.
    slots.push(prepared.asIs ? data : reduceStrided(data, prepared.shape, prepared.labels, prepared.keep, spec.sizes).data);
  });
  for (const step of run.steps) {
    if (step.kind === "reduce") {
      slots.push(reduceStrided(take(slots, step.from), step.shape, step.labels, step.keep, spec.sizes).data);
    } else {
      slots.push(runPair(step.plan, take(slots, step.left), take(slots, step.right), threads));
    }
    observe?.((slots[slots.length - 1] as DataArray).length);
  }
  return new Tensor(run.outputShape.slice(), dtype, take(slots, run.result));
}

function compiledRun(spec: NormalizedSpec, operands: readonly Operand[], path: readonly (readonly number[])[]): CompiledRun {
  let key = "";
  for (const step of path) key += `${step.join(",")};`;
  let runs = runsBySpec.get(spec);
  const kept = runs?.get(key);
  if (kept !== undefined) return kept;
  const run = compileRun(
    spec,
    operands.map((operand) => operand.shape),
    path,
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
