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
  const dtype = operands.map((operand) => operand.dtype).reduce(promoteTypes, "int32" as DTypeName);
  const resultDType = operands.length === 0 ? "float64" : dtype;
  let pending: LabelledArray[] = operands.map((operand, index) => {
    const labels = spec.inputs[index] ?? [];
    const wanted = new Set([...spec.output, ...spec.inputs.filter((_, other) => other !== index).flat()]);
    const keep = [...new Set(labels)].filter(
      (label) => wanted.has(label) && operand.shape[labels.indexOf(label)] === spec.sizes[label],
    );
    const ordered = operands.length === 1 ? [...spec.output] : keep;
    return reduceOperand(castData(operand.data, resultDType), operand.shape, labels, ordered, spec.sizes);
  });

  for (const step of path) {
    const chosen = step.map((position) => pending[position]).filter((item) => item !== undefined);
    const rest = pending.filter((_, position) => !step.includes(position));
    const needed = new Set([...spec.output, ...rest.flatMap((item) => item.labels)]);
    const isLast = rest.length === 0;
    const keepOf = (items: readonly LabelledArray[]): number[] =>
      isLast ? [...spec.output] : [...new Set(items.flatMap((item) => item.labels))].filter((label) => needed.has(label));
    let merged = chosen[0];
    for (let index = 1; index < chosen.length && merged !== undefined; index++) {
      const next = chosen[index];
      if (next === undefined) break;
      const later = chosen.slice(index + 1);
      const stillNeeded = new Set([...needed, ...later.flatMap((item) => item.labels)]);
      const keep =
        later.length === 0
          ? keepOf([merged, next])
          : [...new Set([...merged.labels, ...next.labels])].filter((label) => stillNeeded.has(label));
      merged = contractPair(merged, next, keep, spec.sizes, threads);
    }
    if (merged !== undefined && chosen.length === 1) {
      merged = reduceOperand(merged.data, merged.labels.map((label) => spec.sizes[label] ?? 0), merged.labels, keepOf([merged]), spec.sizes);
    }
    pending = merged === undefined ? rest : [...rest, merged];
  }

  const result = pending[0];
  const shape = spec.output.map((label) => spec.sizes[label] ?? 0);
  if (result === undefined) return new Tensor(shape, resultDType, castData(new Float64Array(1), resultDType));
  const ordered = sameLabels(result.labels, spec.output)
    ? result
    : reduceOperand(result.data, result.labels.map((label) => spec.sizes[label] ?? 0), result.labels, spec.output, spec.sizes);
  return new Tensor(shape, resultDType, ordered.data);
}

function sameLabels(left: readonly number[], right: readonly number[]): boolean {
  return left.length === right.length && left.every((label, index) => label === right[index]);
}
