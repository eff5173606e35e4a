// The editor's view through TypeScript 7's native compiler, driven by its API (`typescript/unstable/sync`): the
// completions inside an equation, the type of a result, and the errors of refused calls, at their offsets.
//
// What the API exposes: `Checker.getCompletionsAtPosition`, `Checker.getTypeAtPosition` with `typeToString`, and
// `Program.getSemanticDiagnostics`. It has no quick-info (hover) request, so the hover check here reads the type
// at the result's name and prints it with `typeToString`, which is the text the hover shows after `const c: `.
// One API session serves the whole file; the virtual file and its tsconfig live in memory, and the file imports the
// built package from dist/.
import { join } from "node:path";
import { API, CompletionItemKind, type Project } from "typescript/unstable/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { completionCases, diagnosticCases, diagnosticStart, editorSource, offsetIn, parameterMembers, typeCases } from "./editor-cases.js";
import { compilerOptionsJson, ensureBuilt, packageRoot, virtualConfig, virtualFile } from "./virtual-project.js";

const virtualFiles = new Map<string, string>([
  [virtualFile, editorSource],
  [virtualConfig, JSON.stringify({ compilerOptions: compilerOptionsJson, files: [virtualFile] })],
]);

let api: API;
let project: Project;

beforeAll(() => {
  ensureBuilt();
  api = new API({
    cwd: packageRoot,
    fs: {
      readFile: (fileName) => virtualFiles.get(fileName),
      fileExists: (fileName) => (virtualFiles.has(fileName) ? true : undefined),
    },
  });
  const opened = api.updateSnapshot({ openProjects: [virtualConfig] }).getProject(virtualConfig);
  if (opened === undefined) throw new Error(`the native compiler did not open ${virtualConfig}`);
  project = opened;
});

afterAll(() => {
  api.close();
});

describe("TypeScript 7 native API: completions while an equation is typed", () => {
  test.each(completionCases)("$name", (entry) => {
    const position = offsetIn(entry, entry.cursorAfter) + entry.cursorAfter.length;
    const completions = project.checker.getCompletionsAtPosition(virtualFile, position);
    const entries = completions?.entries ?? [];
    expect(entries.every((completion) => completion.kind === CompletionItemKind.Constant)).toBe(true);
    expect(entries.map((completion) => completion.name).sort()).toEqual([...entry.expected].sort());
  });
});

describe("TypeScript 7 native API: no message is ever a completion", () => {
  test.each(diagnosticCases)("$name", (entry) => {
    const position = offsetIn(entry, entry.equation) + entry.equation.length - 1;
    const names = (project.checker.getCompletionsAtPosition(virtualFile, position))?.entries.map((completion) => completion.name) ?? [];
    expect(names).not.toContain(entry.parameter[0]);
    expect(names.every((name) => name.startsWith(entry.equation.slice(1, -1).replace(/-$/, "")))).toBe(true);
  });
});

// Where an operand is typed, the API answers "completion list needs auto imports": the TypeScript 6 language service
// checks there that no message is offered.

describe("TypeScript 7 native API: the type of a result", () => {
  test.each(typeCases)("$name", (entry) => {
    const type = project.checker.getTypeAtPosition(virtualFile, offsetIn(entry, `const ${entry.identifier} `) + "const ".length);
    expect(type).toBeDefined();
    expect(type && project.checker.typeToString(type)).toBe(entry.expected);
  });
});

describe("TypeScript 7 native API: errors of refused calls", () => {
  test.each(diagnosticCases)("$name", (entry) => {
    const start = diagnosticStart(entry);
    const found = project.program.getSemanticDiagnostics(virtualFile).filter((diagnostic) => diagnostic.pos === start);
    expect(found).toHaveLength(1);
    const [diagnostic] = found;
    expect(diagnostic?.code).toBe(entry.code);
    expect(diagnostic?.end).toBe(start + entry.at.length);
    expect(diagnostic?.text.startsWith(`${entry.code === 2345 ? "Argument of type" : "Type"} '${entry.argument}'`)).toBe(true);
    expect(parameterMembers(diagnostic?.text ?? "")).toEqual([...entry.parameter].sort());
  });

  test("the file has no other error", () => {
    const starts = project.program.getSemanticDiagnostics(virtualFile).map((diagnostic) => diagnostic.pos);
    expect(starts).toEqual(diagnosticCases.map(diagnosticStart).sort((left, right) => left - right));
    expect(project.program.getSyntacticDiagnostics(virtualFile)).toEqual([]);
  });
});
