/**
 * The element-wise functions of one tensor: `neg`, `exp`, `log`, `tanh`, `sigmoid`, `relu`. Each keeps the shape;
 * the transcendental ones compute in a float dtype (int32 gives float32, as in PyTorch).
 */
import { record } from "../autograd/graph.js";
import { allocate } from "../tensor/dtype.js";
import type { DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import type { FloatDType } from "../ops-types/dtypes.js";
import { floatDType, opInput, type AnyTensor } from "./operand.js";

/** One unary function: its value, and its derivative at each element given the input and the output. */
interface UnaryKind {
  readonly float: boolean;
  apply(x: number): number;
  derivative(x: number, out: number): number;
}

const kinds = {
  neg: { float: false, apply: (x) => -x, derivative: () => -1 },
  exp: { float: true, apply: Math.exp, derivative: (_, out) => out },
  log: { float: true, apply: Math.log, derivative: (x) => 1 / x },
  tanh: { float: true, apply: Math.tanh, derivative: (_, out) => 1 - out * out },
  sigmoid: { float: true, apply: (x) => 1 / (1 + Math.exp(-x)), derivative: (_, out) => out * (1 - out) },
  relu: { float: false, apply: (x) => (x > 0 ? x : 0), derivative: (x) => (x > 0 ? 1 : 0) },
} satisfies Record<string, UnaryKind>;

function unary(kind: UnaryKind, value: unknown): AnyTensor {
  const input = opInput(value, 0);
  const dtype = kind.float ? floatDType(input.dtype) : input.dtype;
  const out = allocate(dtype, input.data.length);
  const x = input.data;
  for (let index = 0; index < out.length; index++) out[index] = kind.apply(x[index]!);
  return record(new Tensor(input.shape, dtype, out), [input.source], (gradient) => {
    const result = gradient.slice();
    for (let index = 0; index < result.length; index++) result[index] = result[index]! * kind.derivative(x[index]!, out[index]!);
    return [result];
  });
}

/**
 * `-x`, element-wise.
 *
 * @example
 * neg(tensor([1, -2])).toArray(); //=> [-1, 2]
 */
export function neg<Shape extends readonly number[], DType extends DTypeName>(x: Tensor<Shape, DType>): Tensor<Shape, DType> {
  return unary(kinds.neg, x) as Tensor<Shape, DType>;
}

/**
 * `e^x`, element-wise.
 *
 * @example
 * exp(tensor([0])).toArray(); //=> [1]
 */
export function exp<Shape extends readonly number[], DType extends DTypeName>(x: Tensor<Shape, DType>): Tensor<Shape, FloatDType<DType>> {
  return unary(kinds.exp, x) as Tensor<Shape, FloatDType<DType>>;
}

/**
 * The natural logarithm, element-wise.
 *
 * @example
 * log(tensor([1])).toArray(); //=> [0]
 */
export function log<Shape extends readonly number[], DType extends DTypeName>(x: Tensor<Shape, DType>): Tensor<Shape, FloatDType<DType>> {
  return unary(kinds.log, x) as Tensor<Shape, FloatDType<DType>>;
}

/**
 * The hyperbolic tangent, element-wise.
 *
 * @example
 * tanh(zeros([2, 3])); //=> Tensor<[2, 3], "float64">
 * tanh(tensor([0])).toArray(); //=> [0]
 */
export function tanh<Shape extends readonly number[], DType extends DTypeName>(x: Tensor<Shape, DType>): Tensor<Shape, FloatDType<DType>> {
  return unary(kinds.tanh, x) as Tensor<Shape, FloatDType<DType>>;
}

/**
 * The logistic function `1 / (1 + e^-x)`, element-wise.
 *
 * @example
 * sigmoid(tensor([0])).toArray(); //=> [0.5]
 */
export function sigmoid<Shape extends readonly number[], DType extends DTypeName>(x: Tensor<Shape, DType>): Tensor<Shape, FloatDType<DType>> {
  return unary(kinds.sigmoid, x) as Tensor<Shape, FloatDType<DType>>;
}

/**
 * `max(x, 0)`, element-wise; its gradient is 0 at 0, as PyTorch's.
 *
 * @example
 * relu(tensor([-1, 2])).toArray(); //=> [0, 2]
 */
export function relu<Shape extends readonly number[], DType extends DTypeName>(x: Tensor<Shape, DType>): Tensor<Shape, DType> {
  return unary(kinds.relu, x) as Tensor<Shape, DType>;
}
