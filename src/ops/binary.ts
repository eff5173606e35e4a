/**
 * `add`, `sub`, `mul` and `div`: element-wise, with NumPy's broadcasting, differentiable. The gradient with
 * respect to an operand is summed back over the dimensions the operand was broadcast along.
 */
import { record } from "../autograd/graph.js";
import { allocate, type DataArray, type DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import type { BinaryDType, BinaryOperand, FloatDType } from "../ops-types/dtypes.js";
import type { BinaryShape, CheckBroadcast } from "../ops-types/binary.js";
import { broadcastShapes } from "./broadcast-shapes.js";
import { binaryDType, floatDType, opInput, type AnyTensor, type OpInput } from "./operand.js";
import { broadcastTo, sumToShape } from "./strided.js";

/** One binary op: its value, and its two partial derivatives at each element (given both inputs and the output). */
interface BinaryKind {
  readonly float: boolean;
  apply(left: number, right: number): number;
  leftPartial(left: number, right: number, out: number): number;
  rightPartial(left: number, right: number, out: number): number;
}

/** The partial derivative of a sum: the gradient passes through unchanged. */
const one = (): number => 1;

const kinds = {
  add: { float: false, apply: (x, y) => x + y, leftPartial: one, rightPartial: one },
  sub: { float: false, apply: (x, y) => x - y, leftPartial: one, rightPartial: () => -1 },
  mul: { float: false, apply: (x, y) => x * y, leftPartial: (_, y) => y, rightPartial: (x) => x },
  div: { float: true, apply: (x, y) => x / y, leftPartial: (_, y) => 1 / y, rightPartial: (_, y, out) => -out / y },
} satisfies Record<string, BinaryKind>;

function binary(kind: BinaryKind, leftValue: unknown, rightValue: unknown): AnyTensor {
  const left = opInput(leftValue, 0);
  const right = opInput(rightValue, 1);
  const shape = broadcastShapes(left.shape, right.shape);
  const promoted = binaryDType(left, right);
  const dtype: DTypeName = kind.float ? floatDType(promoted) : promoted;
  const x = broadcastTo(left.data, left.shape, shape, dtype);
  const y = broadcastTo(right.data, right.shape, shape, dtype);
  const out = allocate(dtype, x.length);
  for (let index = 0; index < out.length; index++) out[index] = kind.apply(x[index]!, y[index]!);
  const result = new Tensor(shape, dtype, out);
  return record(result, [left.source, right.source], (gradient, needed) => [
    needed[0] ? partialGradient(kind.leftPartial, gradient, x, y, out, shape, left) : undefined,
    needed[1] ? partialGradient(kind.rightPartial, gradient, x, y, out, shape, right) : undefined,
  ]);
}

function partialGradient(
  partial: BinaryKind["leftPartial"],
  gradient: DataArray,
  x: DataArray,
  y: DataArray,
  out: DataArray,
  shape: readonly number[],
  input: OpInput,
): DataArray {
  if (partial === one) return sumToShape(gradient, shape, input.shape);
  const full = gradient.slice();
  for (let index = 0; index < full.length; index++) full[index] = full[index]! * partial(x[index]!, y[index]!, out[index]!);
  return sumToShape(full, shape, input.shape);
}

/**
 * A binary op's signature: two operands (tensors or numbers) whose shapes broadcast, checked at compile time.
 *
 * @example
 * const plus: BinaryOp = add;
 */
export interface BinaryOp {
  <const Left extends BinaryOperand, const Right extends BinaryOperand>(
    left: Left,
    right: CheckBroadcast<Left, Right>,
  ): Tensor<BinaryShape<Left, Right>, BinaryDType<Left, Right>>;
}

/**
 * `div`'s signature: as {@link BinaryOp}, with a float result.
 *
 * @example
 * const over: DivOp = div;
 */
export interface DivOp {
  <const Left extends BinaryOperand, const Right extends BinaryOperand>(
    left: Left,
    right: CheckBroadcast<Left, Right>,
  ): Tensor<BinaryShape<Left, Right>, FloatDType<BinaryDType<Left, Right>>>;
}

/**
 * `left + right`, element-wise with NumPy's broadcasting (right-aligned; a size 1 stretches). Either side may be a
 * plain number. The result's shape is computed at compile time; shapes that cannot broadcast are a type error with
 * the run time's message.
 *
 * @example
 * add(zeros([2, 5, 3]), ones([5, 3])); //=> Tensor<[2, 5, 3], "float64">
 * add(tensor([1, 2]), 10).toArray(); //=> [11, 12]
 * // @ts-expect-error shapes [2, 3] and [4] do not broadcast: dimension -1 is 3 in the first and 4 in the second
 * add(zeros([2, 3]), zeros([4]));
 */
export const add: BinaryOp = (left, right) => binary(kinds.add, left, right) as never;

/**
 * `left - right`, element-wise with broadcasting.
 *
 * @example
 * sub(tensor([5, 7]), tensor([1])).toArray(); //=> [4, 6]
 */
export const sub: BinaryOp = (left, right) => binary(kinds.sub, left, right) as never;

/**
 * `left * right`, element-wise with broadcasting.
 *
 * @example
 * mul(tensor([[1, 2], [3, 4]]), tensor([10, 100])).toArray(); //=> [[10, 200], [30, 400]]
 */
export const mul: BinaryOp = (left, right) => binary(kinds.mul, left, right) as never;

/**
 * `left / right`, element-wise with broadcasting; true division, so int32 operands give float32.
 *
 * @example
 * div(tensor([1, 3]), 2).toArray(); //=> [0.5, 1.5]
 */
export const div: DivOp = (left, right) => binary(kinds.div, left, right) as never;
