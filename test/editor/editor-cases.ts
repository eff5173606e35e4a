import {
  writeAtColumn,
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
 * A refused call. Its error is on the argument written `at` (its first occurrence in the statement, after `after`
 * when given): the equation for a mistake of the equation itself, the operand for a size or rank that does not fit.
 * The error names the argument's type, `argument` (the text of `at` for an equation), and a parameter type that
 * holds these literals: the run time's message first, and for an equation refused only because it is not finished,
 * the completions beside it. `equation` is the call's equation as written, where the editor is asked for
 * completions.
 */
export interface DiagnosticCase extends Located {
  readonly equation: string;
  readonly at: string;
  readonly after?: string;
  readonly argument: string;
  readonly code: 2345 | 2322;
  readonly parameter: readonly string[];
}

/** Where a refused call's error starts in the virtual file. */
export function diagnosticStart(entry: DiagnosticCase): number {
  const after = entry.after ?? "";
  return offsetIn(entry, `${after}${entry.at}`) + after.length;
}

const prelude = [
  'import { contractExpression, einsum, zeros, type Tensor } from "typed-einsum";',
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

/** The equation of a statement: its first string literal, quotes included. */
function equationOf(statement: string): string {
  const found = /"[^"]*"/.exec(statement)?.[0];
  if (found === undefined) throw new Error(`no equation in '${statement}'`);
  return found;
}

/** A refused call whose error stays on its equation. */
function onEquation(name: string, statement: string, parameter: readonly string[]): DiagnosticCase {
  const equation = equationOf(statement);
  return { name, statement, equation, at: equation, argument: equation, code: 2345, parameter };
}

/** A refused call whose error is on an operand, written `at` (after `after`), of type `argument`. */
interface OperandFault {
  readonly name: string;
  readonly statement: string;
  readonly at: string;
  readonly after?: string;
  readonly argument: string;
  readonly code?: 2322;
  readonly message: string;
}

function onOperand({ name, statement, message, ...operand }: OperandFault): DiagnosticCase {
  return { name, statement, equation: equationOf(statement), code: 2345, ...operand, parameter: [message] };
}

const matrix = (shape: string): string => `Tensor<[${shape}], "float64">`;

export const diagnosticCases: readonly DiagnosticCase[] = [
  onEquation(
    "an empty output that needs a '...' is refused, with the completions beside the message",
    'export const batched = einsum("...ij,...jk->", batchA, batchB);',
    [writeAtColumn(writeOutputEllipsisMissing(1), 13), ...continuations('export const batched = einsum("...ij,...jk->", batchA, batchB);')],
  ),
  ...(
    [
      ['export const started = einsum("", a, b);', writeAtColumn(writeOperandCount(1, 2), 0)],
      ['export const firstTerm = einsum("i", a, b);', writeAtColumn(writeOperandCount(1, 2), 1)],
      ['export const firstDone = einsum("ij", a, b);', writeAtColumn(writeOperandCount(1, 2), 2)],
      ['export const dash = einsum("ij,jk-", a, b);', writeMalformedArrow(5)],
      ['export const noOperands = einsum("ij");', writeAtColumn(writeOperandCount(1, 0), 2)],
      ['export const definite = einsum("ij,jk->ii", a, b);', writeAtColumn(writeRepeatedOutputLabel("i"), 8)],
    ] as const
  ).map(([statement, message]) =>
    onEquation(`while typing, ${equationOf(statement)} is refused with the run time's message, beside its completions if any`, statement, [
      message,
      ...continuations(statement),
    ]),
  ),
  ...(
    [
      ['export const secondTerm = einsum("ij,", a, b);', "b", "3, 4", writeRankMismatch(1, 2, "", 0)],
      ['export const secondHalf = einsum("ij,j", a, b);', "b", "3, 4", writeRankMismatch(1, 2, "j", 1)],
      ['export const batchedTerm = einsum("...ij,", batchA, batchB);', "batchB", "7, 3, 4", writeRankMismatch(1, 3, "", 0)],
      ['export const sizes = einsum("ij,jk", a, zeros([4, 5]));', "zeros([4, 5])", "4, 5", writeSizeMismatch("j", 0, 3, 1, 4)],
    ] as const
  ).map(([statement, at, shape, message]) =>
    onOperand({
      name: `while typing ${equationOf(statement)}, the operand that does not fit shows the run time's message`,
      statement,
      at,
      after: ", ",
      argument: matrix(shape),
      message,
    }),
  ),
  ...[
    {
      name: "a size mismatch is on the later operand, and names the label, both operands and both sizes",
      statement: 'export const mismatch = einsum("ij,jk->ik", a, zeros([4, 5]));',
      at: "zeros([4, 5])",
      argument: matrix("4, 5"),
      message: writeSizeMismatch("j", 0, 3, 1, 4),
    },
    {
      name: "a size mismatch among three operands is on the one that disagrees",
      statement: 'export const chain = einsum("ij,jk,kl->il", a, b, zeros([5, 2]));',
      at: "zeros([5, 2])",
      argument: matrix("5, 2"),
      message: writeSizeMismatch("k", 1, 4, 2, 5),
    },
    {
      name: "in the operand-list form, a size mismatch is on the list's element",
      statement: 'export const listed = einsum("ij,jk->ik", [a, zeros([4, 6])]);',
      at: "zeros([4, 6])",
      argument: matrix("4, 6"),
      code: 2322 as const,
      message: writeSizeMismatch("j", 0, 3, 1, 4),
    },
    {
      name: "a size mismatch is on the operand even with an options object after it",
      statement: 'export const optioned = einsum("ij,jk->ik", a, zeros([4, 7]), { optimize: "greedy" });',
      at: "zeros([4, 7])",
      argument: matrix("4, 7"),
      message: writeSizeMismatch("j", 0, 3, 1, 4),
    },
    {
      name: "a rank mismatch is on the operand whose rank differs",
      statement: 'export const ranked = einsum("ijk,jk->ik", a, b);',
      at: "a",
      after: '"ijk,jk->ik", ',
      argument: matrix("2, 3"),
      message: writeRankMismatch(0, 2, "ijk", 3),
    },
    {
      name: "a rank mismatch of the second operand is on it",
      statement: 'export const rankedSecond = einsum("ij,k->ik", a, b);',
      at: "b",
      after: ", ",
      argument: matrix("3, 4"),
      message: writeRankMismatch(1, 2, "k", 1),
    },
    {
      name: "in generic code, a type parameter against another size is refused on the operand, in the run time's words",
      statement: 'export function mismatched<K extends number>(x: Tensor<[2, K]>) { return einsum("ik,kj->ij", x, b); }',
      at: "b",
      after: "x, ",
      argument: matrix("3, 4"),
      message: writeSizeMismatch("k", 0, "<type parameter>", 1, 3),
    },
    {
      name: "contractExpression: a size mismatch is on the planned shape at fault",
      statement: 'export const planned = contractExpression("ij,jk->ik", [2, 3], [4, 8]);',
      at: "[4, 8]",
      argument: "number[]",
      message: writeSizeMismatch("j", 0, 3, 1, 4),
    },
  ].map(onOperand),
  onEquation("an unknown output label suggests the input label of the other case", 'export const misspelt = einsum("ij,jk->iK", a, b);', [
    writeDidYouMean(writeAtColumn(writeUnknownOutputLabel("K"), 8), "k"),
  ]),
  onEquation("an unknown output label with no close input label", 'export const unknown = einsum("ij,jk->iz", a, b);', [
    writeAtColumn(writeUnknownOutputLabel("z"), 8),
  ]),
  onEquation("a repeated output label", 'export const repeated = einsum("ij,jk->ii", a, b);', [writeAtColumn(writeRepeatedOutputLabel("i"), 8)]),
  onEquation("too few operands", 'export const missing = einsum("ij,jk->ik", a);', [writeAtColumn(writeOperandCount(2, 1), 5)]),
  onEquation("a bad character", 'export const character = einsum("ij,j1->i", a, b);', [writeInvalidCharacter("1", 4)]),
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
  const match = /is not assignable to (?:parameter of )?type '(.*)'\.$/.exec(message.split("\n")[0] ?? "");
  if (match?.[1] === undefined) throw new Error(`not an argument error: ${message}`);
  return literalMembers(match[1]);
}
