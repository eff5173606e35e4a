import { EinsumError } from "../einsum-error.js";
import { writeDataLength, writeNotScalar, writeReshapeSize } from "../messages.js";
import type { DataArrayOf, DTypeName } from "./dtype.js";
import { formatTensor } from "./format.js";
import { nest, type NestedArrayOf } from "./nested.js";
import { checkShape, sizeOf, type WritableShape } from "./shape.js";
import type { ValidateReshape } from "../types/reshape.js";

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
    return new Tensor(checked as WritableShape<NewShape>, this.dtype, this.data);
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
