import type { EinsumOptions } from "./execute/arguments.js";
import type { TensorLike } from "./execute/operand.js";
import { runEinsum } from "./execute/run-einsum.js";
import type { DTypeName } from "./tensor/dtype.js";
import type { Tensor } from "./tensor/tensor.js";

/**
 * Einstein summation with NumPy's semantics: `einsum(equation, ...operands)`, `einsum(equation, operands)` (the
 * operand-list form), or NumPy's sublist form `einsum(a, [0, 1], b, [1, 2], [0, 2])`, each with an optional
 * trailing options object.
 *
 * @example
 * const a = arange(6).reshape([2, 3]);
 * einsum("ij->ji", a).toArray(); //=> [[0, 3], [1, 4], [2, 5]]
 * einsum("ik,kj->ij", [a, arange(15).reshape([3, 5])]).toArray(); //=> [[25, 28, 31, 34, 37], [70, 82, 94, 106, 118]]
 * einsum(a, [0, 1], [1, 0]).shape; //=> [3, 2]
 */
export function einsum(
  equation: string,
  ...operandsAndOptions: [...TensorLike[], EinsumOptions] | TensorLike[]
): Tensor<number[], DTypeName>;
export function einsum(
  equation: string,
  operands: readonly TensorLike[],
  options?: EinsumOptions,
): Tensor<number[], DTypeName>;
export function einsum(...sublistArguments: unknown[]): Tensor<number[], DTypeName>;
export function einsum(...args: unknown[]): Tensor<number[], DTypeName> {
  return runEinsum(args);
}
