import { EinsumError } from "../einsum-error.js";
import { writeDataLength, writeNotScalar, writeReshapeSize } from "../messages.js";
import type { DataArrayOf, DTypeName } from "./dtype.js";
import { formatTensor } from "./format.js";
import { nest, type NestedArrayOf } from "./nested.js";
import { checkShape, sizeOf, type WritableShape } from "./shape.js";
import type { TensorLike } from "../execute/operand.js";
import type { ValidateReshape } from "../types/reshape.js";
import { runBackward } from "../autograd/backward.js";
import { markRequiresGrad, record, requiresGrad, storedGradient, storeGradient } from "../autograd/graph.js";

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * An n-dimensional array: a shape, a dtype and row-major contiguous data in the matching typed array. The shape is
 * part of the type, so `einsum` can check equations against it at compile time.
 *
 * @example
 * const a = tensor([[1, 2, 3], [4, 5, 6]]); // Tensor<[2, 3], "float64">
 * a.shape; //=> [2, 3]
 * String(a); //=> "tensor([[1., 2., 3.],\n        [4., 5., 6.]])"
 */
export class Tensor<out Shape extends readonly number[] = number[], DType extends DTypeName = "float64"> {
  /** The size of each dimension. */
  readonly shape: Shape;
  /** The element type. */
  readonly dtype: DType;
  /** The elements, row-major and contiguous. */
  readonly data: DataArrayOf[DType];

  /**
   * Wraps data of a given shape; the data's length must be the shape's size. Prefer the constructors
   * (`tensor`, `zeros`, `ones`, `arange`, `randn`).
   *
   * @example
   * new Tensor([2], "int32", new Int32Array([1, 2])).toArray(); //=> [1, 2]
   */
  constructor(shape: Shape, dtype: DType, data: DataArrayOf[DType]) {
    const checked = checkShape(shape);
    const expected = sizeOf(checked);
    if (data.length !== expected) {
      throw new EinsumError("DATA_LENGTH", writeDataLength(data.length, checked, expected));
    }
    this.shape = checked as Shape;
    this.dtype = dtype;
    this.data = data;
  }

  /**
   * The number of elements.
   *
   * @example
   * zeros([2, 3]).size; //=> 6
   */
  get size(): number {
    return this.data.length;
  }

  /**
   * The number of dimensions.
   *
   * @example
   * zeros([2, 3]).rank; //=> 2
   */
  get rank(): Shape["length"] {
    return this.shape.length;
  }

  /**
   * The same data under another shape of the same size. The data are shared, not copied. When both shapes are
   * literal, the compiler checks the sizes too: a mismatch is a type error with the run time's message.
   *
   * @example
   * arange(6).reshape([2, 3]); //=> Tensor<[2, 3], "int32">
   * arange(6).reshape([2, 3]).shape; //=> [2, 3]
   * // @ts-expect-error cannot reshape [6] (6 elements) into [4, 2] (8 elements)
   * arange(6).reshape([4, 2]);
   */
  reshape<const NewShape extends readonly number[]>(
    shape: ValidateReshape<Shape, NewShape>,
  ): Tensor<WritableShape<NewShape>, DType> {
    const checked = checkShape(shape);
    const size = sizeOf(checked);
    if (size !== this.size) {
      throw new EinsumError("RESHAPE_SIZE", writeReshapeSize(this.shape, this.size, checked, size));
    }
    const reshaped = new Tensor(checked as WritableShape<NewShape>, this.dtype, this.data);
    return record(reshaped, [this], (gradient) => [gradient]);
  }

  /**
   * Whether gradients flow to this tensor: it was made with `requiresGrad: true`, or an op computed it from one
   * that was (outside `noGrad`).
   *
   * @example
   * tensor([1, 2], [2], { requiresGrad: true }).requiresGrad; //=> true
   * zeros([2]).requiresGrad; //=> false
   */
  get requiresGrad(): boolean {
    return requiresGrad(this);
  }

  /**
   * The gradient that `backward()` calls have accumulated into this leaf tensor, of its own shape and dtype, or
   * `null` before any. Gradients add up over calls, as in PyTorch; set `grad = null` (or call `zeroGrad()`) to
   * start again.
   *
   * @example
   * const x = tensor([1, 2, 3], [3], { requiresGrad: true });
   * sum(mul(x, x)).backward();
   * x.grad; //=> Tensor<[3], "float64"> | null
   * x.grad?.toArray(); //=> [2, 4, 6]
   */
  get grad(): Tensor<Shape, DType> | null {
    return storedGradient(this) as Tensor<Shape, DType> | null;
  }

  set grad(value: null) {
    storeGradient(this, value);
  }

  /**
   * Forgets the accumulated gradient (the same as `grad = null`).
   *
   * @example
   * x.zeroGrad();
   * x.grad; //=> null
   */
  zeroGrad(): void {
    storeGradient(this, null);
  }

  /**
   * Back-propagates from this tensor: adds into the `grad` of every leaf it was computed from the gradient of
   * this tensor with respect to that leaf, weighted by `gradient` (the vector of a vector-Jacobian product, of this
   * tensor's shape). `gradient` may be left out only for a single-element tensor, such as a loss.
   *
   * @example
   * const w = tensor([1, 2], [2], { requiresGrad: true });
   * const y = mul(w, w);
   * y.backward(tensor([1, 1], y.shape));
   * w.grad?.toArray(); //=> [2, 4]
   */
  backward(gradient?: TensorLike<Shape> | TensorLike): void {
    runBackward(this, gradient, (leaf, data) => new Tensor(leaf.shape, leaf.dtype, data));
  }

  /**
   * The same data as a tensor that no gradient flows through (PyTorch's `detach()`).
   *
   * @example
   * randn([2], { requiresGrad: true }).detach().requiresGrad; //=> false
   */
  detach(): Tensor<Shape, DType> {
    return new Tensor(this.shape, this.dtype, this.data);
  }

  /**
   * Makes this leaf tensor require grad (or stop), in place, and returns it (PyTorch's `requires_grad_()`).
   * Only float tensors can require grad.
   *
   * @example
   * zeros([3]).setRequiresGrad(true).requiresGrad; //=> true
   */
  setRequiresGrad(flag = true): this {
    markRequiresGrad(this, flag);
    return this;
  }

  /**
   * The elements as nested arrays.
   *
   * @example
   * arange(4).reshape([2, 2]).toArray(); //=> [[0, 1], [2, 3]]
   */
  toArray(): NestedArrayOf<Shape> {
    return nest(this.data, this.shape) as NestedArrayOf<Shape>;
  }

  /**
   * The single element of a one-element tensor, such as the result of a full sum.
   *
   * @example
   * einsum("ij->", arange(6).reshape([2, 3])).item(); //=> 15
   */
  item(): number {
    if (this.size !== 1) throw new EinsumError("NOT_SCALAR", writeNotScalar(this.shape));
    return this.data[0] ?? 0;
  }

  /**
   * PyTorch's printed form.
   *
   * @example
   * arange(3).toString(); //=> "tensor([0, 1, 2])"
   */
  toString(): string {
    return formatTensor(this.data, this.shape, this.dtype);
  }

  /** What `console.log` prints in Node. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
