import {
  writeDidYouMean,
  writeInvalidCharacter,
  writeMalformedArrow,
  writeOperandCount,
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
 * names holds these literals: the run time's message first, and for an equation refused only because it is not
 * finished, the completions beside it.
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
    name: "...ij,...jk-> (an ellipsis of one dimension) offers the same, and not the message",
    statement: 'export const batched = einsum("...ij,...jk->", batchA, batchB);',
    cursorAfter: 'einsum("...ij,...jk->',
    expected: [
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
  {
    name: "an empty equation offers a label per dimension of the first operand",
    statement: 'export const started = einsum("", a, b);',
    cursorAfter: 'einsum("',
    expected: ["i", "j"],
  },
  {
    name: "a first term with a dimension left offers the labels not in it",
    statement: 'export const firstTerm = einsum("i", a, b);',
    cursorAfter: 'einsum("i',
    expected: ["ij"],
  },
  {
    name: "a complete first term offers ','",
    statement: 'export const firstDone = einsum("ij", a, b);',
    cursorAfter: 'einsum("ij',
    expected: ["ij,"],
  },
  {
    name: "after ',' the used labels come with fresh ones, as many as the operand's rank",
    statement: 'export const secondTerm = einsum("ij,", a, b);',
    cursorAfter: 'einsum("ij,',
    expected: ["ij,i", "ij,j", "ij,k", "ij,l"],
  },
  {
    name: "a second term with a dimension left offers the used label not in it and a fresh one",
    statement: 'export const secondHalf = einsum("ij,j", a, b);',
    cursorAfter: 'einsum("ij,j',
    expected: ["ij,ji", "ij,jk"],
  },
  {
    name: "complete inputs offer '->' and the implicit output spelled out",
    statement: 'export const implicit = einsum("ij,jk", a, b);',
    cursorAfter: 'einsum("ij,jk',
    expected: ["ij,jk", "ij,jk->", "ij,jk->ik"],
  },
  {
    name: "complete inputs of a rank-3 operand offer the implicit output in ASCII order",
    statement: 'export const implicitTransform = einsum("bk,aki", zl, W);',
    cursorAfter: 'einsum("bk,aki',
    expected: ["bk,aki", "bk,aki->", "bk,aki->abi"],
  },
  {
    name: "a trailing '-' is offered the '>' that completes the arrow",
    statement: 'export const dash = einsum("ij,jk-", a, b);',
    cursorAfter: 'einsum("ij,jk-',
    expected: ["ij,jk->", "ij,jk->ik"],
  },
  {
    name: "after an ellipsis term, the next term is offered '...' and labels for its rank",
    statement: 'export const batchedTerm = einsum("...ij,", batchA, batchB);',
    cursorAfter: 'einsum("...ij,',
    expected: ["...ij,i", "...ij,j", "...ij,k", "...ij,l", "...ij,m", "...ij,..."],
  },
  {
    name: "a term with an ellipsis is complete and may take more labels",
    statement: 'export const batchedInputs = einsum("...ij,...jk", batchA, batchB);',
    cursorAfter: 'einsum("...ij,...jk',
    expected: ["...ij,...jk", "...ij,...jki", "...ij,...jkl", "...ij,...jk->", "...ij,...jk->...ik"],
  },
  {
    name: "before any operand is written, labels, ',' and '->' are offered, not the operand count",
    statement: 'export const noOperands = einsum("ij");',
    cursorAfter: 'einsum("ij',
    expected: ["ijk", "ijl", "ij,", "ij->"],
  },
  {
    name: "a definite error offers nothing: its message is never a completion",
    statement: 'export const definite = einsum("ij,jk->ii", a, b);',
    cursorAfter: 'einsum("ij,jk->ii',
    expected: [],
  },
  {
    name: "a size mismatch in a complete term offers nothing",
    statement: 'export const sizes = einsum("ij,jk", a, zeros([4, 5]));',
    cursorAfter: 'einsum("ij,jk',
    expected: [],
  },
];

const continuations = (statement: string): readonly string[] =>
  completionCases.find((entry) => entry.statement === statement)?.expected ?? [];

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

export const diagnosticCases: readonly DiagnosticCase[] = [
  {
    name: "an empty output that needs a '...' is refused, with the completions beside the message",
    statement: 'export const batched = einsum("...ij,...jk->", batchA, batchB);',
    at: '"...ij,...jk->"',
    parameter: [writeOutputEllipsisMissing(1), ...continuations('export const batched = einsum("...ij,...jk->", batchA, batchB);')],
  },
  ...(
    [
      ['export const started = einsum("", a, b);', '""', writeOperandCount(1, 2)],
      ['export const firstTerm = einsum("i", a, b);', '"i"', writeOperandCount(1, 2)],
      ['export const firstDone = einsum("ij", a, b);', '"ij"', writeOperandCount(1, 2)],
      ['export const secondTerm = einsum("ij,", a, b);', '"ij,"', writeRankMismatch(1, 2, "", 0)],
      ['export const secondHalf = einsum("ij,j", a, b);', '"ij,j"', writeRankMismatch(1, 2, "j", 1)],
      ['export const dash = einsum("ij,jk-", a, b);', '"ij,jk-"', writeMalformedArrow(5)],
      ['export const batchedTerm = einsum("...ij,", batchA, batchB);', '"...ij,"', writeRankMismatch(1, 3, "", 0)],
      ['export const noOperands = einsum("ij");', '"ij"', writeOperandCount(1, 0)],
      ['export const sizes = einsum("ij,jk", a, zeros([4, 5]));', '"ij,jk"', writeSizeMismatch("j", 0, 3, 1, 4)],
      ['export const definite = einsum("ij,jk->ii", a, b);', '"ij,jk->ii"', writeRepeatedOutputLabel("i")],
    ] as const
  ).map(([statement, at, message]) => ({
    name: `while typing, ${at} is refused with the run time's message, beside its completions if any`,
    statement,
    at,
    parameter: [message, ...continuations(statement)],
  })),
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

/**
 * The parameter type named by an "is not assignable to parameter of type" message, as its literal members. Only
 * the message's first line names it; the lines after elaborate on the members.
 */
export function parameterMembers(message: string): string[] {
  const match = /is not assignable to parameter of type '(.*)'\.$/.exec(message.split("\n")[0] ?? "");
  if (match?.[1] === undefined) throw new Error(`not an argument error: ${message}`);
  return literalMembers(match[1]);
}
