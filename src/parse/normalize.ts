import { EinsumError } from "../einsum-error.js";
import {
  writeAtColumn,
  writeDiagonalSizeMismatch,
  writeDidYouMean,
  writeEllipsisBroadcast,
  writeOperandCount,
  writeOutputEllipsisMissing,
  writeRankBelowEllipsis,
  writeRankMismatch,
  writeRepeatedOutputLabel,
  writeSizeMismatch,
  writeUnknownOutputLabel,
} from "../messages.js";
import { parseEquation, type ParsedEquation, type ParsedTerm } from "./parse.js";
import type { NormalizedSpec } from "./spec.js";

/**
 * Parses an equation and checks it against the operands' shapes, giving the {@link NormalizedSpec} that the
 * optimizer and the executor work on. Throws an `EinsumError` for anything NumPy's einsum refuses.
 *
 * @example
 * normalizeEquation("ij,jk", [[2, 3], [3, 4]]);
 * //=> { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4], labelNames: ["i", "j", "k"] }
 */
export function normalizeEquation(equation: string, shapes: readonly (readonly number[])[]): NormalizedSpec {
  return normalizeParsed(parseEquation(equation), shapes);
}

/** The size a label has taken so far, and the operand that gave it. */
interface Binding {
  size: number;
  operand: number;
}

/**
 * Checks a parsed equation against the operands' shapes: the operand count, each rank, the sizes of each label and
 * of the ellipsis dimensions, and the output. Labels become small integers: the ellipsis dimensions first, then
 * the letters in order of first appearance.
 *
 * @example
 * normalizeParsed(parseEquation("...i->i"), [[4]]).output; //=> [0]
 */
export function normalizeParsed(parsed: ParsedEquation, shapes: readonly (readonly number[])[]): NormalizedSpec {
  const { equation, inputs } = parsed;
  checkOperandCount(parsed, shapes.length);
  const ellipsisRanks = inputs.map((term, operand) => checkRank(term, operand, shapesAt(shapes, operand), equation));
  const ellipsisSizes = broadcastEllipsis(shapes, ellipsisRanks, inputs, equation);
  const bindings = bindSizes(inputs, shapes, ellipsisRanks, equation);
  const output = parsed.output === undefined
    ? inferImplicitOutput(inputs)
    : checkOutput(parsed.output, bindings, ellipsisSizes.length, equation);

  const labelNames = ellipsisSizes.map((_, dimension) => `…${dimension}`);
  const sizes = [...ellipsisSizes];
  const labelIds = new Map<string, number>();
  for (const [label, binding] of bindings) {
    labelIds.set(label, labelNames.length);
    labelNames.push(label);
    sizes.push(binding.size);
  }
  const toIds = (labels: readonly string[], ellipsisIndex: number | undefined, ellipsisRank: number): number[] => {
    const ids = labels.map((label) => labelIds.get(label) ?? -1);
    if (ellipsisIndex === undefined) return ids;
    const ellipsisIds = Array.from({ length: ellipsisRank }, (_, index) => ellipsisSizes.length - ellipsisRank + index);
    ids.splice(ellipsisIndex, 0, ...ellipsisIds);
    return ids;
  };
  return {
    inputs: inputs.map((term, operand) => toIds(term.labels, term.ellipsisIndex, ellipsisRanks[operand] ?? 0)),
    output: toIds(output.labels, output.ellipsisIndex, ellipsisSizes.length),
    sizes,
    labelNames,
  };
}

function shapesAt(shapes: readonly (readonly number[])[], operand: number): readonly number[] {
  return shapes[operand] ?? [];
}

/**
 * The equation must have as many input terms as there are operands.
 *
 * @example
 * checkOperandCount(parseEquation("ij,jk->ik"), 1); // throws OPERAND_COUNT
 */
export function checkOperandCount(parsed: ParsedEquation, operandCount: number): void {
  const termCount = parsed.inputs.length;
  if (termCount === operandCount) return;
  throw new EinsumError("OPERAND_COUNT", writeAtColumn(writeOperandCount(termCount, operandCount), parsed.inputsEnd), {
    equation: parsed.equation,
    position: parsed.inputsEnd,
  });
}

/**
 * An operand's rank must equal its term's label count, or reach it when the term has an ellipsis. Returns how many
 * dimensions the ellipsis stands for.
 *
 * @example
 * checkRank(parseEquation("...ij").inputs[0]!, 0, [5, 2, 3], "...ij"); //=> 1
 */
export function checkRank(term: ParsedTerm, operand: number, shape: readonly number[], equation: string): number {
  const count = term.labels.length;
  const rank = shape.length;
  if (term.ellipsisIndex === undefined) {
    if (rank === count) return 0;
    throw new EinsumError("RANK_MISMATCH", writeRankMismatch(operand, rank, term.text, count), {
      equation,
      position: term.start,
    });
  }
  if (rank >= count) return rank - count;
  throw new EinsumError("RANK_MISMATCH", writeRankBelowEllipsis(operand, rank, term.text, count), {
    equation,
    position: term.start,
  });
}

/**
 * Broadcasts the ellipsis dimensions of all operands, right-aligned, NumPy's way: sizes must agree or be 1.
 * Returns the broadcast sizes.
 *
 * @example
 * broadcastEllipsis([[2, 1], [3]], [2, 1], terms, "...,...->..."); //=> [2, 3]
 */
