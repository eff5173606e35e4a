import type { Network } from "../../src/optimizer/network.js";

/**
 * The cost of a linear path, recomputed from scratch with the convention's definition, and its largest result.
 * Throws when the path is not valid (each operand used exactly once, ending with one operand).
 *
 * @example
 * recomputeCost({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]]); //=> { flops: 48, ... }
 */
export function recomputeCost(
  network: Network,
  path: readonly (readonly number[])[],
): { flops: number; largest: number; stepSizes: number[] } {
  let operands: number[][] = network.inputs.map((labels) => [...new Set(labels)]);
  let flops = 0;
  const stepSizes: number[] = [];
  for (const step of path) {
    if (step.length === 0 || new Set(step).size !== step.length) throw new Error(`bad step ${JSON.stringify(step)}`);
    for (const position of step) {
      if (!Number.isInteger(position) || position < 0 || position >= operands.length) {
        throw new Error(`position ${position} out of range`);
      }
    }
    const chosen = step.map((position) => operands[position] as number[]);
    const rest = operands.filter((_, position) => !step.includes(position));
    const union = new Set(chosen.flat());
    const keep = new Set([...network.output, ...rest.flat()]);
    const result = [...union].filter((label) => keep.has(label));
    let size = 1;
    for (const label of union) size *= network.sizes[label] as number;
    flops += size * (Math.max(1, step.length - 1) + (result.length < union.size ? 1 : 0));
    let resultSize = 1;
    for (const label of result) resultSize *= network.sizes[label] as number;
    stepSizes.push(resultSize);
    operands = [...rest, result];
  }
  if (operands.length !== 1) throw new Error(`the path leaves ${operands.length} operands`);
  return { flops, largest: Math.max(0, ...stepSizes), stepSizes };
}

/** `actual <= expected` up to a relative tolerance of 1e-9. */
export function isNoCostlier(actual: number, expected: number): boolean {
  return actual <= expected * (1 + 1e-9);
}
