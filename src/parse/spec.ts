/**
 * An einsum problem with every label replaced by a small integer, the ellipsis expanded into fresh labels and
 * the output made explicit. The optimizer and the executor see only this form.
 *
 * @example
 * // "ij,jk" with shapes [2, 3] and [3, 4]
 * const spec: NormalizedSpec = {
 *   inputs: [[0, 1], [1, 2]],
 *   output: [0, 2],
 *   sizes: [2, 3, 4],
 *   labelNames: ["i", "j", "k"],
 * };
 */
export interface NormalizedSpec {
  /** Each operand's labels, one per dimension; a label may repeat inside one operand (a diagonal). */
  readonly inputs: readonly (readonly number[])[];
  /** The output's labels, each at most once, every one present in some input. */
  readonly output: readonly number[];
  /** The size of each label after broadcasting: `sizes[label]`. */
  readonly sizes: readonly number[];
  /** A printable name per label, used in messages and reports (`"i"`, or `"…0"` for an ellipsis dimension). */
  readonly labelNames: readonly string[];
}
