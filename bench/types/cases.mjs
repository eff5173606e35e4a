// The einsum calls the type-check budget is measured on, and the probe files that hold them. Shared by
// measure-type-instantiations.mjs (the bench, through `tsc --extendedDiagnostics`) and check-budget.mjs (the
// regression check in npm test, through the compiler API, which reads the same counter).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The article's equations (demo/seed-examples.ts), with the shapes the demo gives them. */
const article = [
  ["ij->ji", [[2, 3]]],
  ["ij->", [[2, 3]]],
  ["ij->j", [[2, 3]]],
  ["ij->i", [[2, 3]]],
  ["ik,k->i", [[2, 3], [3]]],
  ["ik,kj->ij", [[2, 3], [3, 5]]],
  ["i,i->", [[3], [3]]],
  ["ij,ij->", [[2, 3], [2, 3]]],
  ["ij,ij->ij", [[2, 3], [2, 3]]],
  ["i,j->ij", [[3], [4]]],
  ["ijk,ikl->ijl", [[3, 2, 5], [3, 5, 3]]],
  ["pqrs,tuqvr->pstuv", [[2, 3, 5, 7], [11, 13, 3, 17, 5]]],
  ["ik,jkl,il->ij", [[2, 3], [5, 3, 7], [2, 7]]],
  ["bk,aki->bai", [[2, 3], [5, 3, 3]]],
  ["ik,kl->il", [[3, 7], [7, 7]]],
  ["ijk,kl->ijl", [[3, 5, 7], [7, 7]]],
  ["ijk,k->ij", [[3, 5, 7], [7]]],
  ["ijk,ij->ik", [[3, 5, 7], [3, 5]]],
  ["ij,jk->ik", [[3, 7], [7, 7]]],
  ["nc,nc->n", [[4, 8], [4, 8]]],
  ["nc,ck->nk", [[4, 8], [8, 6]]],
];

/**
 * Equations as programs write them, each once: 1 to 4 operands of rank 1 to 4, implicit and explicit outputs,
 * ellipses, diagonals and traces, size-1 dimensions that broadcast, with the sizes of real models. The average over
 * these is the figure the budget is about; the conformance cases (random equations of up to 6 operands) and the
 * article's add breadth.
 */
const realistic = [
  ["ij->ji", [[128, 64]]],
  ["ij->", [[32, 10]]],
  ["ij->i", [[64, 768]]],
  ["ii->", [[16, 16]]],
  ["ii->i", [[12, 12]]],
  ["ii", [[9, 9]]],
  ["ijk->kji", [[4, 5, 6]]],
  ["bij->bji", [[8, 16, 32]]],
  ["...ij->...ji", [[8, 12, 64, 32]]],
  ["bchw->bhwc", [[8, 3, 224, 224]]],
  ["ij,jk->ik", [[64, 128], [128, 256]]],
  ["ij,jk", [[32, 48], [48, 16]]],
  ["ij,j->i", [[256, 512], [512]]],
  ["i,i->", [[1024], [1024]]],
  ["i,i", [[77], [77]]],
  ["i,j->ij", [[40], [50]]],
  ["i,j", [[6], [7]]],
  ["ij,ij->ij", [[20, 30], [20, 30]]],
  ["ij,ij->", [[60, 70], [60, 70]]],
  ["ik,jk->ij", [[100, 64], [200, 64]]],
  ["bij,bjk->bik", [[16, 32, 64], [16, 64, 32]]],
  ["bij,jk->bik", [[16, 50, 300], [300, 10]]],
  ["bhqd,bhkd->bhqk", [[2, 12, 128, 64], [2, 12, 128, 64]]],
  ["bhqk,bhkd->bhqd", [[2, 12, 128, 128], [2, 12, 128, 64]]],
  ["bnd,bmd->bnm", [[4, 196, 768], [4, 49, 768]]],
  ["bn,bn->b", [[32, 512], [32, 512]]],
  ["nchw,kc->nkhw", [[8, 64, 28, 28], [128, 64]]],
  ["bi,bj->bij", [[24, 5], [24, 7]]],
  ["ijk,k->ij", [[9, 10, 11], [11]]],
  ["ii,i->i", [[30, 30], [30]]],
  ["...ij,...jk->...ik", [[6, 1, 20, 30], [5, 30, 40]]],
  ["...d,...d->...", [[4, 100, 3], [4, 100, 3]]],
  ["ij,ij->ij", [[50, 1], [1, 60]]],
  ["bi,i->bi", [[32, 1], [700]]],
  ["ij,jk,kl->il", [[10, 20], [20, 30], [30, 40]]],
  ["i,ij,j->", [[80], [80, 90], [90]]],
  ["bi,oij,bj->bo", [[32, 20], [10, 20, 30], [32, 30]]],
  ["ab,bc,ca->", [[13, 14], [14, 15], [15, 13]]],
  ["bq,bk,bv->bqkv", [[4, 8], [4, 9], [4, 10]]],
  ["...i,...j,...k", [[5, 2], [5, 3], [5, 4]]],
  ["ij,jk,kl,lm->im", [[2, 3], [3, 4], [4, 5], [5, 6]]],
  ["ia,ib,ic,abc->i", [[100, 8], [100, 9], [100, 10], [8, 9, 10]]],
  ["bi,bj,bk,ijk->b", [[16, 3], [16, 4], [16, 5], [3, 4, 5]]],
  ["pi,qj,rk,ijk->pqr", [[21, 2], [22, 3], [23, 4], [2, 3, 4]]],
];

