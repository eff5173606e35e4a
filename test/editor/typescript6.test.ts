// The editor's view through TypeScript 6's language service (the one VS Code and most editors run today): the
// completions inside an equation, the hover text of a result, and the errors of refused calls, at their offsets.
// One language service serves the whole file; the virtual file imports the built package from dist/.
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as TypeScript from "typescript6";
import { beforeAll, describe, expect, test } from "vitest";
import { completionCases, diagnosticCases, diagnosticStart, editorSource, offsetIn, parameterMembers, typeCases } from "./editor-cases.js";
import { compilerOptionsJson, ensureBuilt, packageRoot, virtualFile } from "./virtual-project.js";

const ts = createRequire(import.meta.url)(join(packageRoot, "node_modules", "typescript6", "lib", "typescript.js")) as typeof TypeScript;

let service: TypeScript.LanguageService;

beforeAll(() => {
  ensureBuilt();
  const { options, errors } = ts.convertCompilerOptionsFromJson(compilerOptionsJson, packageRoot);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]?.messageText, "\n"));
  const host: TypeScript.LanguageServiceHost = {
    getScriptFileNames: () => [virtualFile],
    getScriptVersion: () => "1",
    getScriptSnapshot: (fileName) => {
      const text = fileName === virtualFile ? editorSource : ts.sys.readFile(fileName);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => packageRoot,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (fileName) => fileName === virtualFile || ts.sys.fileExists(fileName),
    readFile: (fileName) => (fileName === virtualFile ? editorSource : ts.sys.readFile(fileName)),
    directoryExists: (name) => ts.sys.directoryExists(name),
    getDirectories: (name) => ts.sys.getDirectories(name),
    realpath: (name) => ts.sys.realpath?.(name) ?? name,
  };
  service = ts.createLanguageService(host, ts.createDocumentRegistry());
});

describe("TypeScript 6 language service: completions while an equation is typed", () => {
  test.each(completionCases)("$name", (entry) => {
    const position = offsetIn(entry, entry.cursorAfter) + entry.cursorAfter.length;
    const completions = service.getCompletionsAtPosition(virtualFile, position, {});
    const entries = completions?.entries ?? [];
    expect(entries.every((completion) => completion.kind === ts.ScriptElementKind.string)).toBe(true);
    expect(entries.map((completion) => completion.name).sort()).toEqual([...entry.expected].sort());
  });
});

describe("TypeScript 6 language service: no message is ever a completion", () => {
  test.each(diagnosticCases)("$name", (entry) => {
    const position = offsetIn(entry, entry.equation) + entry.equation.length - 1;
    const names = (service.getCompletionsAtPosition(virtualFile, position, {}))?.entries.map((completion) => completion.name) ?? [];
    expect(names).not.toContain(entry.parameter[0]);
    expect(names.every((name) => name.startsWith(entry.equation.slice(1, -1).replace(/-$/, "")))).toBe(true);
  });
});

describe("TypeScript 6 language service: no message is a completion where an operand is typed", () => {
  test.each(diagnosticCases.filter((entry) => entry.at !== entry.equation))("$name", (entry) => {
    const position = diagnosticStart(entry) + entry.at.length;
    const names = (service.getCompletionsAtPosition(virtualFile, position, {}))?.entries.map((completion) => completion.name) ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => entry.parameter.some((message) => name.includes(message)))).toEqual([]);
  });
});

describe("TypeScript 6 language service: hover on a result", () => {
  test.each(typeCases)("$name", (entry) => {
    const info = service.getQuickInfoAtPosition(virtualFile, offsetIn(entry, `const ${entry.identifier} `) + "const ".length);
    expect(ts.displayPartsToString(info?.displayParts)).toBe(`const ${entry.identifier}: ${entry.expected}`);
  });
});

describe("TypeScript 6 language service: errors of refused calls", () => {
  test.each(diagnosticCases)("$name", (entry) => {
    const start = diagnosticStart(entry);
    const found = service.getSemanticDiagnostics(virtualFile).filter((diagnostic) => diagnostic.start === start);
    expect(found).toHaveLength(1);
    const [diagnostic] = found;
    const message = ts.flattenDiagnosticMessageText(diagnostic?.messageText, "\n");
    expect(diagnostic?.code).toBe(entry.code);
    expect(diagnostic?.length).toBe(entry.at.length);
    expect(message.startsWith(`${entry.code === 2345 ? "Argument of type" : "Type"} '${entry.argument}'`)).toBe(true);
    expect(parameterMembers(message)).toEqual([...entry.parameter].sort());
  });

  test("the file has no other error", () => {
    const starts = service.getSemanticDiagnostics(virtualFile).map((diagnostic) => diagnostic.start);
    expect(starts).toEqual(diagnosticCases.map(diagnosticStart).sort((left, right) => left - right));
    expect(service.getSyntacticDiagnostics(virtualFile)).toEqual([]);
  });
});
