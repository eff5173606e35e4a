// The type-check budget of einsum: instantiations per call under TypeScript 6 and 7, read from
// `tsc --extendedDiagnostics`, and the time 1,000 calls take to type-check with the native compiler.
//
// Every call is checked in a project of its own (`tsc -b` builds them all in one process and prints each one's
// figures), and the figure of a call is its project's instantiations minus those of a baseline project with the
// same imports, warm-up call and declarations. Run it after `npm run build`: `npm run bench:types`. SHOW=1 lists
// every call with its figure.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { budgetCases, coldTexts, manyCallsText, probeOptions, probeTexts, root, summarize, symbolicCases } from "./cases.mjs";

const compilers = [
  { name: "TypeScript 6", tsc: join(root, "node_modules", "typescript6", "bin", "tsc"), buildFlags: [] },
  { name: "TypeScript 7", tsc: join(root, "node_modules", "typescript", "bin", "tsc"), buildFlags: ["--singleThreaded"] },
];

const workspace = mkdtempSync(join(tmpdir(), "typed-einsum-type-budget-"));

/** Writes one project per file text and returns the instantiations of each, built by `tsc -b` in one process. */
function instantiationsOf(compiler, texts) {
  const names = texts.map((_, index) => `p${index}`);
  texts.forEach((text, index) => {
    const directory = join(workspace, names[index]);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "probe.ts"), text);
    writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({ compilerOptions: probeOptions, files: ["probe.ts"] }));
  });
  const solution = join(workspace, "tsconfig.json");
  writeFileSync(solution, JSON.stringify({ files: [], references: names.map((name) => ({ path: name })) }));
  const output = execFileSync(
    process.execPath,
    [compiler.tsc, "-b", solution, "--extendedDiagnostics", "--verbose", "--force", ...compiler.buildFlags],
    { encoding: "utf8", maxBuffer: 1 << 28 },
  );
  const figures = new Map();
  for (const block of output.split("Building project '").slice(1)) {
    const project = /^(.*?)[/\\]tsconfig\.json/.exec(block)?.[1];
    const count = /Instantiations:\s+(\d+)/.exec(block)?.[1];
    if (project === undefined || count === undefined) continue;
    figures.set(project.split(/[/\\]/).pop(), Number(count));
  }
  if (/error TS\d+/.test(output)) throw new Error(`a probe does not type-check:\n${output.match(/.*error TS\d+.*/)?.[0]}`);
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace);
  return names.map((name) => {
    if (!figures.has(name)) throw new Error(`${compiler.name} printed no figures for ${name}`);
    return figures.get(name);
  });
}

/** The figure of each case: its probe's instantiations minus its baseline's. */
function perCall(compiler, cases, texts) {
  const figures = instantiationsOf(compiler, cases.flatMap((entry) => Object.values(texts(entry))));
  return cases.map((entry, index) => ({ ...entry, cost: figures[2 * index] - figures[2 * index + 1] }));
}

/** `tsc --extendedDiagnostics` on one file: its check time and total time, in seconds. */
function timeOf(compiler, text) {
  const directory = join(workspace, "timing");
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "probe.ts"), text);
  writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({ compilerOptions: probeOptions, files: ["probe.ts"] }));
  const output = execFileSync(process.execPath, [compiler.tsc, "-p", directory, "--extendedDiagnostics"], { encoding: "utf8" });
  const seconds = (label) => Number(new RegExp(`${label}:\\s+([\\d.]+)s`).exec(output)?.[1]);
  return { check: seconds("Check time"), total: seconds("Total time"), instantiations: Number(/Instantiations:\s+(\d+)/.exec(output)?.[1]) };
}

const cases = budgetCases();
const groups = ["realistic", "article", "chain", "labels", "conformance"];
const generic = symbolicCases;
const results = {};
try {
  for (const compiler of compilers) {
    const calls = perCall(compiler, cases, probeTexts);
    const [cold] = perCall(compiler, [cases.find((entry) => entry.equation === "bk,aki->bai")], coldTexts);
    const all = summarize(calls.map((entry) => entry.cost));
    const worst = calls.reduce((left, right) => (right.cost > left.cost ? right : left));
    console.log(`${compiler.name}: instantiations per einsum call over ${all.count} calls`);
    console.log(`  all: average ${all.mean}, median ${all.median}, max ${all.max} (${worst.equation})`);
    for (const group of groups) {
      const figures = summarize(calls.filter((entry) => entry.group === group).map((entry) => entry.cost));
      console.log(`  ${group}: average ${figures.mean}, median ${figures.median}, max ${figures.max} (${figures.count} calls)`);
    }
    console.log(`  a first call in a fresh program ("bk,aki->bai"): ${cold.cost}`);
    const symbolic = perCall(compiler, generic, probeTexts);
    const symbolicFigures = summarize(symbolic.map((entry) => entry.cost));
    console.log(
      `  in generic code (symbolic dimensions): average ${symbolicFigures.mean}, median ${symbolicFigures.median}, max ${symbolicFigures.max} (${symbolicFigures.count} calls)`,
    );
    if (process.env.SHOW) for (const entry of symbolic) console.log(`  ${entry.cost}\tsymbolic\t${entry.equation}`);
    if (process.env.SHOW) for (const entry of calls) console.log(`  ${entry.cost}\t${entry.group}\t${entry.equation}`);
    results[compiler.name] = { all, cold: cold.cost };
  }

  const valid = cases.filter((entry) => entry.group !== "labels");
  for (const compiler of compilers) {
    const baseline = timeOf(compiler, manyCallsText(valid, 1000, false));
    const calls = timeOf(compiler, manyCallsText(valid, 1000, true));
    console.log(
      `${compiler.name}: 1,000 einsum calls check in ${(calls.check - baseline.check).toFixed(2)} s more than their declarations ` +
        `(check ${calls.check.toFixed(2)} s against ${baseline.check.toFixed(2)} s, total ${calls.total.toFixed(2)} s; ` +
        `${Math.round((calls.instantiations - baseline.instantiations) / 1000)} instantiations per call in one program)`,
    );
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
