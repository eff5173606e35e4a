// Runs JavaScript emitted from the editor's code in a fresh module worker, with "typed-einsum" resolved to the built
// library (through trace-einsum.js, which also reports contraction trees). A new run ends the previous one.

const libraryUrl = new URL("trace-einsum.js", location.href).href;
let current;

/** Points the code's imports of "typed-einsum" at the built library. */
export function resolveLibrary(javascript) {
  return javascript.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])typed-einsum\2/g,
    (_, before, quote) => `${before}${quote}${libraryUrl}${quote}`,
  );
}

/**
 * Runs `javascript`; `on.log(level, text)` for what it logs, `on.tree(tree)` for each contraction tree, and the
 * promise resolves to `{ ok, error? }` when the module has run (or failed).
 */
export function run(javascript, on) {
  current?.terminate();
  const worker = new Worker("run-worker.js", { type: "module" });
  current = worker;
  return new Promise((resolve) => {
    worker.onmessage = (event) => {
      if (worker !== current) return;
      const message = event.data;
      if (message.kind === "ready") worker.postMessage({ code: resolveLibrary(javascript) });
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
