/**
 * Slow, obviously correct references for the kernel tests: every sum is an explicit loop over all index
 * combinations, computed in float64 (or in BigInt modulo 2^32 for int32), independent of the kernels' code.
 */
import type { DataArray } from "../../src/tensor/dtype.js";

export type DType = "float64" | "float32" | "int32";

/** Deterministic pseudo-random numbers: the library's seeded generator. */
export { seededRandom as generator } from "../../src/optimizer/random.js";

/** `length` random values of `dtype`: floats in [-1, 1), int32 over their whole range so that sums wrap. */
export function randomData(dtype: DType, length: number, random: () => number): DataArray {
  if (dtype === "int32") {
    const data = new Int32Array(length);
    for (let i = 0; i < length; i++) data[i] = Math.floor(random() * 4294967296) - 2147483648;
    return data;
  }
  const data = dtype === "float64" ? new Float64Array(length) : new Float32Array(length);
  for (let i = 0; i < length; i++) data[i] = random() * 2 - 1;
  return data;
}

function rowMajor(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1]! * shape[axis + 1]!;
  return strides;
}

/** Every assignment of values to `labels` (each from 0 to its extent), in row-major order. */
function* assignments(labels: readonly number[], extents: ReadonlyMap<number, number>): Generator<Map<number, number>> {
  const values = new Map<number, number>(labels.map((label) => [label, 0]));
  for (const label of labels) if ((extents.get(label) ?? 0) === 0) return;
  for (;;) {
    yield values;
    let axis = labels.length - 1;
    for (; axis >= 0; axis--) {
      const label = labels[axis]!;
      const next = values.get(label)! + 1;
      if (next < extents.get(label)!) {
        values.set(label, next);
        break;
      }
      values.set(label, 0);
    }
    if (axis < 0) return;
  }
}

/** One operand of a reference einsum: row-major data, its shape and its labels (which may repeat). */
export interface ReferenceOperand {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
  readonly labels: readonly number[];
}

/**
 * `result[output] = Σ Π operands` over every label not in `output`, with NumPy's rules: a repeated label reads
 * the diagonal, a dimension of size 1 broadcasts (it is read at index 0). Returns float64 sums, or the int32
 * sums modulo 2^32 when `wrap` is set.
 */
export function referenceEinsum(
  operands: readonly ReferenceOperand[],
  output: readonly number[],
  sizes: readonly number[],
  wrap: boolean,
): number[] {
  const all = [...new Set([...output, ...operands.flatMap((operand) => operand.labels)])];
  const extents = new Map<number, number>();
  for (const label of all) extents.set(label, sizes[label]!);
  const outShape = output.map((label) => sizes[label]!);
  const outStrides = rowMajor(outShape);
  const length = outShape.reduce((x, y) => x * y, 1);
  const floatSums = new Array<number>(length).fill(0);
  const intSums = new Array<bigint>(length).fill(0n);
  const strides = operands.map((operand) => rowMajor(operand.shape));
  for (const values of assignments(all, extents)) {
    let at = 0;
    output.forEach((label, axis) => (at += values.get(label)! * outStrides[axis]!));
    let product = 1;
    let intProduct = 1n;
    operands.forEach((operand, which) => {
      let offset = 0;
      operand.labels.forEach((label, axis) => {
        if (operand.shape[axis] !== 1) offset += values.get(label)! * strides[which]![axis]!;
      });
      const value = operand.data[offset]!;
      product *= value;
      if (wrap) intProduct *= BigInt(value);
    });
    if (wrap) intSums[at] = intSums[at]! + intProduct;
    else floatSums[at] = floatSums[at]! + product;
  }
  return wrap ? intSums.map((sum) => Number(BigInt.asIntN(32, sum))) : floatSums;
}

/** The sum, over the labels not in `output`, of one operand with NumPy's rules but with no broadcasting. */
export function referenceReduce(operand: ReferenceOperand, output: readonly number[], wrap: boolean): number[] {
  const sizes: number[] = [];
  operand.labels.forEach((label, axis) => (sizes[label] = Math.max(sizes[label] ?? 0, operand.shape[axis]!)));
  operand.labels.forEach((label, axis) => {
    if (operand.shape[axis] === 0) sizes[label] = 0;
  });
  return referenceEinsum([operand], output, sizes, wrap);
}

/** Asserts `actual` matches `expected` within the dtype's tolerance; returns a message naming the first mismatch. */
export function mismatch(actual: ArrayLike<number>, expected: readonly number[], dtype: DType, scale = 1): string | undefined {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  const tolerance = dtype === "float64" ? 1e-12 : dtype === "float32" ? 2e-6 : 0;
  for (let i = 0; i < expected.length; i++) {
    const got = actual[i]!;
    const want = expected[i]!;
    const error = Math.abs(got - want);
    if (dtype === "int32" ? got !== want : !(error <= tolerance * Math.max(scale, Math.abs(want)))) {
      return `element ${i}: ${got}, expected ${want}`;
    }
  }
  return undefined;
}
