import { record } from "../autograd/graph.js";
import { EinsumError } from "../einsum-error.js";
import { writeExpandShape } from "../messages.js";
import type { DTypeName } from "../tensor/dtype.js";
import { checkShape } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";
import type { ExpandShape } from "../ops-types/expand-shape.js";
import type { Checked, ShapeOrLoose } from "../ops-types/shape-edits.js";
import { looseTensor, tensorInput } from "./operand.js";
import { broadcastTo, sumToShape } from "./strided.js";

/**
 * The shape `expand` gives: `target` with each -1 replaced by the tensor's own size. Right-aligned, every size of
 * the tensor must be 1 or the target's; new leading dimensions cannot be -1. Throws `EXPAND_SHAPE` otherwise.
 *
 * @example
 * expandShape([1, 3], [4, -1]); //=> [4, 3]
 * expandShape([2, 3], [4, 4]); // throws EXPAND_SHAPE
 */
export function expandShape(shape: readonly number[], target: readonly number[]): number[] {
  if (!Array.isArray(target)) checkShape(target);
  const refuse = (back: number): EinsumError => new EinsumError("EXPAND_SHAPE", writeExpandShape(shape, target, -back));
  if (target.length < shape.length) throw refuse(target.length + 1);
  const result: number[] = [];
  for (let back = 1; back <= target.length; back++) {
    const wanted = target[target.length - back]!;
    const own = shape[shape.length - back];
    if (own === undefined) {
      if (wanted === -1) throw refuse(back);
      result.unshift(wanted);
    } else if (wanted === -1 || wanted === own) result.unshift(own);
    else if (own === 1) result.unshift(wanted);
    else throw refuse(back);
  }
  checkShape(result);
  return result;
}

/**
 * The tensor broadcast to a larger shape, as PyTorch's `expand` (-1 keeps a size). The result is a copy here;
 * its gradient sums back onto the original shape. Its shape is computed at compile time, and a size that is
 * neither 1 nor the target's is a type error with the run time's message.
 *
 * @example
 * expand(zeros([1, 3]), [4, -1]); //=> Tensor<[4, 3], "float64">
 * expand(tensor([1, 2]), [2, 2]).toArray(); //=> [[1, 2], [1, 2]]
 */
export function expand<Shape extends readonly number[], DType extends DTypeName, const Target extends readonly number[]>(
  x: Tensor<Shape, DType>,
  shape: Checked<ExpandShape<Shape, Target>, Target>,
): Tensor<ShapeOrLoose<ExpandShape<Shape, Target>>, DType> {
  const input = tensorInput(x, 0);
  return expandTo(input, expandShape(input.shape, shape as readonly number[])) as Tensor<ShapeOrLoose<ExpandShape<Shape, Target>>, DType>;
}

/**
 * The tensor broadcast to the shape of `other` (PyTorch's `expand_as`).
 *
 * @example
 * expandAs(zeros([3]), zeros([2, 3])); //=> Tensor<[2, 3], "float64">
 */
export function expandAs<Shape extends readonly number[], DType extends DTypeName, const Target extends readonly number[]>(
  x: Tensor<Shape, DType>,
  other: Tensor<Target, DTypeName> & { readonly shape: Checked<ExpandShape<Shape, Target>, Target> },
): Tensor<ShapeOrLoose<ExpandShape<Shape, Target>>, DType> {
  const input = tensorInput(x, 0);
  return expandTo(input, expandShape(input.shape, tensorInput(other, 1).shape)) as Tensor<ShapeOrLoose<ExpandShape<Shape, Target>>, DType>;
}

function expandTo(x: Tensor<readonly number[], DTypeName>, shape: readonly number[]): Tensor<readonly number[], DTypeName> {
  const data = broadcastTo(x.data, x.shape, shape, x.dtype);
  const result = looseTensor(shape, x.dtype, data === x.data ? data.slice() : data);
  return record(result, [x], (gradient) => [sumToShape(gradient, shape, x.shape)]);
}
