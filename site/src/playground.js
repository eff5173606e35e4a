// The playground page: examples, the editor and its live diagnostics, Run, the output and the contraction trees.
import { createEditor } from "./editor.js";
import { examples } from "./examples.js";
import { showProblems } from "./problems.js";
import { run } from "./run.js";
import { drawTree } from "./trees.js";
import { codeFromHash, exampleFromHash, writeCodeToHash } from "./url-code.js";

const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const diagnosticsList = byId("diagnostics");
const problemCount = byId("problem-count");
const output = byId("output");
const runStatus = byId("run-status");
const trees = byId("path");
const select = /** @type {HTMLSelectElement} */ (byId("examples"));
const runButton = byId("run");
const editorStatus = byId("editor-status");

const isolation = byId("isolation");
isolation.textContent = crossOriginIsolated ? "threads: available" : "threads: off";
isolation.classList.toggle("on", crossOriginIsolated);
isolation.title = crossOriginIsolated
  ? "This page is cross-origin isolated: einsum(..., { threads: 2 }) may share large products with Web Workers."
  : "Serve the page with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp " +
    "to let einsum use threads (node site/serve.mjs does).";

for (const example of examples) select.append(new Option(example.title, example.id));
const startExample = examples.find((example) => example.id === exampleFromHash()) ?? examples[0];
const startCode = codeFromHash() ?? startExample.code;
select.value = codeFromHash() === undefined ? startExample.id : "";
if (select.value === "") select.prepend(new Option("Code from the link", "", true, true));

function appendOutput(text, className) {
  const line = document.createElement("span");
  if (className !== undefined) line.className = className;
  line.textContent = `${text}\n`;
  output.append(line);
}

if (location.protocol === "file:" && globalThis.fileMode === undefined) {
  appendOutput(
    "This page could not load file-mode.js, which it needs on a file: URL. Serve the folder instead:\n" +
      "`npm run serve:site` in the repository, then http://127.0.0.1:8080/.",
    "error",
  );
}

async function main() {
  const session = await createEditor(byId("editor"), startCode).catch((error) => {
    editorStatus.textContent = `The editor failed to load: ${error}`;
    throw error;
  });
  editorStatus.textContent = "";
  const { editor, model, monaco } = session;

  let checking = 0;
  async function check() {
    const ticket = ++checking;
    diagnosticsList.dataset.state = "pending";
    problemCount.textContent = "checking…";
    problemCount.className = "count";
    const { version, list } = await session.diagnostics();
    if (ticket !== checking || version !== model.getVersionId()) return;
    showProblems({ panel: diagnosticsList, count: problemCount, editor }, list);
    diagnosticsList.dataset.state = "checked";
  }

  let runs = 0;
  async function runCode() {
    const ticket = ++runs;
    output.replaceChildren();
    trees.replaceChildren();
    output.dataset.state = "running";
    runStatus.textContent = "running…";
    runStatus.className = "count";
    let drawn = Promise.resolve();
    let result;
    try {
      const javascript = await session.javascript();
      result = await run(javascript, {
        log: (level, text) => ticket === runs && appendOutput(text, level === "error" ? "error" : level === "warn" ? "warn" : undefined),
        tree: (tree) => {
          drawn = drawn.then(async () => {
            if (ticket !== runs) return;
            try {
              trees.append(await drawTree(tree));
            } catch (error) {
              appendOutput(`Could not draw the tree of "${tree.equation}": ${error}`, "error");
            }
          });
        },
      });
    } catch (error) {
      result = { ok: false, error: String(error) };
    }
    await drawn;
    if (ticket !== runs) return;
    if (!result.ok) appendOutput(result.error ?? "failed", "error");
    if (trees.childElementCount === 0) {
      const hint = document.createElement("p");
      hint.className = "hint";
      hint.textContent = "No einsum call with three or more operands ran.";
      trees.append(hint);
    }
    runStatus.textContent = result.ok ? "done" : "failed";
    runStatus.className = `count ${result.ok ? "good" : "bad"}`;
    output.dataset.state = result.ok ? "done" : "failed";
  }

  let typing;
  model.onDidChangeContent(() => {
    diagnosticsList.dataset.state = "pending";
    clearTimeout(typing);
    typing = setTimeout(() => {
      writeCodeToHash(model.getValue());
      void check();
    }, 400);
  });

  select.addEventListener("change", () => {
    const example = examples.find((candidate) => candidate.id === select.value);
    if (example === undefined) return;
    model.setValue(example.code);
    history.replaceState(null, "", `#example=${example.id}`);
    void runCode();
  });
  runButton.addEventListener("click", () => void runCode());
  byId("share").addEventListener("click", async () => {
    writeCodeToHash(model.getValue());
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    byId("share").textContent = "Link copied";
    setTimeout(() => (byId("share").textContent = "Copy link"), 1500);
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void runCode());

  await check();
  await runCode();
}

void main();
