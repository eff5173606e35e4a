// The type-level cost of the element-wise ops: instantiations per call under TypeScript 6 (the counter that
// `tsc --extendedDiagnostics` prints, read through the compiler API), each call checked in a probe file against the
// built declarations and measured as the difference from the probe without it. Run with `npm run bench:types:ops`.
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ts = createRequire(import.meta.url)(join(root, "node_modules", "typescript6", "lib", "typescript.js"));
const options = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
};
const probe = join(root, "bench", "types", "__ops_probe__.ts");
const host = ts.createCompilerHost(options);
let probeText = "";
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, version) => (fileName === probe ? ts.createSourceFile(fileName, probeText, version) : getSourceFile(fileName, version));
host.fileExists = ((exists) => (fileName) => fileName === probe || exists(fileName))(host.fileExists.bind(host));
host.readFile = ((read) => (fileName) => (fileName === probe ? probeText : read(fileName)))(host.readFile.bind(host));

const preamble = `import { add, cat, einsum, expand, randn, softmax, sum, tanh, unsqueeze, zeros, type Tensor } from "../../dist/index.js";
const zl = randn([2, 3]);
const W = randn([5, 3, 3]);
const b = randn([5, 3]);
const t = einsum("bk,aki->bai", zl, W);
declare const x: Tensor<[32, 64, 128]>;
declare const y: Tensor<[32, 1, 128]>;
`;

/** The instantiations spent type-checking the preamble and `body`. */
function instantiations(body) {
  probeText = preamble + body;
  const program = ts.createProgram([probe], options, host);
  const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(probe));
  if (diagnostics.length > 0) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n"));
  return program.getInstantiationCount();
}

const calls = [
  ["add, same shapes", "add(x, x);"],
  ["add, [32, 64, 128] + [32, 1, 128]", "add(x, y);"],
  ["add, [2, 5, 3] + [5, 3]", "add(t, b);"],
  ["tanh", "tanh(x);"],
  ["unsqueeze", "unsqueeze(zl, 1);"],
  ["softmax", "softmax(x, -1);"],
  ["sum over two dims, kept", "sum(x, [0, -1], true);"],
  ["cat", "cat([zeros([4, 1]), zeros([4, 6])], 1);"],
  ["expand", "expand(zeros([1, 3]), [4, -1]);"],
  ["TreeQN's line (4 ops)", "add(unsqueeze(zl, 1), tanh(add(t, b)));"],
];
const baseline = instantiations("");
console.log(`instantiations per call (TypeScript ${ts.version})`);
for (const [name, body] of calls) console.log(`${name.padEnd(36)} ${String(instantiations(body) - baseline).padStart(6)}`);
