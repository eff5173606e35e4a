// The playground's file:// version. Browsers refuse module scripts and workers loaded from file: URLs, so for a page
// opened straight from the disk the build also writes classic scripts:
//   playground.file.js  the page's modules bundled into one script (esbuild)
//   file-mode.js        `self.fileMode`: the sources of Monaco's workers, the library's declarations, and the run
//                       worker (the library bundled with its tree reports, then run-worker.js), each started from a blob
// index.html loads them only on a file: URL; over HTTP the page uses its modules as they are.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";

async function bundle(entry, options) {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "iife", target: "es2022", minify: true, logLevel: "error", ...options });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  return file.text;
}

/** Writes playground.file.js and file-mode.js into `out` (the site's dist, with its modules already copied). */
export async function buildFileMode(out) {
  await writeFile(join(out, "playground.file.js"), await bundle(join(out, "playground.js"), {}));
  const assets = await readdir(join(out, "vs", "assets"));
  const workerSource = async (prefix) => {
    const name = assets.find((candidate) => candidate.startsWith(prefix) && candidate.endsWith(".js"));
    if (name === undefined) throw new Error(`monaco-editor has no ${prefix}*.js worker`);
    return readFile(join(out, "vs", "assets", name), "utf8");
  };
  const library = await bundle(join(out, "trace-einsum.js"), { globalName: "TypedEinsum" });
  const fileMode = {
    workers: { editor: await workerSource("editor.worker-"), typescript: await workerSource("ts.worker-") },
    declarations: JSON.parse(await readFile(join(out, "lib", "types.json"), "utf8")),
    runtime: `${library}\n${await readFile(join(out, "run-worker.js"), "utf8")}`,
  };
  await writeFile(join(out, "file-mode.js"), `self.fileMode = ${JSON.stringify(fileMode)};\n`);
}
