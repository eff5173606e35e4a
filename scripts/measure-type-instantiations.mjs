// Measures what the type-level einsum costs the compiler: instantiations per einsum call under TypeScript 6, for
// every case of ../shared/conformance/cases.json (or the first N: `node scripts/measure-type-instantiations.mjs 50`).
//
// Each case is checked in a program whose checker has already seen one einsum call, so the figure is the call's own
// cost, without the one-time work any program pays once (the label alphabet, the signature). The cold cost of a
// first call is printed too; SHOW=1 lists every case with its cost. Run it after `npm run build`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ts = createRequire(import.meta.url)(join(root, "node_modules", "typescript6", "lib", "typescript.js"));
const { cases } = JSON.parse(readFileSync(join(root, "..", "shared", "conformance", "cases.json"), "utf8"));
const limit = Number(process.argv[2] ?? cases.length);

const options = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: true,
};
const probe = join(root, "type-tests", "__probe__.ts");
const host = ts.createCompilerHost(options);
const cache = new Map();
const getSourceFile = host.getSourceFile.bind(host);
let probeText = "";
host.getSourceFile = (fileName, version) => {
  if (fileName === probe) return ts.createSourceFile(fileName, probeText, version);
  if (!cache.has(fileName)) cache.set(fileName, getSourceFile(fileName, version));
  return cache.get(fileName);
};
host.fileExists = ((exists) => (fileName) => fileName === probe || exists(fileName))(host.fileExists.bind(host));
host.readFile = ((read) => (fileName) => (fileName === probe ? probeText : read(fileName)))(host.readFile.bind(host));

/** Instantiations spent checking a probe file with these lines. */
function instantiations(lines) {
  probeText = ['import { einsum, type Tensor } from "typed-einsum";', ...lines, "export {};"].join("\n");
  const program = ts.createProgram([probe], options, host);
  const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(probe));
  if (diagnostics.length > 0) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n"));
  return program.getInstantiationCount();
}

const operands = (shapes, prefix) =>
  shapes.map((shape, index) => `declare const ${prefix}${index}: Tensor<[${shape.join(", ")}]>;`);
const call = (equation, count, prefix) =>
  `export const ${prefix}result = einsum(${JSON.stringify(equation)}${Array.from({ length: count }, (_, index) => `, ${prefix}${index}`).join("")});`;
const warmUp = [...operands([[2, 3], [3, 4]], "w"), call("ij,jk->ik", 2, "w")];

const cold = instantiations([...operands([[2, 3], [5, 3, 3]], "o"), call("bk,aki->bai", 2, "o")]) -
  instantiations(operands([[2, 3], [5, 3, 3]], "o"));
const costs = [];
for (const testCase of cases.slice(0, limit)) {
  const shapes = testCase.operands.map((operand) => operand.shape);
  const declarations = [...warmUp, ...operands(shapes, "o")];
  const cost = instantiations([...declarations, call(testCase.eq, shapes.length, "o")]) - instantiations(declarations);
  costs.push({ id: testCase.id, eq: testCase.eq, cost });
}
costs.sort((left, right) => left.cost - right.cost);
const at = (fraction) => costs[Math.min(costs.length - 1, Math.floor(fraction * costs.length))].cost;
console.log(`TypeScript ${ts.version}: instantiations per einsum call over ${costs.length} conformance cases`);
console.log(`  median ${at(0.5)}, 90th percentile ${at(0.9)}, max ${costs[costs.length - 1].cost} (${costs[costs.length - 1].eq})`);
if (process.env.SHOW) for (const entry of costs) console.log(entry.cost, entry.eq);
console.log(`  a first call in a fresh program ("bk,aki->bai"): ${cold}`);
