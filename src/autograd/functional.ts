import { EinsumError } from "../einsum-error.js";
import { writeInvalidOperand, writeInvalidOption } from "../messages.js";
import type { DTypeName } from "../tensor/dtype.js";
import { describeEntry } from "../tensor/nested.js";
import { Tensor } from "../tensor/tensor.js";
import type { TensorLike } from "../execute/operand.js";
import { zeros } from "../tensor/constructors.js";
import { markRequiresGrad } from "./graph.js";

/** The tensors a function of tensors takes. */
type Primals = readonly Tensor<readonly number[], DTypeName>[];

/**
 * JAX's `vjp`: runs `fn` on the primals and returns its result with a function that maps a cotangent of the
 * result's shape to the vector-Jacobian product, one gradient per primal, each of that primal's shape and dtype. It
 * runs on the same machinery as `backward()`: the primals are not changed, and the pullback may be called again.
 * A primal that is not a `Tensor` is refused with `INVALID_OPERAND`, a `fn` that is not a function with
 * `INVALID_OPTION`.
 *
 * @example
 * const [out, pullback] = vjp((a, b) => einsum("ij,jk->ik", a, b), randn([2, 3]), randn([3, 4]));
 * const [da, db] = pullback(ones([2, 4])); // Tensor<[2, 3], "float64">, Tensor<[3, 4], "float64">
 */
export function vjp<const Inputs extends Primals, Result extends Tensor<readonly number[], DTypeName>>(
  fn: (...inputs: Inputs) => Result,
  ...primals: Inputs
): [Result, (cotangent: TensorLike) => { -readonly [Index in keyof Inputs]: Inputs[Index] }] {
  checkFunction(fn);
  const leaves = primals.map((primal, position) => {
    if (!((primal as unknown) instanceof Tensor)) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(position));
    const leaf = primal.detach();
    markRequiresGrad(leaf, true);
    return leaf;
  }) as unknown as Inputs;
  const result = fn(...leaves);
  const pullback = (cotangent: TensorLike) => {
    for (const leaf of leaves) leaf.grad = null;
    result.backward(cotangent);
    return leaves.map((leaf) => leaf.grad ?? zeros(leaf.shape, leaf.dtype)) as unknown as { -readonly [Index in keyof Inputs]: Inputs[Index] };
  };
  return [result, pullback];
}

/**
 * JAX's `grad`: turns a function returning a single-element tensor (a loss) into one returning its gradients with
 * respect to every argument, each of that argument's shape and dtype. The arguments must be tensors, as in
 * {@link vjp}.
 *
 * @example
 * const gradients = grad((x: Tensor<[3]>) => sum(mul(x, x)));
 * gradients(tensor([1, 2, 3]))[0].toArray(); //=> [2, 4, 6]
 */
export function grad<const Inputs extends Primals>(
  fn: (...inputs: Inputs) => Tensor<readonly number[], DTypeName>,
): (...inputs: Inputs) => { -readonly [Index in keyof Inputs]: Inputs[Index] } {
  checkFunction(fn);
  return (...inputs) => {
    const [result, pullback] = vjp(fn, ...inputs);
    return pullback({ shape: result.shape, data: [1] });
  };
}

/** Refuses a differentiated function that is not one, before anything runs. */
function checkFunction(fn: unknown): void {
  if (typeof fn !== "function") throw new EinsumError("INVALID_OPTION", writeInvalidOption("fn", describeEntry(fn), "a function of tensors"));
}
