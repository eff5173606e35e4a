import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const sourceRoot = fileURLToPath(new URL("../../src/", import.meta.url));

/**
 * Compiles src/ file by file to plain ES modules (types stripped, no checking) in a new temporary folder, as a
 * package that a script run by a separate Node process can import; returns the folder.
 *
 * @example
 * const root = compileSources("typed-einsum-threads-");
 * writeFileSync(join(root, "run.mjs"), 'import { einsum } from "./index.js";');
 */
export function compileSources(prefix: string): string {
  const outRoot = mkdtempSync(join(tmpdir(), prefix));
  const ts = createRequire(import.meta.url)("typescript6") as typeof import("typescript6");
  const walk = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
    );
  for (const file of walk(sourceRoot)) {
    if (!file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    });
    const target = join(outRoot, relative(sourceRoot, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(outRoot, "package.json"), '{ "type": "module" }\n');
  return outRoot;
}

/**
 * Writes `source` as an ES module beside the compiled package in `root` and runs it in a new Node process, which
 * is killed after `timeoutMs`.
 *
 * @example
 * const child = runScript(root, 'import { einsum } from "./index.js"; console.log("ok");', 30_000);
 * child.stdout; //=> "ok\n"
 */
export function runScript(root: string, source: string, timeoutMs: number): SpawnSyncReturns<string> {
  const file = join(root, "script.mjs");
  writeFileSync(file, source);
  return spawnSync(process.execPath, [file], { encoding: "utf8", timeout: timeoutMs });
}
