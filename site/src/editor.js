// Monaco (the editor of VS Code) from its AMD build, with its TypeScript worker, and typed-einsum's own declaration
// files loaded so that `import { einsum } from "typed-einsum"` resolves to the built library's types.

const modelUri = "file:///playground.ts";

/**
 * On a file:// page (file-mode.js loaded), workers cannot load scripts from files: they start from blobs of the
 * sources that file-mode.js holds.
 */
const fileMode = /** @type {any} */ (globalThis).fileMode;
export const blobWorker = (source) => new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));

/** Loads Monaco through its AMD loader (vs/loader.js, loaded by the page). */
function loadMonaco() {
  return new Promise((resolve, reject) => {
    const amd = /** @type {any} */ (globalThis).require;
    amd.config({ paths: { vs: new URL("vs", location.href).href.replace(/\/$/, "") } });
    amd(["vs/editor/editor.main"], () => {
      if (fileMode !== undefined) {
        self.MonacoEnvironment = {
          getWorker: (_, label) =>
            blobWorker(label === "typescript" || label === "javascript" ? fileMode.workers.typescript : fileMode.workers.editor),
        };
      }
      resolve(/** @type {any} */ (globalThis).monaco);
    }, reject);
  });
}

/** The built library's declaration files, by path under dist/. */
async function declarationFiles() {
  if (fileMode !== undefined) return fileMode.declarations;
  const response = await fetch("lib/types.json");
  if (!response.ok) throw new Error(`lib/types.json: ${response.status}`);
  return response.json();
}

/** The TypeScript defaults: strict, ES2022 modules, DOM, and typed-einsum as a package in node_modules. */
async function configureTypeScript(monaco, typescript) {
  const defaults = typescript.typescriptDefaults;
  defaults.setCompilerOptions({
    target: typescript.ScriptTarget.ES2022,
    module: typescript.ModuleKind.ESNext,
    moduleResolution: typescript.ModuleResolutionKind.NodeJs,
    lib: ["es2022", "dom"],
    strict: true,
    skipLibCheck: true,
    allowNonTsExtensions: true,
  });
  defaults.setEagerModelSync(true);
  /** @type {Record<string, string>} */
  const declarations = await declarationFiles();
  for (const [path, text] of Object.entries(declarations)) {
    defaults.addExtraLib(text, `file:///node_modules/typed-einsum/dist/${path}`);
  }
  defaults.addExtraLib('export * from "./dist/index.js";\n', "file:///node_modules/typed-einsum/index.d.ts");
  defaults.addExtraLib('{ "name": "typed-einsum", "types": "./index.d.ts" }', "file:///node_modules/typed-einsum/package.json");
}

/** A diagnostic's message chain as one text, TypeScript's way (each link on its own line, indented). */
function flatten(messageText, indent = 0) {
  if (typeof messageText === "string") return messageText;
  const own = `${"  ".repeat(indent)}${messageText.messageText}`;
  const next = (messageText.next ?? []).map((link) => flatten(link, indent + 1));
  return [own, ...next].join("\n");
}

/**
 * Creates the editor in `container` with `code`, and resolves to the handles the page needs.
 * @param {HTMLElement} container
 * @param {string} code
 */
export async function createEditor(container, code) {
  const monaco = await loadMonaco();
  const typescript = monaco.typescript ?? monaco.languages.typescript;
  await configureTypeScript(monaco, typescript);
  const model = monaco.editor.createModel(code, "typescript", monaco.Uri.parse(modelUri));
  const editor = monaco.editor.create(container, {
    model,
    theme: "vs-dark",
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineHeight: 21,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    quickSuggestions: { other: true, comments: false, strings: true },
    padding: { top: 12 },
    tabSize: 2,
    wordWrap: "on",
  });
  const workerFor = await typescript.getTypeScriptWorker();

  return {
    monaco,
    editor,
    model,
    /** The current compiler errors: syntactic, then semantic, each with its line, column and full message. */
    async diagnostics() {
      const version = model.getVersionId();
      const worker = await workerFor(model.uri);
      const uri = model.uri.toString();
      const found = [...(await worker.getSyntacticDiagnostics(uri)), ...(await worker.getSemanticDiagnostics(uri))];
      return {
        version,
        list: found.map((diagnostic) => {
          const position = model.getPositionAt(diagnostic.start ?? 0);
          return {
            line: position.lineNumber,
            column: position.column,
            code: diagnostic.code,
            message: flatten(diagnostic.messageText),
          };
        }),
      };
    },
    /** The code as JavaScript, from the TypeScript worker's emit. */
    async javascript() {
      const worker = await workerFor(model.uri);
      const output = await worker.getEmitOutput(model.uri.toString());
      const file = output.outputFiles.find((candidate) => candidate.name.endsWith(".js"));
      if (file === undefined) throw new Error("TypeScript emitted no JavaScript");
      return file.text;
    },
  };
}