/** Every call: the realistic ones, the article's, a 6-operand chain, a 20-label equation, and the valid conformance cases. */
export function budgetCases() {
  const demo = readFileSync(join(root, "demo", "seed-examples.ts"), "utf8");
  for (const [equation] of article) {
    if (!demo.includes(`einsum(${JSON.stringify(equation)}`)) throw new Error(`the demo no longer holds ${equation}`);
  }
  const { cases } = JSON.parse(readFileSync(join(root, "test", "fixtures", "conformance.json"), "utf8"));
  return [
    ...realistic.map(([equation, shapes]) => ({ group: "realistic", equation, shapes })),
    ...article.map(([equation, shapes]) => ({ group: "article", equation, shapes })),
    { group: "chain", equation: "ab,bc,cd,de,ef,fg->ag", shapes: [[2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 8]] },
    { group: "labels", equation: "abcdefghij,jklmnopqrst->ajt", shapes: [Array(10).fill(2), Array(11).fill(2)] },
    ...cases.map((entry) => ({ group: "conformance", equation: entry.eq, shapes: entry.operands.map((operand) => operand.shape) })),
  ];
}

const imports = 'import { einsum, type Tensor } from "typed-einsum";';
const declarations = (shapes, prefix) =>
  shapes.map((shape, index) => `declare const ${prefix}${index}: Tensor<[${shape.join(", ")}]>;`);
/** A call whose result is used, as a program uses it: its shape is read, so that the result type is computed. */
const call = (equation, count, prefix) =>
  `export const ${prefix}result = einsum(${JSON.stringify(equation)}${Array.from({ length: count }, (_, index) => `, ${prefix}${index}`).join("")});\n` +
  `export const ${prefix}shape: readonly number[] = ${prefix}result.shape;`;

/**
 * A call is measured in a file whose checker has already seen one einsum call, so that its figure is its own
 * cost, without the work every program does once (the label alphabet, the signature).
 */
const warmUp = [...declarations([[2, 3], [3, 4]], "w"), call("ij,jk->ik", 2, "w")];

/**
 * Calls in generic code: a size written as a name is a type parameter of the function that holds the call (its
 * operands are the function's parameters), so that the call is checked with symbolic dimensions.
 */
