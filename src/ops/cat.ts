import { record } from "../autograd/graph.js";
import { EinsumError } from "../einsum-error.js";
import { writeCatEmpty, writeCatShape, writeInvalidOperand } from "../messages.js";
import { allocate, promoteTypes, type DataArray, type DTypeName, type PromoteAll } from "../tensor/dtype.js";
import { sizeOf } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";
import type { CatShape } from "../ops-types/cat-shape.js";
import type { Checked, ShapeOrLoose } from "../ops-types/shape-edits.js";
import { normalizeDim } from "./normalize-dim.js";
import { looseTensor, tensorInput } from "./operand.js";

/**
 * The shape of tensors joined along `dim`: they must have the same rank and agree everywhere but at `dim`, whose
 * sizes add up. Throws `CAT_SHAPE`, `DIM_OUT_OF_RANGE` or, for no tensors, `CAT_SHAPE`.
 *
 * @example
 * catShape([[4, 1], [4, 6]], 1); //=> [4, 7]
 */
export function catShape(shapes: readonly (readonly number[])[], dim: number): number[] {
  const [first] = shapes;
  if (first === undefined) throw new EinsumError("CAT_SHAPE", writeCatEmpty());
  const index = normalizeDim(dim, first.length, first.length);
  let joined = 0;
  shapes.forEach((shape, position) => {
    const agrees = shape.length === first.length && shape.every((size, axis) => axis === index || size === first[axis]);
    if (!agrees) throw new EinsumError("CAT_SHAPE", writeCatShape(position, shape, first, dim));
    joined += shape[index]!;
  });
  return first.map((size, axis) => (axis === index ? joined : size));
}

type Shapes<Tensors> = { [Index in keyof Tensors]: Tensors[Index] extends Tensor<infer Shape, DTypeName> ? Shape : number[] };
type DTypes<Tensors> = { [Index in keyof Tensors]: Tensors[Index] extends { readonly dtype: infer DType extends DTypeName } ? DType : never };

/**
 * Joins tensors along `dim` (PyTorch's `cat`); the dtype is their promoted one. The joined size is computed at
 * compile time: the exact sum for literal sizes, `number` when one is not known or symbolic. Tensors that disagree
 * outside `dim` are a type error with the run time's message.
 *
 * @example
 * cat([zeros([4, 1]), zeros([4, 6])], 1); //=> Tensor<[4, 7], "float64">
 * cat([tensor([1]), tensor([2, 3])], 0).toArray(); //=> [1, 2, 3]
 */
export function cat<const Tensors extends readonly Tensor<readonly number[], DTypeName>[], const Dim extends number>(
  tensors: Tensors,
  dim: Checked<CatShape<Shapes<Tensors>, Dim>, Dim>,
): Tensor<ShapeOrLoose<CatShape<Shapes<Tensors>, Dim>>, PromoteAll<DTypes<Tensors>>> {
  if (!Array.isArray(tensors)) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(0));
  const inputs = tensors.map(tensorInput);
  const shape = catShape(
    inputs.map((tensor) => tensor.shape),
    dim as number,
  );
  const index = normalizeDim(dim, shape.length, shape.length);
  const dtype = inputs.reduce<DTypeName>((chosen, tensor) => promoteTypes(chosen, tensor.dtype), inputs[0]!.dtype);
  const inner = sizeOf(shape.slice(index + 1));
  const outer = sizeOf(shape.slice(0, index));
  const widths = inputs.map((tensor) => (tensor.shape[index] ?? 0) * inner);
  const total = widths.reduce((sum, width) => sum + width, 0);
  const out = allocate(dtype, sizeOf(shape));
  let start = 0;
  inputs.forEach((tensor, position) => {
    const width = widths[position]!;
    for (let block = 0; block < outer; block++) out.set(tensor.data.subarray(block * width, (block + 1) * width), block * total + start);
    start += width;
  });
  const result = looseTensor(shape, dtype, out);
  return record(result, inputs, (gradient) => {
    let from = 0;
    return inputs.map((_, position) => {
      const width = widths[position]!;
      const part: DataArray = allocate(dtype, width * outer);
      for (let block = 0; block < outer; block++) part.set(gradient.subarray(block * total + from, block * total + from + width), block * width);
      from += width;
      return part;
    });
  }) as Tensor<ShapeOrLoose<CatShape<Shapes<Tensors>, Dim>>, PromoteAll<DTypes<Tensors>>>;
}
