import type { NormalizedSpec } from "../parse/spec.js";
import { promoteTypes, type DTypeName } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import { castData } from "./cast.js";
import { contractPair, type LabelledArray } from "./contract-pair.js";
import type { Operand } from "./operand.js";
import { reduceOperand } from "./unary.js";

/**
 * Executes a normalized einsum along a contraction path (opt_einsum's linear format). Each operand is first
 * reduced on its own (diagonals, labels no one else needs, broadcast size-1 dimensions); then each step of the
 * path contracts its operands pairwise and appends the result; the last step writes the output's label order.
 *
 * @example
 * runPath(normalizeEquation("ij,jk->ik", [[2, 3], [3, 2]]), [a, b], [[0, 1]]); // a Tensor of shape [2, 2]
 */
export function runPath(
  spec: NormalizedSpec,
  operands: readonly Operand[],
  path: readonly (readonly number[])[],
  threads = 1,
): Tensor<number[], DTypeName> {
  const dtype = operands.map((operand) => operand.dtype).reduce(promoteTypes);
  let pending = operands.map((operand, index) => prepareOperand(spec, operand, index, dtype));
  for (const step of path) pending = runStep(spec, pending, step, threads);
  const shape = spec.output.map((label) => spec.sizes[label] ?? 0);
  return new Tensor(shape, dtype, inOrder(spec, pending, spec.output).data);
}

/**
 * Casts an operand to the result dtype and reduces it on its own: it keeps only the labels that the output or
 * another operand needs, and drops the size-1 dimensions that broadcast (the operand is constant along them).
 * A lone operand is laid out in the output's order straight away.
 */
function prepareOperand(spec: NormalizedSpec, operand: Operand, index: number, dtype: DTypeName): LabelledArray {
  const labels = spec.inputs[index] ?? [];
  const data = castData(operand.data, dtype);
  if (spec.inputs.length === 1) return reduceOperand(data, operand.shape, labels, spec.output, spec.sizes);
  const wanted = new Set([...spec.output, ...spec.inputs.filter((_, other) => other !== index).flat()]);
  const keep = [...new Set(labels)].filter(
    (label) => wanted.has(label) && operand.shape[labels.indexOf(label)] === spec.sizes[label],
  );
  // Pairwise steps never write their inputs, so an operand with nothing to reduce is used as it is.
  if (sameOrder(labels, keep)) return { data, labels: keep };
  return reduceOperand(data, operand.shape, labels, keep, spec.sizes);
}

/**
 * One step of the path: contracts the operands at `step`'s positions, pairwise from the left, and appends the
 * result. Each contraction keeps the labels still needed by the output, the operands outside the step, or the
 * step's operands not yet contracted. The last step produces the output's labels in the output's order.
 */
function runStep(
  spec: NormalizedSpec,
  pending: readonly LabelledArray[],
  step: readonly number[],
  threads: number,
): LabelledArray[] {
  const chosen = step.map((position) => pending[position]).filter((item) => item !== undefined);
  const rest = pending.filter((_, position) => !step.includes(position));
  const isLast = rest.length === 0;
  const keepFor = (merged: readonly LabelledArray[], later: readonly LabelledArray[]): number[] => {
    if (isLast && later.length === 0) return [...spec.output];
    const needed = new Set([...spec.output, ...[...rest, ...later].flatMap((item) => item.labels)]);
    return [...new Set(merged.flatMap((item) => item.labels))].filter((label) => needed.has(label));
  };
  const [first, ...others] = chosen;
  if (first === undefined) return [...rest];
  let merged = others.length === 0 ? reduceLabelled(spec, first, keepFor([first], [])) : first;
  others.forEach((next, index) => {
    const keep = keepFor([merged, next], others.slice(index + 1));
    merged = contractPair(merged, next, keep, spec.sizes, threads);
  });
  return [...rest, merged];
}

/**
 * Reduces an intermediate to `keep`'s labels in `keep`'s order; one already in that order is used as it is (it is
 * never the caller's own data: a lone operand goes straight to the output in `prepareOperand`).
 */
function reduceLabelled(spec: NormalizedSpec, item: LabelledArray, keep: readonly number[]): LabelledArray {
  if (sameOrder(item.labels, keep)) return item;
  const shape = item.labels.map((label) => spec.sizes[label] ?? 0);
  return reduceOperand(item.data, shape, item.labels, keep, spec.sizes);
}

/** The one operand a complete path leaves, laid out in the output's order. */
function inOrder(spec: NormalizedSpec, pending: readonly LabelledArray[], output: readonly number[]): LabelledArray {
  const [result] = pending;
  if (result === undefined || pending.length !== 1) {
    throw new RangeError(`a complete path leaves one operand, not ${pending.length}`);
  }
  return reduceLabelled(spec, result, output);
}

function sameOrder(left: readonly number[], right: readonly number[]): boolean {
  return left.length === right.length && left.every((label, at) => label === right[at]);
}
