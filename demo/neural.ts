import { tensor, type DTypeName, type Tensor } from "typed-einsum";

/**
 * The few element-wise operations the article's neural examples need beside einsum. They work on float64 tensors
 * of any shape and broadcast NumPy's way (right-aligned, size 1 stretches).
 */

type Any = Tensor<readonly number[], DTypeName>;
type Float = Tensor<readonly number[], "float64">;

/** `a + b` with broadcasting. */
export function add(left: Any, right: Any): Float {
  return broadcastBinary(left, right, (x, y) => x + y);
}

/** Element-wise hyperbolic tangent. */
export function tanh(input: Any): Float {
  return tensor(Array.from(input.data, Math.tanh), input.shape);
}

/** Softmax along the last dimension. */
export function softmax(input: Any): Float {
  const width = input.shape[input.shape.length - 1] ?? 1;
  const out = new Float64Array(input.data.length);
  for (let row = 0; row < input.data.length; row += width) {
    const slice = input.data.subarray(row, row + width);
    const largest = Math.max(...slice);
    let total = 0;
    slice.forEach((value, index) => {
      out[row + index] = Math.exp(value - largest);
      total += out[row + index] ?? 0;
    });
    for (let index = row; index < row + width; index++) out[index] = (out[index] ?? 0) / total;
  }
  return tensor(out, input.shape);
}

/** Inserts a dimension of size 1 at `dimension` (PyTorch's `unsqueeze`). */
export function unsqueeze<DType extends DTypeName>(input: Tensor<readonly number[], DType>, dimension: number): Tensor<number[], DType> {
  const shape = [...input.shape];
  shape.splice(dimension < 0 ? shape.length + 1 + dimension : dimension, 0, 1);
  return input.reshape(shape);
}

/** Joins tensors along the last dimension (PyTorch's `cat(..., dim=-1)` for matrices). */
export function concatLast(parts: readonly Any[]): Float {
  const rows = parts[0]?.shape[0] ?? 0;
  const widths = parts.map((part) => part.shape[1] ?? 1);
  const total = widths.reduce((sum, width) => sum + width, 0);
  const out = new Float64Array(rows * total);
  for (let row = 0; row < rows; row++) {
    let column = 0;
    parts.forEach((part, index) => {
      const width = widths[index] ?? 1;
      out.set(part.data.subarray(row * width, (row + 1) * width), row * total + column);
      column += width;
    });
  }
  return tensor(out, [rows, total]);
}

function broadcastBinary(left: Any, right: Any, combine: (x: number, y: number) => number): Float {
  const rank = Math.max(left.shape.length, right.shape.length);
  const pad = (shape: readonly number[]): number[] => [...new Array<number>(rank - shape.length).fill(1), ...shape];
  const leftShape = pad(left.shape);
  const rightShape = pad(right.shape);
  const shape = leftShape.map((size, dimension) => Math.max(size, rightShape[dimension] ?? 1));
  const stridesOf = (own: readonly number[]): number[] => {
    const strides = new Array<number>(rank).fill(0);
    let stride = 1;
    for (let dimension = rank - 1; dimension >= 0; dimension--) {
      strides[dimension] = (own[dimension] ?? 1) === 1 ? 0 : stride;
      stride *= own[dimension] ?? 1;
    }
    return strides;
  };
  const leftStrides = stridesOf(leftShape);
  const rightStrides = stridesOf(rightShape);
  const size = shape.reduce((product, dimension) => product * dimension, 1);
  const out = new Float64Array(size);
  for (let flat = 0; flat < size; flat++) {
    let rest = flat;
    let leftAt = 0;
    let rightAt = 0;
    for (let dimension = rank - 1; dimension >= 0; dimension--) {
      const extent = shape[dimension] ?? 1;
      const index = rest % extent;
      rest = Math.floor(rest / extent);
      leftAt += index * (leftStrides[dimension] ?? 0);
      rightAt += index * (rightStrides[dimension] ?? 0);
    }
    out[flat] = combine(left.data[leftAt] ?? 0, right.data[rightAt] ?? 0);
  }
  return tensor(out, shape);
}
