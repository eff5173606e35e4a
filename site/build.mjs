// Builds the site into site/dist/ (git-ignored) from the built library (dist/, made by `npm run build`):
//   index.html     the playground (Monaco with TypeScript's language service, the library's .d.ts, Run, trees)
//   lib/           the built library's modules and its declaration files (lib/types.json for the editor)
//   vs/            Monaco's AMD build;  vendor/viz.js  Graphviz in WebAssembly (@viz-js/viz)
//   guides/        docs/*.md rendered to HTML
//   api/           the API reference, generated from the JSDoc by TypeDoc
// Usage: `npm run build:site` (builds the library first). `node site/build.mjs --no-api` skips TypeDoc.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { renderGuides } from "./guides.mjs";
import { buildApiReference } from "./api.mjs";
import { buildFileMode } from "./file-mode.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const site = join(root, "site");
const out = join(site, "dist");
const library = join(root, "dist");
const modules = join(root, "node_modules");

async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** The built library's modules (.js) into lib/, and its declarations into lib/types.json for the editor. */
async function copyLibrary() {
  if (!existsSync(join(library, "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first.");
  const declarations = {};
  for (const file of await filesUnder(library)) {
    const path = relative(library, file).split("\\").join("/");
    if (file.endsWith(".js")) {
      await mkdir(dirname(join(out, "lib", path)), { recursive: true });
      await cp(file, join(out, "lib", path));
    } else if (file.endsWith(".d.ts")) {
      declarations[path] = await readFile(file, "utf8");
    }
  }
  await writeFile(join(out, "lib", "types.json"), JSON.stringify(declarations));
  return Object.keys(declarations).length;
}

/** site/examples/*.ts as a module: `export const examples = [{ id, title, code }]`, titled by their first line. */
async function writeExamples() {
  const folder = join(site, "examples");
  const names = (await readdir(folder)).filter((name) => name.endsWith(".ts")).sort();
  const examples = [];
  for (const name of names) {
    const code = await readFile(join(folder, name), "utf8");
    const [first = "", ...rest] = code.split("\n");
    examples.push({ id: basename(name, ".ts").replace(/^\d+-/, ""), title: first.replace(/^\/\/\s*/, ""), code: rest.join("\n").replace(/^\n+/, "") });
  }
  await writeFile(join(out, "examples.js"), `export const examples = ${JSON.stringify(examples, null, 2)};\n`);
  return examples.length;
}

const withApi = !process.argv.includes("--no-api");
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await cp(join(site, "src"), out, { recursive: true });
const declarationCount = await copyLibrary();
const exampleCount = await writeExamples();
await cp(join(modules, "monaco-editor", "min", "vs"), join(out, "vs"), { recursive: true });
await mkdir(join(out, "vendor"), { recursive: true });
await cp(join(modules, "@viz-js", "viz", "dist", "viz.js"), join(out, "vendor", "viz.js"));
await buildFileMode(out);
const guideCount = await renderGuides(join(root, "docs"), join(out, "guides"));
if (withApi) await buildApiReference(root, join(out, "api"));
console.log(
  `site/dist: the playground with ${exampleCount} examples and ${declarationCount} declaration files, ` +
    `${guideCount} guides${withApi ? ", the API reference" : ""}.`,
);
