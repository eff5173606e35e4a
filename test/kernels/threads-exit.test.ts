import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const sourceRoot = fileURLToPath(new URL("../../src/", import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), "typed-einsum-threads-"));

/** Compiles src/ file by file to plain ES modules (types stripped, no checking), as a package a script can import. */
function compileSources(): void {
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
}

const script = `
import { einsum } from "./index.js";
import { acquireThreadPool } from "./kernels/threads/thread-pool.js";
const n = 300;
const a = { shape: [n, n], data: Float64Array.from({ length: n * n }, (_, i) => (i % 17) - 8) };
const b = { shape: [n, n], data: Float64Array.from({ length: n * n }, (_, i) => (i % 13) - 6) };
const one = einsum("ij,jk->ik", a, b);
let same = true;
for (let round = 0; round < 5; round++) {
  const two = einsum("ij,jk->ik", a, b, { threads: 2 });
  same &&= two.data.every((value, index) => value === one.data[index]);
}
// The workers are started, and now sleep in Atomics.wait: the process must still end by itself.
console.log(JSON.stringify({ same, workers: acquireThreadPool(2)?.workers ?? 0 }));
`;

describe("a process that used threads", () => {
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  it("exits by itself, with code 0, once its work is done", () => {
    compileSources();
    writeFileSync(join(outRoot, "run.mjs"), script);
    const started = Date.now();
    const child = spawnSync(process.execPath, [join(outRoot, "run.mjs")], { encoding: "utf8", timeout: 30_000 });
    expect(child.error, "the process did not exit within 30 s").toBeUndefined();
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ same: true, workers: 1 });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