export function broadcastEllipsis(
  shapes: readonly (readonly number[])[],
  ellipsisRanks: readonly number[],
  terms: readonly ParsedTerm[],
  equation: string,
): number[] {
  const broadcastRank = Math.max(0, ...ellipsisRanks);
  const sizes: number[] = new Array<number>(broadcastRank).fill(1);
  const givers: number[] = new Array<number>(broadcastRank).fill(-1);
  ellipsisRanks.forEach((ellipsisRank, operand) => {
    const term = terms[operand];
    if (term?.ellipsisIndex === undefined) return;
    const shape = shapesAt(shapes, operand);
    for (let index = 0; index < ellipsisRank; index++) {
      const size = shape[term.ellipsisIndex + index] ?? 1;
      const dimension = broadcastRank - ellipsisRank + index;
      const current = sizes[dimension] ?? 1;
      if (size === current || size === 1) continue;
      if (current !== 1) {
        throw new EinsumError(
          "ELLIPSIS_BROADCAST",
          writeEllipsisBroadcast(givers[dimension] ?? 0, current, operand, size),
          { equation, position: term.ellipsisPosition ?? term.start },
        );
      }
      sizes[dimension] = size;
      givers[dimension] = operand;
    }
  });
  return sizes;
}

/**
 * Gives every label its size: a label repeated inside one operand needs equal sizes there, and across operands a
 * size of 1 broadcasts against a larger one.
 *
 * @example
 * bindSizes(parseEquation("ij,jk").inputs, [[2, 1], [3, 4]], [0, 0], "ij,jk").get("j"); //=> { size: 3, operand: 1 }
 */
export function bindSizes(
  terms: readonly ParsedTerm[],
  shapes: readonly (readonly number[])[],
  ellipsisRanks: readonly number[],
  equation: string,
): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  terms.forEach((term, operand) => {
    const shape = shapesAt(shapes, operand);
    const sizeInOperand = new Map<string, number>();
    term.labels.forEach((label, index) => {
      const skip = term.ellipsisIndex !== undefined && index >= term.ellipsisIndex ? (ellipsisRanks[operand] ?? 0) : 0;
      const size = shape[index + skip] ?? 0;
      const position = term.positions[index] ?? term.start;
      const earlier = sizeInOperand.get(label);
      if (earlier !== undefined && earlier !== size) {
        throw new EinsumError("DIAGONAL_SIZE_MISMATCH", writeDiagonalSizeMismatch(label, operand, earlier, size), {
          equation,
          position,
        });
      }
      sizeInOperand.set(label, size);
      const bound = bindings.get(label);
      if (bound === undefined) {
        bindings.set(label, { size, operand });
      } else if (bound.size === 1 && bound.operand !== operand) {
        bindings.set(label, { size, operand });
      } else if (size !== bound.size && size !== 1) {
        throw new EinsumError("SIZE_MISMATCH", writeSizeMismatch(label, bound.operand, bound.size, operand, size), {
          equation,
          position,
        });
      }
    });
  });
  return bindings;
}

/** An output's labels and where its ellipsis stands. */
interface OutputTerm {
  readonly labels: readonly string[];
  readonly ellipsisIndex: number | undefined;
}

/**
 * Implicit mode: the ellipsis dimensions, then every label that appears exactly once, in ASCII order (uppercase
 * first).
 *
 * @example
 * inferImplicitOutput(parseEquation("ba,cb,D").inputs).labels; //=> ["D", "a", "c"]
 */
export function inferImplicitOutput(terms: readonly ParsedTerm[]): OutputTerm {
  const counts = new Map<string, number>();
  for (const term of terms) for (const label of term.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const once = [...counts].filter(([, count]) => count === 1).map(([label]) => label);
  once.sort(compareLabels);
  return { labels: once, ellipsisIndex: 0 };
}

/** ASCII order, so uppercase letters come before lowercase ones. */
export function compareLabels(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Explicit mode: each output label must appear in some input and only once in the output, and the output needs a
 * `...` when the ellipsis stands for any dimension.
 *
 * @example
 * checkOutput(parseEquation("ij->ik").output!, bindings, 0, "ij->ik"); // throws OUTPUT_LABEL_UNKNOWN
 */
export function checkOutput(
  output: ParsedTerm,
  bindings: ReadonlyMap<string, Binding>,
  broadcastRank: number,
  equation: string,
): OutputTerm {
  const seen = new Set<string>();
  output.labels.forEach((label, index) => {
    const position = output.positions[index] ?? output.start;
    if (!bindings.has(label)) {
      throw new EinsumError("OUTPUT_LABEL_UNKNOWN", describeUnknownLabel(label, bindings, position), { equation, position });
    }
    if (seen.has(label)) {
      throw new EinsumError("OUTPUT_LABEL_REPEATED", writeAtColumn(writeRepeatedOutputLabel(label), position), {
        equation,
        position,
      });
    }
    seen.add(label);
  });
  if (output.ellipsisIndex === undefined && broadcastRank > 0) {
    throw new EinsumError("OUTPUT_ELLIPSIS_MISSING", writeAtColumn(writeOutputEllipsisMissing(broadcastRank), output.start), {
      equation,
      position: output.start,
    });
  }
  return output;
}

/** The unknown-label message at its column, with a suggestion when the same letter in the other case is an input label. */
function describeUnknownLabel(label: string, bindings: ReadonlyMap<string, Binding>, position: number): string {
  const message = writeAtColumn(writeUnknownOutputLabel(label), position);
  const swapped = label === label.toUpperCase() ? label.toLowerCase() : label.toUpperCase();
  return bindings.has(swapped) ? writeDidYouMean(message, swapped) : message;
}
