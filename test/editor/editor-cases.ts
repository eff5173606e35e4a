import {
  writeDidYouMean,
  writeInvalidCharacter,
  writeOutputEllipsisMissing,
  writeRankMismatch,
  writeRepeatedOutputLabel,
  writeSizeMismatch,
  writeUnknownOutputLabel,
} from "../../src/messages.js";

/**
 * What the editor must show for the file below, under every compiler: the completions at a cursor inside an
 * equation, the type of a result, and the errors of refused calls. Expected texts are written here by hand, and
 * messages by the run time's writers, never read back from the compiler.
 */

/** A statement of the virtual file: its text, unique in the file. */
interface Located {
  readonly name: string;
  readonly statement: string;
}

/** The completions with the cursor right after `cursorAfter` (its first occurrence in the statement). */
export interface CompletionCase extends Located {
  readonly cursorAfter: string;
  readonly expected: readonly string[];
}

/** The type of a result, as the editor shows it. */
export interface TypeCase extends Located {
  readonly identifier: string;
  readonly expected: string;
}

/**
 * A refused call: its error starts at `at` (its first occurrence in the statement), and the parameter type it
 * names holds these literals: the run time's message, and for an output refused only because it is not finished,
 * the completions beside it.
 */
export interface DiagnosticCase extends Located {
  readonly at: string;
  readonly parameter: readonly string[];
}

const prelude = [
  'import { einsum, zeros, type Tensor } from "typed-einsum";',
  "const a = zeros([2, 3]);",
  "const b = zeros([3, 4]);",
  "const zl = zeros([2, 3]);",
  "const W = zeros([5, 3, 3]);",
  "const batchA = zeros([7, 2, 3]);",
  "const batchB = zeros([7, 3, 4]);",
];

export const completionCases: readonly CompletionCase[] = [
  {
    name: "ij,jk-> offers each input label and the implicit output",
    statement: 'export const product = einsum("ij,jk->", a, b);',
    cursorAfter: 'einsum("ij,jk->',
    expected: ["ij,jk->", "ij,jk->i", "ij,jk->j", "ij,jk->k", "ij,jk->ik"],
  },
  {
    name: "bk,aki-> offers each input label and the implicit output, in ASCII order",
    statement: 'export const transformed = einsum("bk,aki->", zl, W);',
    cursorAfter: 'einsum("bk,aki->',
    expected: ["bk,aki->", "bk,aki->a", "bk,aki->b", "bk,aki->i", "bk,aki->k", "bk,aki->abi"],
  },
  {
    name: "...ij,...jk-> (an ellipsis of no dimension) offers '...' too",
    statement: 'export const flat = einsum("...ij,...jk->", a, b);',
    cursorAfter: 'einsum("...ij,...jk->',
    expected: ["...ij,...jk->", "...ij,...jk->i", "...ij,...jk->j", "...ij,...jk->k", "...ij,...jk->...", "...ij,...jk->...ik"],
  },
  {
    name: "...ij,...jk-> (an ellipsis of one dimension) offers the same beside the message",
    statement: 'export const batched = einsum("...ij,...jk->", batchA, batchB);',
    cursorAfter: 'einsum("...ij,...jk->',
    expected: [
      writeOutputEllipsisMissing(1),
      "...ij,...jk->i",
      "...ij,...jk->j",
      "...ij,...jk->k",
      "...ij,...jk->...",
      "...ij,...jk->...ik",
    ],
  },
  {
    name: "ij,jk->i offers the labels not yet in the output",
    statement: 'export const partial = einsum("ij,jk->i", a, b);',
    cursorAfter: 'einsum("ij,jk->i',
    expected: ["ij,jk->i", "ij,jk->ij", "ij,jk->ik"],
  },
];

