// Runs JavaScript emitted from the editor's code in a fresh module worker, with "typed-einsum" resolved to the built
// library (through trace-einsum.js, which also reports contraction trees). A new run ends the previous one.

import { blobWorker } from "./editor.js";

const libraryUrl = new URL("trace-einsum.js", location.href).href;
const fileMode = /** @type {any} */ (globalThis).fileMode;
let current;

/** Points the code's imports of "typed-einsum" at the built library. */
export function resolveLibrary(javascript) {
  return javascript.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])typed-einsum\2/g,
    (_, before, quote) => `${before}${quote}${libraryUrl}${quote}`,
  );
}

/**
 * For a file:// page, whose worker cannot import modules: the code as the body of an async function, its imports of
 * "typed-einsum" read from the bundled library (`TypedEinsum`, in the worker that file-mode.js starts).
 */
export function asFunctionBody(javascript) {
  return javascript
    .replace(/^\s*import\s*\*\s*as\s+(\w+)\s+from\s*(["'])typed-einsum\2;?/gm, "const $1 = TypedEinsum;")
    .replace(/^\s*import\s*\{([^}]*)\}\s*from\s*(["'])typed-einsum\2;?/gm, (_, names) =>
      `const {${names.replace(/\b(\w+)\s+as\s+(\w+)/g, "$1: $2")}} = TypedEinsum;`,
    )
    .replace(/^export\s+(?=const|let|var|function|class|async)/gm, "")
    .replace(/^export\s*\{[^}]*\};?/gm, "");
}

/**
 * Runs `javascript`; `on.log(level, text)` for what it logs, `on.tree(tree)` for each contraction tree, and the
 * promise resolves to `{ ok, error? }` when the module has run (or failed).
 */
export function run(javascript, on) {
  current?.terminate();
  const worker = fileMode === undefined ? new Worker("run-worker.js", { type: "module" }) : blobWorker(fileMode.runtime);
  current = worker;
  return new Promise((resolve) => {
    worker.onmessage = (event) => {
      if (worker !== current) return;
      const message = event.data;
      if (message.kind === "ready") {
        worker.postMessage(fileMode === undefined ? { code: resolveLibrary(javascript) } : { body: asFunctionBody(javascript) });
      }
      else if (message.kind === "log") on.log(message.level, message.text);
      else if (message.kind === "tree") on.tree(message);
      else if (message.kind === "done") resolve({ ok: true });
      else if (message.kind === "failed") resolve({ ok: false, error: message.text });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      resolve({ ok: false, error: event.message || "the worker failed to start" });
    };
  });
}
