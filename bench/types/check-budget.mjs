// The type-check budget's regression check, run by npm test: measures the instantiations per einsum call under
// TypeScript 6 (the counter `tsc --extendedDiagnostics` prints, read here through the compiler API, which is faster
// than one process per call) and fails when the average over the realistic calls, the median or the maximum over
// all calls, or the most expensive call in generic code (symbolic dimensions), grows by more than 20% over the
// figures recorded in budget.json, or when the realistic average passes the 1,000 instantiations per distinct call
// that the library promises (`realisticCeiling`). Instantiation counts are deterministic, so this is no timed test. After a change
// that moves the figures on purpose, run `npm run bench:types` and record them in budget.json and
// docs/performance.md.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { budgetCases, probeOptions, probeTexts, root, summarize, symbolicCases } from "./cases.mjs";

const ts = createRequire(import.meta.url)(join(root, "node_modules", "typescript6", "lib", "typescript.js"));
const recorded = JSON.parse(readFileSync(join(root, "bench", "types", "budget.json"), "utf8"));
const tolerance = 1.2;

const { options, errors } = ts.convertCompilerOptionsFromJson(probeOptions, root);
if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, "\n"));
const probe = join(root, "bench", "types", "__probe__.ts");
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

/** The instantiations spent type-checking one probe file. */
function instantiations(text) {
  probeText = text;
  const program = ts.createProgram([probe], options, host);
  const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(probe));
  if (diagnostics.length > 0) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n"));
  return program.getInstantiationCount();
}

const costOf = (entry) => {
  const { probe: withCall, baseline } = probeTexts(entry);
  return instantiations(withCall) - instantiations(baseline);
};
const cases = budgetCases();
const costs = cases.map(costOf);
const measured = summarize(costs);
const realistic = summarize(costs.filter((_, index) => cases[index].group === "realistic"));
const symbolic = summarize(symbolicCases.map(costOf));
const limits = {
  realisticMean: Math.min(recorded.realisticCeiling, Math.floor(recorded.realisticMean * tolerance)),
  median: Math.floor(recorded.median * tolerance),
  max: Math.floor(recorded.max * tolerance),
  symbolicMax: Math.floor(recorded.symbolicMax * tolerance),
};
console.log(
  `type-check budget (TypeScript ${ts.version}): ${realistic.count} realistic calls average ${realistic.mean} (recorded ` +
    `${recorded.realisticMean}, limit ${limits.realisticMean}); all ${measured.count} calls: median ${measured.median} (recorded ` +
    `${recorded.median}, limit ${limits.median}), max ${measured.max} (recorded ${recorded.max}, limit ${limits.max}); ` +
    `${symbolic.count} calls in generic code: median ${symbolic.median}, max ${symbolic.max} (recorded ${recorded.symbolicMax}, limit ${limits.symbolicMax})`,
);
if (
  realistic.mean > limits.realisticMean ||
  measured.median > limits.median ||
  measured.max > limits.max ||
  symbolic.max > limits.symbolicMax
) {
  console.error(
    `the type-level einsum costs more than 20% over its recorded budget, or its realistic average more than ${recorded.realisticCeiling} (bench/types/budget.json)`,
  );
  process.exit(1);
}
