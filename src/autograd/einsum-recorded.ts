/**
 * einsum with gradients. The forward pass runs the same compiled plan as the plain einsum (its operand
 * reductions, then its pairwise steps along the optimizer's path) but keeps every intermediate. The backward
 * pass walks that plan once in reverse: the gradient of a pairwise step `A·B → C` with respect to A is the
 * pairwise product of C's gradient with B into A's labels (and the same for B), and the gradient of a reduction
 * (diagonal, sum, dropped size-1 dimension, permutation) scatters back onto its input. An N-operand einsum thus
 * costs about twice its forward steps, never N separate einsums.
 */
import { prepareEinsum } from "../execute/run-einsum.js";
import { promotedDType } from "../execute/run-path.js";
import type { DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import { recordedSlicedEinsum } from "./einsum-sliced.js";
import { needsRecording, record } from "./graph.js";
import { backwardThroughRun, forwardKeeping, neededOperands } from "./recorded-run.js";

/**
 * Whether an einsum call must be recorded: recording is on and some operand requires grad, in any call form.
 *
 * @example
 * einsumNeedsRecording(["ij,jk", a, b]); //=> true when a or b requires grad
 */
export function einsumNeedsRecording(args: readonly unknown[]): boolean {
  const listed = args[1];
  return needsRecording(args) || (Array.isArray(listed) && needsRecording(listed));
}

/**
 * Runs an einsum call (any call form) and records it for gradients. A call that a memory limit slices runs sliced
 * and records the slices' backward pass (see `einsum-sliced.ts`). `observe`, when given, is told the element count
 * of every intermediate and every intermediate's gradient, forward and backward.
 *
 * @example
 * const W = randn([5, 3, 3], { seed: 1, requiresGrad: true });
 * recordedEinsum(["bk,aki->bai", randn([2, 3]), W]).requiresGrad; //=> true
 */
export function recordedEinsum(args: readonly unknown[], observe?: (elements: number) => void): Tensor<number[], DTypeName> {
  const prepared = prepareEinsum(args);
  if (prepared.sliced.length > 0) return recordedSlicedEinsum(prepared, observe);
  const { call, operands, spec, path, threads, maxElements } = prepared;
  const dtype = promotedDType(operands);
  const { run, slots } = forwardKeeping(spec, operands, path, dtype, threads, maxElements, observe);
  // A lone operand's result is already a copy; pairwise results are fresh arrays, so the output owns its data.
  const result = new Tensor(run.outputShape.slice(), dtype, slots[run.result]!);
  return record(result, call.operands, (gradient, needed) =>
    backwardThroughRun(run, spec, slots, gradient, neededOperands(call.operands, needed), threads, observe),
  );
}