export const typeCases: readonly TypeCase[] = [
  {
    name: "a result shows its evaluated shape and dtype",
    statement: "export const c = einsum(\"ij,jk->ik\", zeros([2, 3]), zeros([3, 5]));",
    identifier: "c",
    expected: 'Tensor<[2, 5], "float64">',
  },
  {
    name: "the chosen implicit output type-checks",
    statement: 'export const chosen = einsum("bk,aki->abi", zl, W);',
    identifier: "chosen",
    expected: 'Tensor<[5, 2, 3], "float64">',
  },
  {
    name: "an empty output is a scalar",
    statement: 'export const total = einsum("ij,jk->", a, b);',
    identifier: "total",
    expected: 'Tensor<[], "float64">',
  },
  {
    name: "an ellipsis broadcasts",
    statement: 'export const stacked = einsum("...ij,...jk->...ik", batchA, batchB);',
    identifier: "stacked",
    expected: 'Tensor<[7, 2, 4], "float64">',
  },
  {
    name: "in a function generic in the batch, the result keeps the type parameter",
    statement:
      'export function transition<B extends number>(z: Tensor<[B, 3]>) { const next = einsum("bk,aki->bai", z, W); return next; }',
    identifier: "next",
    expected: 'Tensor<[B, 5, 3], "float64">',
  },
  {
    name: "a generic function's call site gets the concrete shape",
    statement: "export const transitioned = transition(zeros([2, 3]));",
    identifier: "transitioned",
    expected: 'Tensor<[2, 5, 3], "float64">',
  },
];

const batchedCompletions = completionCases.find((entry) => entry.statement.includes("batchA"));

export const diagnosticCases: readonly DiagnosticCase[] = [
  {
    name: "an empty output that needs a '...' is refused, with the completions beside the message",
    statement: batchedCompletions?.statement ?? "",
    at: '"...ij,...jk->"',
    parameter: batchedCompletions?.expected ?? [],
  },
  {
    name: "a size mismatch names the label, both operands and both sizes",
    statement: 'export const mismatch = einsum("ij,jk->ik", a, zeros([4, 5]));',
    at: '"ij,jk->ik"',
    parameter: [writeSizeMismatch("j", 0, 3, 1, 4)],
  },
  {
    name: "an unknown output label suggests the input label of the other case",
    statement: 'export const misspelt = einsum("ij,jk->iK", a, b);',
    at: '"ij,jk->iK"',
    parameter: [writeDidYouMean(writeUnknownOutputLabel("K"), "k")],
  },
  {
    name: "an unknown output label with no close input label",
    statement: 'export const unknown = einsum("ij,jk->iz", a, b);',
    at: '"ij,jk->iz"',
    parameter: [writeUnknownOutputLabel("z")],
  },
  {
    name: "a repeated output label",
    statement: 'export const repeated = einsum("ij,jk->ii", a, b);',
    at: '"ij,jk->ii"',
    parameter: [writeRepeatedOutputLabel("i")],
  },
  {
    name: "a rank mismatch",
    statement: 'export const ranked = einsum("ijk,jk->ik", a, b);',
    at: '"ijk,jk->ik"',
    parameter: [writeRankMismatch(0, 2, "ijk", 3)],
  },
  {
    name: "in generic code, a type parameter against another size is refused in the run time's words",
    statement: 'export function mismatched<K extends number>(x: Tensor<[2, K]>) { return einsum("ik,kj->ij", x, b); }',
    at: '"ik,kj->ij"',
    parameter: [writeSizeMismatch("k", 0, "<type parameter>", 1, 3)],
  },
  {
    name: "a bad character",
    statement: 'export const character = einsum("ij,j1->i", a, b);',
    at: '"ij,j1->i"',
    parameter: [writeInvalidCharacter("1", 4)],
  },
];

/** The virtual file: the prelude, then every statement above, once each, one a line. */
export const editorSource = [
  ...prelude,
  ...new Set([...completionCases, ...typeCases, ...diagnosticCases].map((entry) => entry.statement)),
  "",
].join("\n");

/** The offset in the virtual file of `text` inside a statement. */
export function offsetIn(entry: Located, text: string): number {
  const statementStart = editorSource.indexOf(entry.statement);
  const inStatement = entry.statement.indexOf(text);
  if (statementStart < 0 || inStatement < 0) throw new Error(`'${text}' is not in '${entry.statement}'`);
  return statementStart + inStatement;
}

/**
 * The literal types a parameter-type text names, as a sorted list: `'"a" | "b"'` gives `["a", "b"]`. The compilers
 * order union members differently, so tests compare these lists.
 */
export function literalMembers(typeText: string): string[] {
  return [...typeText.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string).sort();
}

/** The parameter type named by an "is not assignable to parameter of type" message, as its literal members. */
export function parameterMembers(message: string): string[] {
  const match = /is not assignable to parameter of type '(.*)'\.$/s.exec(message);
  if (match?.[1] === undefined) throw new Error(`not an argument error: ${message}`);
  return literalMembers(match[1]);
}
