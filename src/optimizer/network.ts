/**
 * A contraction network: each operand's labels, the output's labels and the size of every label. Labels are small
 * integers (`sizes[label]`); a label may repeat inside one operand (a diagonal).
 *
 * @example
 * const matmul: Network = { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] };
 */
export interface Network {
  readonly inputs: readonly (readonly number[])[];
  readonly output: readonly number[];
  readonly sizes: readonly number[];
}

/**
 * A contraction path in opt_einsum's linear format: each step lists positions in the current operand list; those
 * operands are removed and the result is appended at the end.
 *
 * @example
 * const path: LinearPath = [[1, 2], [0, 1]];
 */
export type LinearPath = number[][];

/**
 * A contraction path with static single assignment ids: inputs are `0..n-1` and step `s` creates id `n + s`.
 *
 * @example
 * const ssa: SsaPath = [[1, 2], [0, 3]]; // the linear path [[1, 2], [0, 1]]
 */
export type SsaPath = number[][];
