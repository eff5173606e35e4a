/**
 * The recorded graph. A tensor that requires grad is either a leaf (made with `requiresGrad: true`) or the result
 * of an op on such a tensor, which then holds a {@link GradNode}: the op's inputs and how to carry the result's
 * gradient back to each. The graph lives beside the tensors (weak maps), so tensors without gradients carry
 * nothing and cost nothing.
 */
import { EinsumError } from "../einsum-error.js";
import { writeGradDType } from "../messages.js";
import type { DataArray, DTypeName } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";
import { isRecording } from "./grad-mode.js";

/** Any tensor, as the graph sees it. */
export type AnyTensor = Tensor<readonly number[], DTypeName>;

/**
 * One recorded op: its inputs, and the vector-Jacobian product that turns the gradient of its result (data of the
 * result's shape and dtype) into the gradient of each input (data of that input's shape, in the result's dtype),
 * or `undefined` for an input that needs none.
 *
 * @example
 * const node: GradNode = { inputs: [x], backward: (gradient) => [gradient] }; // the identity
 */
export interface GradNode {
  readonly inputs: readonly unknown[];
  backward(gradient: DataArray, needed: readonly boolean[]): readonly (DataArray | undefined)[];
}

const requiring = new WeakSet<object>();
const nodes = new WeakMap<object, GradNode>();
const gradients = new WeakMap<object, AnyTensor>();

/**
 * Whether a value is a tensor that requires grad.
 *
 * @example
 * requiresGrad(randn([2], { requiresGrad: true })); //=> true
 */
export function requiresGrad(value: unknown): boolean {
  return typeof value === "object" && value !== null && requiring.has(value);
}

/**
 * Marks a leaf tensor as requiring grad (or not). Only float tensors can: an int32 one is refused as PyTorch does.
 *
 * @example
 * markRequiresGrad(zeros([2]), true);
 */
export function markRequiresGrad(tensor: AnyTensor, flag: boolean): void {
  if (!flag) {
    requiring.delete(tensor);
    return;
  }
  if (tensor.dtype === "int32") throw new EinsumError("GRAD_DTYPE", writeGradDType(tensor.dtype));
  requiring.add(tensor);
}

/**
 * Records `result` as computed from `inputs` by an op whose gradient `backward` gives, when recording is on and
 * some input requires grad; returns `result` either way.
 *
 * @example
 * record(doubled, [x], (gradient) => [gradient.map((value) => 2 * value)]);
 */
export function record<Result extends AnyTensor>(
  result: Result,
  inputs: readonly unknown[],
  backward: GradNode["backward"],
): Result {
  if (!isRecording() || result.dtype === "int32" || !inputs.some(requiresGrad)) return result;
  requiring.add(result);
  nodes.set(result, { inputs, backward });
  return result;
}

/**
 * The op that produced a tensor, when it was recorded.
 *
 * @example
 * nodeOf(leaf); //=> undefined
 */
export function nodeOf(tensor: object): GradNode | undefined {
  return nodes.get(tensor);
}

/**
 * Whether recording is on and some value requires grad: whether an op on these inputs must be recorded.
 *
 * @example
 * needsRecording([x, y]); //=> true when x or y requires grad
 */
export function needsRecording(inputs: readonly unknown[]): boolean {
  return isRecording() && inputs.some(requiresGrad);
}

/**
 * The gradient stored on a leaf, or `null`.
 *
 * @example
 * storedGradient(leaf); //=> null before any backward()
 */
export function storedGradient(tensor: object): AnyTensor | null {
  return gradients.get(tensor) ?? null;
}

/**
 * Sets or clears (with `null`) the gradient stored on a leaf.
 *
 * @example
 * storeGradient(leaf, null);
 */
export function storeGradient(tensor: object, gradient: AnyTensor | null): void {
  if (gradient === null) gradients.delete(tensor);
  else gradients.set(tensor, gradient);
}
