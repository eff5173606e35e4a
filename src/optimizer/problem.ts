import { stepCost } from "./cost-model.js";
import { sizeOfLabels, toLabelSet, unionSizeAndCount, type LabelSet } from "./label-set.js";
import type { Network } from "./network.js";

/**
 * A network prepared for the searches: each input's distinct labels, the labels it keeps when its own labels (found
 * on no other operand and not in the output) are summed first, and what that summing costs.
 *
 * Summing an input's own labels first is a single-operand step. It never changes what the input's first pairwise
 * step produces, only that step's cost, so every search can decide it locally, step by step.
 *
 * @example
 * const problem = prepareProblem({ inputs: [[0, 1], [1, 2]], output: [2], sizes: [2, 3, 4] });
 * problem.kept[0]; //=> [1]
 * problem.reductionCost[0]; //=> 12
 */
export interface Problem {
  readonly operandCount: number;
  readonly labelCount: number;
  /** Each input's distinct labels, sorted. */
  readonly inputs: readonly LabelSet[];
  /** Each input's labels once its own labels are summed away (the same array when it has none). */
  readonly kept: readonly LabelSet[];
  /** Whether input `i` may be reduced first: it has own labels and the reduced tensor fits the memory limit. */
  readonly reducible: readonly boolean[];
  /** The cost of the single-operand step that reduces input `i`. */
  readonly reductionCost: readonly number[];
  readonly output: LabelSet;
  readonly isOutput: Uint8Array;
  readonly sizes: readonly number[];
  /** The largest intermediate allowed, in elements (`Infinity` for none). */
  readonly memoryLimit: number;
}

/**
 * Prepares a network for the searches.
 *
 * @example
 * prepareProblem({ inputs: [[0, 0], [0, 1]], output: [1], sizes: [3, 4] }).inputs; //=> [[0], [0, 1]]
 */
export function prepareProblem(network: Network, memoryLimit = Infinity): Problem {
  const labelCount = network.sizes.length;
  const inputs = network.inputs.map(toLabelSet);
  const output = toLabelSet(network.output);
  const isOutput = new Uint8Array(labelCount);
  for (const label of output) isOutput[label] = 1;
  const appearances = new Uint32Array(labelCount);
  for (const labels of inputs) for (const label of labels) appearances[label] = (appearances[label] ?? 0) + 1;
  const kept = inputs.map((labels) => {
    const keep = labels.filter((label) => isOutput[label] === 1 || (appearances[label] ?? 0) > 1);
    return keep.length === labels.length ? labels : keep;
  });
  const reducible = inputs.map(
    (labels, i) => kept[i] !== labels && sizeOfLabels(kept[i] ?? [], network.sizes) <= memoryLimit,
  );
  const reductionCost = inputs.map((labels) => stepCost(sizeOfLabels(labels, network.sizes), 1, true));
  return {
    operandCount: inputs.length,
    labelCount,
    inputs,
    kept,
    reducible,
    reductionCost,
    output,
    isOutput,
    sizes: network.sizes,
    memoryLimit,
  };
}

/**
 * One operand of a pairwise step: its labels, and the input it is when it is still an untouched input.
 *
 * @example
 * const leaf: StepOperand = { labels: [0, 1], input: 0 };
 * const intermediate: StepOperand = { labels: [0, 2], input: -1 };
 */
export interface StepOperand {
  readonly labels: LabelSet;
  /** The input index when the operand is an input that may still be reduced first, else -1. */
  readonly input: number;
}

/**
 * The cheapest way to do a pairwise step: its cost and which of the two operands are reduced first.
 *
 * @example
 * const choice: PairChoice = { cost: 42, reduceLeft: true, reduceRight: true };
 */
export interface PairChoice {
  readonly cost: number;
  readonly reduceLeft: boolean;
  readonly reduceRight: boolean;
}

/**
 * The cheapest cost of contracting two operands into a result of `resultCount` labels, counting the optional
 * single-operand reductions of untouched inputs.
 *
 * @example
 * const problem = prepareProblem({ inputs: [[0, 1], [2, 3], [4, 5]], output: [0, 2, 3, 5], sizes: [2, 3, 4, 5, 4, 3] });
 * bestPairCost(problem, { labels: [0, 1], input: 0 }, { labels: [4, 5], input: 2 }, 2).cost; //=> 12 + 24 + 6
 */
export function bestPairCost(problem: Problem, left: StepOperand, right: StepOperand, resultCount: number): PairChoice {
  const { sizes } = problem;
  const plain = unionSizeAndCount(left.labels, right.labels, sizes);
  let best: PairChoice = {
    cost: stepCost(plain.size, 2, plain.count > resultCount),
    reduceLeft: false,
    reduceRight: false,
  };
  const leftReducible = left.input >= 0 && problem.reducible[left.input] === true;
  const rightReducible = right.input >= 0 && problem.reducible[right.input] === true;
  if (!leftReducible && !rightReducible) return best;
  const options: readonly [boolean, boolean][] = [
    [true, false],
    [false, true],
    [true, true],
  ];
  for (const [reduceLeft, reduceRight] of options) {
    if ((reduceLeft && !leftReducible) || (reduceRight && !rightReducible)) continue;
    const leftLabels = reduceLeft ? (problem.kept[left.input] as LabelSet) : left.labels;
    const rightLabels = reduceRight ? (problem.kept[right.input] as LabelSet) : right.labels;
    const union = unionSizeAndCount(leftLabels, rightLabels, sizes);
    const cost =
      stepCost(union.size, 2, union.count > resultCount) +
      (reduceLeft ? (problem.reductionCost[left.input] as number) : 0) +
      (reduceRight ? (problem.reductionCost[right.input] as number) : 0);
    if (cost < best.cost) best = { cost, reduceLeft, reduceRight };
  }
  return best;
}