export const symbolicCases = [
  { group: "symbolic", equation: "bk,aki->bai", shapes: [["B", 3], [5, 3, 3]] },
  { group: "symbolic", equation: "ik,kj->ij", shapes: [["M", "K"], ["K", "N"]] },
  { group: "symbolic", equation: "bhqd,bhkd->bhqk", shapes: [["B", "H", "T", "D"], ["B", "H", "T", "D"]] },
  { group: "symbolic", equation: "bi,oi->bo", shapes: [["B", "I"], ["O", "I"]] },
  { group: "symbolic", equation: "ii->i", shapes: [["N", "N"]] },
  { group: "symbolic", equation: "i,j", shapes: [["M"], ["N"]] },
  { group: "symbolic", equation: "...k,...k->...", shapes: [["B", "T", 3], ["B", 1, 3]] },
  { group: "symbolic", equation: "ij,ij->ij", shapes: [["N", 1], [1, "N"]] },
];

/** The type parameters a case names, in order. */
const symbolsOf = (shapes) => [...new Set(shapes.flat().filter((size) => typeof size === "string"))];

/** The probe file with the call, and the baseline: the same imports, warm-up and declarations, without the call. */
export function probeTexts({ equation, shapes }) {
  const symbols = symbolsOf(shapes);
  if (symbols.length > 0) {
    const parameters = symbols.map((symbol) => `${symbol} extends number`).join(", ");
    const operands = shapes.map((shape, index) => `o${index}: Tensor<[${shape.join(", ")}]>`).join(", ");
    const body = (withCall) =>
      withCall
        ? `  const result = einsum(${JSON.stringify(equation)}${shapes.map((_, index) => `, o${index}`).join("")});\n  return result.shape;`
        : "  return [];";
    const wrapped = (withCall) => `export function probe<${parameters}>(${operands}): readonly number[] {\n${body(withCall)}\n}`;
    return {
      probe: [imports, ...warmUp, wrapped(true), ""].join("\n"),
      baseline: [imports, ...warmUp, wrapped(false), ""].join("\n"),
    };
  }
  const baseline = [imports, ...warmUp, ...declarations(shapes, "o"), "export {};", ""].join("\n");
  const probe = [imports, ...warmUp, ...declarations(shapes, "o"), call(equation, shapes.length, "o"), "export {};", ""].join("\n");
  return { probe, baseline };
}

/** The same for a first call in a fresh program (no warm-up). */
export function coldTexts({ equation, shapes }) {
  const baseline = [imports, ...declarations(shapes, "o"), "export {};", ""].join("\n");
  const probe = [imports, ...declarations(shapes, "o"), call(equation, shapes.length, "o"), "export {};", ""].join("\n");
  return { probe, baseline };
}

/**
 * The shapes of a case made distinct for its `round`-th use: every size above 1 grows by 100 per round (equal sizes
 * stay equal, and sizes 0 and 1 keep their meaning), so that no call repeats another one and the compiler's cache
 * of type instantiations cannot serve it.
 */
const distinctShapes = (shapes, round) => shapes.map((shape) => shape.map((size) => (size > 1 ? size + 100 * round : size)));

/**
 * A file of many calls, for the timing: each call with operands of its own, cycling through the cases, each call
 * distinct from every other.
 */
export function manyCallsText(cases, count, withCalls) {
  const lines = [imports];
  for (let index = 0; index < count; index++) {
    const { equation, shapes: caseShapes } = cases[index % cases.length];
    const shapes = distinctShapes(caseShapes, Math.floor(index / cases.length));
    lines.push(...declarations(shapes, `o${index}_`));
    if (withCalls) lines.push(call(equation, shapes.length, `o${index}_`));
  }
  return [...lines, "export {};", ""].join("\n");
}

/** The compiler options of every probe: a strict user project that resolves typed-einsum to the built dist/. */
export const probeOptions = {
  strict: true,
  noEmit: true,
  target: "es2022",
  module: "nodenext",
  moduleResolution: "nodenext",
  lib: ["es2022"],
  types: [],
  skipLibCheck: true,
  paths: { "typed-einsum": [join(root, "dist", "index.d.ts")] },
};

/** The average, the median and the maximum of some figures. */
export function summarize(figures) {
  const sorted = [...figures].sort((left, right) => left - right);
  const mean = Math.round(sorted.reduce((sum, figure) => sum + figure, 0) / sorted.length);
  return { mean, median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], count: sorted.length };
}
