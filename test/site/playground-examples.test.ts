import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSizeMismatch } from "../../src/messages.js";
import { packageRoot } from "../fixtures/example-project.js";
import { typescript6 as ts } from "../fixtures/typescript6.js";

/**
 * The playground's preloaded examples (site/examples/*.ts) compile under the project's strict options, with
 * "typed-einsum" resolved to src/: each without error, except the one that shows a shape error, which must show
 * exactly the runtime's message. (The browser suite runs them in the page.)
 */
const folder = join(packageRoot, "site", "examples");
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".ts"))
  .sort()
  .map((name) => join(folder, name));

function errorsByFile(): Map<string, string[]> {
  const config = {
    extends: "./tsconfig.base.json",
    compilerOptions: { noEmit: true, types: [], lib: ["ES2022", "DOM"], paths: { "typed-einsum": ["./src/index.ts"] } },
    files,
  };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, packageRoot);
  expect(parsed.errors).toEqual([]);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const errors = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? "(no file)";
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    errors.set(file, [...(errors.get(file) ?? []), message]);
  }
  return errors;
}

describe("the playground's examples", () => {
  it("are at least the article's sections 2 and 3, and each starts with its title", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) expect(ts.sys.readFile(file)?.split("\n")[0], file).toMatch(/^\/\/ \S/);
  });

  it("compile without error, except the shape error example, which shows the runtime's message", () => {
    const errors = errorsByFile();
    for (const [file, messages] of errors) {
      if (file.endsWith("shape-errors.ts")) {
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain(writeSizeMismatch("j", 0, 3, 1, 4));
      } else {
        expect(messages, file).toEqual([]);
      }
    }
  }, 180_000); // one TypeScript program over src/ and the examples: about 20 s alone, several times that under load
});
