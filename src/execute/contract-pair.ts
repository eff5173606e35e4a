import { allocate, type DataArray } from "../tensor/dtype.js";

/**
 * An intermediate of the executor: contiguous row-major data whose dimensions carry distinct labels, with shape
 * `labels.map((label) => sizes[label])`.
 *
 * @example
 * const matrix: LabelledArray = { data: new Float64Array(6), labels: [0, 1] };
 */
export interface LabelledArray {
  readonly data: DataArray;
  readonly labels: readonly number[];
}

/**
 * One pairwise step: `result[keep] = Σ left[left.labels] · right[right.labels]` over every label not in `keep`.
 * Both sides share one dtype, and the result has it too; int32 wraps like PyTorch's int32.
 *
 * @example
 * // a matrix product "ij,jk->ik" with i = 2, j = 3, k = 2
 * contractPair({ data: a, labels: [0, 1] }, { data: b, labels: [1, 2] }, [0, 2], [2, 3, 2]);
 */
export function contractPair(
  left: LabelledArray,
  right: LabelledArray,
  keep: readonly number[],
  sizes: readonly number[],
): LabelledArray {
  const labels = [...new Set([...keep, ...left.labels, ...right.labels])];
  const extents = labels.map((label) => sizes[label] ?? 0);
  const leftStrides = stridesFor(labels, left.labels, sizes);
  const rightStrides = stridesFor(labels, right.labels, sizes);
  const outStrides = stridesFor(labels, keep, sizes);
  const out = allocate(dtypeName(left.data), keep.reduce((size, label) => size * (sizes[label] ?? 0), 1));
  const integer = left.data instanceof Int32Array;
  forEachIndex(extents, [leftStrides, rightStrides, outStrides], (leftAt, rightAt, outAt) => {
    const product = integer
      ? Math.imul(left.data[leftAt] ?? 0, right.data[rightAt] ?? 0)
      : (left.data[leftAt] ?? 0) * (right.data[rightAt] ?? 0);
    out[outAt] = integer ? ((out[outAt] ?? 0) + product) | 0 : (out[outAt] ?? 0) + product;
  });
  return { data: out, labels: [...keep] };
}

/** The stride of each of `loopLabels` in a contiguous array labelled `arrayLabels` (0 where it is absent). */
export function stridesFor(loopLabels: readonly number[], arrayLabels: readonly number[], sizes: readonly number[]): number[] {
  const strides = new Map<number, number>();
  let stride = 1;
  for (let dimension = arrayLabels.length - 1; dimension >= 0; dimension--) {
    const label = arrayLabels[dimension] ?? 0;
    strides.set(label, stride);
    stride *= sizes[label] ?? 0;
  }
  return loopLabels.map((label) => strides.get(label) ?? 0);
}

/**
 * Visits every index of a box of `extents`, handing the visitor the offset of that index under each of up to three
 * sets of strides. An empty extent visits nothing; no extents visit once.
 *
 * @example
 * forEachIndex([2, 2], [[2, 1]], (offset) => console.log(offset)); // 0, 1, 2, 3
 */
export function forEachIndex(
  extents: readonly number[],
  strideSets: readonly (readonly number[])[],
  visit: (first: number, second: number, third: number) => void,
): void {
  if (extents.some((extent) => extent === 0)) return;
  const rank = extents.length;
  const index = new Array<number>(rank).fill(0);
  const [first = [], second = [], third = []] = strideSets;
  let a = 0;
  let b = 0;
  let c = 0;
  for (;;) {
    visit(a, b, c);
    let dimension = rank - 1;
    while (dimension >= 0) {
      const next = (index[dimension] ?? 0) + 1;
      if (next < (extents[dimension] ?? 0)) {
        index[dimension] = next;
        a += first[dimension] ?? 0;
        b += second[dimension] ?? 0;
        c += third[dimension] ?? 0;
        break;
      }
      index[dimension] = 0;
      a -= (first[dimension] ?? 0) * (next - 1);
      b -= (second[dimension] ?? 0) * (next - 1);
      c -= (third[dimension] ?? 0) * (next - 1);
      dimension--;
    }
    if (dimension < 0) return;
  }
}

function dtypeName(data: DataArray): "float64" | "float32" | "int32" {
  return data instanceof Float32Array ? "float32" : data instanceof Int32Array ? "int32" : "float64";
}
