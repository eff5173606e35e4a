import type { DTypeName } from "./dtype.js";
import { stridesOf } from "./shape.js";

/** How PyTorch lays out a printed tensor: the line width and, past the threshold, how many items each edge keeps. */
const lineWidth = 80;
const summaryThreshold = 1000;
const edgeItems = 3;

/**
 * Prints a tensor the way PyTorch does: `tensor([[0, 3], [1, 4]])` with aligned columns, 4 decimals for floats,
 * scientific notation when the magnitudes call for it, and `...` summaries past 1000 elements.
 *
 * @example
 * formatTensor(new Int32Array([3, 12]), [2], "int32"); //=> "tensor([ 3, 12])"
 */
export function formatTensor(data: ArrayLike<number>, shape: readonly number[], dtype: DTypeName): string {
  const size = data.length;
  const summarize = size > summaryThreshold;
  const formatValue = makeValueFormatter(shownValues(data, shape, summarize), dtype);
  const suffix = dtype === "float32" ? ", dtype=float32" : "";
  const prefix = "tensor(";
  if (shape.length === 0) return `${prefix}${formatValue(data[0] ?? 0).trim()}${suffix})`;
  if (size === 0) {
    const sizeNote = shape.length === 1 ? "" : `, size=(${shape.join(", ")})`;
    return `${prefix}[]${sizeNote}${suffix})`;
  }
  const body = formatBlocks(data, shape, prefix.length, formatValue, summarize);
  return `${prefix}${body}${suffix})`;
}

/** The values that will be printed, so widths are computed over them only. */
function shownValues(data: ArrayLike<number>, shape: readonly number[], summarize: boolean): number[] {
  if (!summarize) return Array.from(data);
  return shownOffsets(shape, shape.length, summarize).map((offset) => data[offset] ?? 0);
}

/** The indices printed along one dimension; -1 marks the `...`. */
function shownIndices(size: number, summarize: boolean): number[] {
  const all = Array.from({ length: size }, (_, index) => index);
  if (!summarize || size <= 2 * edgeItems) return all;
  return [...all.slice(0, edgeItems), -1, ...all.slice(size - edgeItems)];
}

/**
 * The offsets of the printed blocks at `depth`: one per combination of printed indices along the dimensions
 * before it, in row-major order. Built with loops, so a tensor of any rank prints.
 */
function shownOffsets(shape: readonly number[], depth: number, summarize: boolean): number[] {
  const strides = stridesOf(shape);
  let offsets = [0];
  for (let axis = 0; axis < depth; axis++) {
    const indices = shownIndices(shape[axis] ?? 0, summarize).filter((index) => index >= 0);
    const stride = strides[axis] ?? 1;
    offsets = offsets.flatMap((offset) => indices.map((index) => offset + index * stride));
  }
  return offsets;
}

/**
 * The bracketed text of the whole tensor, built from the innermost rows outwards: each depth groups the blocks of
 * the next one (and `...` where a summary skips some), so no recursion depends on the rank.
 */
function formatBlocks(
  data: ArrayLike<number>,
  shape: readonly number[],
  indent: number,
  formatValue: (value: number) => string,
  summarize: boolean,
): string {
  const rank = shape.length;
  const rowIndices = shownIndices(shape[rank - 1] ?? 0, summarize);
  let blocks = shownOffsets(shape, rank - 1, summarize).map((offset) => {
    const items = rowIndices.map((index) => (index < 0 ? " ..." : formatValue(data[offset + index] ?? 0)));
    return `[${wrapItems(items, indent + rank)}]`;
  });
  for (let depth = rank - 2; depth >= 0; depth--) {
    const indices = shownIndices(shape[depth] ?? 0, summarize);
    const separator = `,${"\n".repeat(rank - depth - 1)}${" ".repeat(indent + depth + 1)}`;
    const grouped: string[] = [];
    let next = 0;
    const groups = blocks.length / Math.max(1, indices.filter((index) => index >= 0).length);
    for (let group = 0; group < groups; group++) {
      grouped.push(`[${indices.map((index) => (index < 0 ? "..." : blocks[next++])).join(separator)}]`);
    }
    blocks = grouped;
  }
  return blocks[0] ?? "[]";
}

/** Joins a row's items with ", ", breaking lines where PyTorch does so no line passes the line width. */
function wrapItems(items: readonly string[], indent: number): string {
  const width = items.reduce((widest, item) => Math.max(widest, item.length), 0);
  const perLine = Math.max(1, Math.floor((lineWidth - indent) / (width + 2)));
  const lines: string[] = [];
  for (let start = 0; start < items.length; start += perLine) {
    lines.push(items.slice(start, start + perLine).join(", "));
  }
  return lines.join(`,\n${" ".repeat(indent)}`);
}

/** Chooses PyTorch's number style for a set of values and pads every value to the widest. */
function makeValueFormatter(values: readonly number[], dtype: DTypeName): (value: number) => string {
  const style = dtype === "int32" ? integerStyle : chooseFloatStyle(values);
  const width = values.reduce((widest, value) => Math.max(widest, style(value).length), 0);
  return (value) => style(value).padStart(width);
}

const integerStyle = (value: number): string => String(value);

function chooseFloatStyle(values: readonly number[]): (value: number) => string {
  const finite = values.filter((value) => Number.isFinite(value));
  const magnitudes = finite.map(Math.abs).filter((value) => value !== 0);
  const special = (value: number): string | undefined =>
    Number.isNaN(value) ? "nan" : value === Infinity ? "inf" : value === -Infinity ? "-inf" : undefined;
  if (magnitudes.length === 0) return (value) => special(value) ?? `${value === 0 ? (Object.is(value, -0) ? "-0" : "0") : value}.`;
  const largest = Math.max(...magnitudes);
  const smallest = Math.min(...magnitudes);
  const allIntegers = finite.every((value) => Number.isInteger(value));
  if (allIntegers) {
    if (largest > 1e8) return (value) => special(value) ?? scientific(value);
    return (value) => special(value) ?? `${value.toFixed(0)}.`;
  }
  if (largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4) return (value) => special(value) ?? scientific(value);
  return (value) => special(value) ?? value.toFixed(4);
}

/** `1.2346e+05`, as Python's `{:.4e}` writes it. */
function scientific(value: number): string {
  const [mantissa, exponent = "0"] = value.toExponential(4).split("e");
  const power = Number(exponent);
  return `${mantissa}e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}
