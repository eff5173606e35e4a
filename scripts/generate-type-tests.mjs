// Generates the type-level conformance suites from the NumPy cases of test/fixtures/conformance.json and from seeded random equations:
//
//   type-tests/generated/conformance.test-d.ts   tsd (TypeScript 5.9): expectType / expectError
//   type-tests/generated/random.test-d.ts        tsd, random equations checked against the run-time parser
//   type-tests/generated/conformance.check.ts    the same assertions without tsd, for TypeScript 6 and 7
//                                                (`@ts-expect-error` on refusals, an exact type equality otherwise)
//
// Expected shapes come from NumPy (test/fixtures/conformance.json). For the random equations, and for every message, the expected
// value comes from the run-time twin in dist/ (normalizeEquation), which the conformance tests check against NumPy.
// Run it after `npm run build`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const casesPath = join(root, "test", "fixtures", "conformance.json");
const outputDirectory = join(root, "type-tests", "generated");

const { normalizeEquation } = await import(join(root, "dist", "parse", "normalize.js"));
const { EinsumError } = await import(join(root, "dist", "einsum-error.js"));
// The library's seeded generator, so the random suite is the same on every run.
const { seededRandom: seeded } = await import(join(root, "dist", "optimizer", "random.js"));

/** What the run time does with an equation and shapes: the output shape, or the message it throws. */
function runtimeOutcome(equation, shapes) {
  try {
    const spec = normalizeEquation(equation, shapes);
    return { shape: spec.output.map((label) => spec.sizes[label]) };
  } catch (error) {
    if (error instanceof EinsumError) return { message: error.headline };
    throw error;
  }
}

const tuple = (shape) => `[${shape.join(", ")}]`;
/**
 * The parameter type of a refused call, without its completions: an equation whose output is still empty may be
 * refused only for want of a '...', and its parameter type then also offers what may be typed next (each one the
 * equation followed by more), so those are set aside before comparing with the message.
 */
const refusal = (equation, shapes) => {
  const validated = `ValidateEquation<${JSON.stringify(equation)}, ${shapesType(shapes)}>`;
  return /->\s*$/.test(equation) ? `Exclude<${validated}, \`\${${JSON.stringify(equation)}}\${string}\`>` : validated;
};
const shapesType = (shapes) => `[${shapes.map(tuple).join(", ")}]`;
const call = (equation, shapes) =>
  `einsum(${JSON.stringify(equation)}${shapes.map((shape) => `, zeros(${tuple(shape)})`).join("")})`;

