/**
 * einsum with gradients under a memory limit that slices the run. The forward pass is the plain sliced run
 * (`execute/run-sliced.ts`): one slice at a time, each slice's intermediates dropped once its result is added into
 * the output. Keeping them for the backward pass would hold every slice's intermediates at once, the very memory
 * the limit forbids, so the backward pass recomputes instead: for each slice in turn it runs the slice's forward
 * pass again keeping its intermediates, carries the slice's part of the output's gradient back through them (the
 * same reverse walk as an unsliced call, `einsum-recorded.ts`), and adds the cut operands' gradients into the
 * operands' gradients at the slice's place. No intermediate and no intermediate's gradient passes the limit; what
 * a recorded sliced call holds between its forward and backward passes is its operands only (as references), and
 * during the backward pass one slice's intermediates and their gradients, the operands' gradients being built, and
 * the output's gradient. It costs about one forward pass more than an unsliced backward pass.
 */
import type { Operand } from "../execute/operand.js";
import type { PreparedEinsum } from "../execute/run-einsum.js";
import { promotedDType } from "../execute/run-path.js";
import { addInto, cutOffset, cutOperand, forEachSlice, runSliced } from "../execute/run-sliced.js";
import { allocate, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { sizeOf, stridesOf } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";
import { backwardThroughRun, forwardKeeping, neededOperands } from "./recorded-run.js";
import { record } from "./graph.js";

/**
 * Runs a prepared einsum call that a memory limit slices, and records it for gradients. `observe`, when given, is
 * told the element count of every intermediate and intermediate's gradient of every slice, forward and backward.
 *
 * @example
 * const a = randn([4, 8], { seed: 1, requiresGrad: true });
 * const prepared = prepareEinsum(["ab,bc,cd->ad", a, randn([8, 8]), randn([8, 4]), { memoryLimit: 8 }]);
 * recordedSlicedEinsum(prepared).requiresGrad; //=> true
 */
export function recordedSlicedEinsum(prepared: PreparedEinsum, observe?: (elements: number) => void): Tensor<number[], DTypeName> {
  const { call, operands, spec, path, sliced, threads, maxElements } = prepared;
  const result = runSliced(spec, operands, path, sliced, threads, maxElements, observe);
  return record(result, call.operands, (gradient, needed) =>
    slicedBackward(prepared, gradient, neededOperands(call.operands, needed), observe),
  );
}

/** The operands' gradients, summed slice by slice over forward passes run again. */
function slicedBackward(
  { spec, operands, path, sliced, threads, maxElements }: PreparedEinsum,
  gradient: DataArray,
  needed: readonly boolean[],
  observe?: (elements: number) => void,
): (DataArray | undefined)[] {
  const dtype = promotedDType(operands);
  const gradients = operands.map((operand, index) => (needed[index] ? allocate(dtype, sizeOf(operand.shape)) : undefined));
  const outputGradient: Operand = { shape: spec.output.map((label) => spec.sizes[label] ?? 1), data: gradient, dtype };
  forEachSlice(spec, sliced, ({ sliceSpec, isSliced, values }) => {
    const cut = operands.map((operand, index) => cutOperand(operand, spec.inputs[index] ?? [], isSliced, values));
    const { run, slots } = forwardKeeping(sliceSpec, cut, path, dtype, threads, maxElements, observe);
    const cutGradient = cutOperand(outputGradient, spec.output, isSliced, values).data;
    const parts = backwardThroughRun(run, sliceSpec, slots, cutGradient, needed, threads, observe);
    parts.forEach((part, index) => {
      const target = gradients[index];
      if (part === undefined || target === undefined) return;
      const { shape } = operands[index]!;
      const labels = spec.inputs[index] ?? [];
      addInto(target, part, cutOffset(shape, labels, isSliced, values), cut[index]!.shape, stridesOf(shape));
    });
  });
  return gradients;
}