/** Random equations over the whole grammar, most of them valid, some with one mistake. */
function randomCases(count, seed) {
  const random = seeded(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const letters = "abcdefgijkABCDxyz";
  const cases = [];
  while (cases.length < count) {
    const operandCount = 1 + Math.floor(random() * 4);
    const sizes = new Map();
    const sizeOf = (label) => {
      if (!sizes.has(label)) sizes.set(label, pick([0, 1, 2, 2, 3, 3, 4, 5]));
      return sizes.get(label);
    };
    const ellipsisSizes = Array.from({ length: Math.floor(random() * 3) }, () => pick([1, 2, 3]));
    const terms = [];
    const shapes = [];
    for (let operand = 0; operand < operandCount; operand++) {
      const rank = Math.floor(random() * 4);
      const labels = Array.from({ length: rank }, () => pick(letters));
      const shape = labels.map((label) => (random() < 0.1 ? 1 : sizeOf(label)));
      let term = labels.join("");
      if (random() < 0.3) {
        const at = Math.floor(random() * (labels.length + 1));
        const kept = ellipsisSizes.slice(Math.floor(random() * (ellipsisSizes.length + 1)));
        const dims = kept.map((size) => (random() < 0.2 ? 1 : size));
        term = `${labels.slice(0, at).join("")}...${labels.slice(at).join("")}`;
        shape.splice(at, 0, ...dims);
      }
      if (random() < 0.15) term = term.replace(/(\.\.\.|[a-zA-Z])/g, "$1 ").trimEnd();
      terms.push(term);
      shapes.push(shape);
    }
    let equation = terms.join(random() < 0.2 ? " , " : ",");
    if (random() < 0.6) {
      const inputLabels = [...new Set(terms.join("").replace(/[^a-zA-Z]/g, ""))];
      const outputLabels = inputLabels.filter(() => random() < 0.6).sort(() => random() - 0.5);
      const withEllipsis = terms.some((term) => term.includes("...")) && random() < 0.8;
      const at = Math.floor(random() * (outputLabels.length + 1));
      const output = withEllipsis
        ? `${outputLabels.slice(0, at).join("")}...${outputLabels.slice(at).join("")}`
        : outputLabels.join("");
      equation += `->${output}`;
    }
    equation = mutate(equation, shapes, random, pick);
    cases.push({ equation, shapes });
  }
  return cases;
}

/** Now and then, one mistake of the kinds the run time refuses. */
function mutate(equation, shapes, random, pick) {
  const roll = random();
  if (roll < 0.04) return equation.replace(/[a-z]/, "1");
  if (roll < 0.07) return `${equation}->i`;
  if (roll < 0.1) return equation.replace("->", "-");
  if (roll < 0.13) return equation.replace("...", "..");
  if (roll < 0.16) return equation.includes("->") ? `${equation}Q` : `${equation}->QQ`;
  if (roll < 0.19 && equation.includes("->")) {
    const output = equation.slice(equation.indexOf("->") + 2).replace(/[^a-zA-Z]/g, "");
    if (output.length > 0) return `${equation}${output[0]}`;
  }
  if (roll < 0.22) {
    const shape = pick(shapes);
    if (shape.length > 0) shape[Math.floor(random() * shape.length)] = 7;
  } else if (roll < 0.24) {
    shapes.push([2]);
  } else if (roll < 0.26 && shapes.length > 1) {
    shapes.pop();
  } else if (roll < 0.28) {
    pick(shapes).push(2);
  }
  return equation;
}

const { cases, errors } = JSON.parse(readFileSync(casesPath, "utf8"));
const conformance = [
  ...cases.map((testCase) => ({
    label: testCase.id,
    equation: testCase.eq,
    shapes: testCase.operands.map((operand) => operand.shape),
    expected: { shape: testCase.expected.shape },
  })),
  ...errors.map((entry, index) => ({
    label: `error ${index}: ${entry.why}`,
    equation: entry.eq,
    shapes: entry.shapes,
    expected: { message: runtimeOutcome(entry.eq, entry.shapes).message },
  })),
];
for (const entry of conformance) {
  if (entry.expected.message === undefined && entry.expected.shape === undefined) {
    throw new Error(`the run time accepts ${entry.label}, which NumPy refuses`);
  }
}
const random = randomCases(400, 20240611).map(({ equation, shapes }, index) => ({
  label: `random ${index}`,
  equation,
  shapes,
  expected: runtimeOutcome(equation, shapes),
}));

const header = (what) => `// Generated by scripts/generate-type-tests.mjs from ${what}. Do not edit.\n`;

function tsdSuite(entries, what) {
  const lines = [
    header(what),
    'import { expectError, expectType } from "tsd";',
    'import { einsum, zeros, type Tensor, type ValidateEquation } from "typed-einsum";',
    "",
  ];
  for (const { label, equation, shapes, expected } of entries) {
    lines.push(`// ${label}`);
    if (expected.shape !== undefined) {
      lines.push(`expectType<Tensor<${tuple(expected.shape)}, "float64">>(${call(equation, shapes)});`);
    } else {
      lines.push(`expectError(${call(equation, shapes)});`);
      lines.push(
        `expectType<${JSON.stringify(expected.message)}>({} as ${refusal(equation, shapes)});`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function compilerSuite(entries, what) {
  const lines = [
    header(what),
    'import { einsum, zeros, type Tensor, type ValidateEquation } from "typed-einsum";',
    'import type { IsExact } from "ts-essentials";',
    "",
    "/** ts-essentials' IsExact is the value type when it is exactly the expected one, never otherwise. */",
    "type Equal<Value, Expected> = [IsExact<Value, Expected>] extends [never] ? false : true;",
    "type Assert<Condition extends true> = Condition;",
    "",
  ];
  entries.forEach(({ label, equation, shapes, expected }, index) => {
    lines.push(`// ${label}`);
    if (expected.shape !== undefined) {
      lines.push(`const result${index} = ${call(equation, shapes)};`);
      lines.push(`export type Check${index} = Assert<Equal<typeof result${index}, Tensor<${tuple(expected.shape)}, "float64">>>;`);
    } else {
      lines.push("// @ts-expect-error the run time refuses this call");
      lines.push(`${call(equation, shapes)};`);
      lines.push(
        `export type Check${index} = Assert<Equal<${refusal(equation, shapes)}, ${JSON.stringify(expected.message)}>>;`,
      );
    }
  });
  return `${lines.join("\n")}\n`;
}

mkdirSync(outputDirectory, { recursive: true });
writeFileSync(join(outputDirectory, "conformance.test-d.ts"), tsdSuite(conformance, "test/fixtures/conformance.json"));
writeFileSync(join(outputDirectory, "random.test-d.ts"), tsdSuite(random, "seeded random equations"));
writeFileSync(
  join(outputDirectory, "conformance.check.ts"),
  compilerSuite([...conformance, ...random], "test/fixtures/conformance.json and seeded random equations"),
);
const refused = random.filter((entry) => entry.expected.message !== undefined).length;
console.log(
  `type tests: ${conformance.length} conformance entries (${errors.length} refusals), ${random.length} random (${refused} refusals)`,
);
