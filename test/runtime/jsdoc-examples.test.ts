// The `@example` blocks of src/ compiled as TypeScript, each in the context of its own file (see
// test/fixtures/example-checker.ts), so that an example cannot drift from the code it documents. An example that
// shows a compile error on purpose says so with `// @ts-expect-error`, optionally followed by part of the message.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkJsdocExamples, formatProblem, type ExampleProblem, type ExampleReport } from "../fixtures/example-checker.js";
import { exampleProject, packageRoot } from "../fixtures/example-project.js";
import { collectJsdocExamples, type JsdocExample } from "../fixtures/jsdoc-examples.js";

const project = exampleProject();
const sources = project.sourceFiles.map((fileName) => ({
  file: relative(packageRoot, fileName).split(sep).join("/"),
  text: readFileSync(fileName, "utf8"),
}));
const examples = sources.flatMap((source) => collectJsdocExamples(source.file, source.text));

/** A made-up example, and the problems the checker must find in it: their line in the example (from 0) and a part of their message. */
interface Probe {
  readonly name: string;
  readonly code: string;
  readonly expected: readonly (readonly [line: number, message: string])[];
}

/** Made-up examples, checked along with the real ones, that show what the checker reports and what it lets pass. */
const probeCases: Probe[] = [
  { name: "a misspelled option", code: 'einsum("ij->ji", zeros([2, 3]), { optimise: "greedy" });', expected: [[0, "TS2345"]] },
  { name: "a wrong argument count", code: "arange();", expected: [[0, "TS2554"]] },
  { name: "a syntax error", code: 'einsum("ij->ji", a;', expected: [[0, "TS1005"]] },
  { name: "a @ts-expect-error above a correct line", code: "// @ts-expect-error\nzeros([2, 3]);", expected: [[0, "TS2578"]] },
  {
    name: "a @ts-expect-error whose only error would be a free name",
    code: '// @ts-expect-error\neinsum("ij->ji", someMatrix);',
    expected: [[0, "TS2578"]],
  },
  {
    name: "a @ts-expect-error that names another message",
    code: "// @ts-expect-error cannot reshape [6] into [5]\narange(6).reshape([4, 2]);",
    expected: [[1, 'the error expected here does not say "cannot reshape [6] into [5]"']],
  },
  {
    name: "a @ts-expect-error that names another message, on a function of another module",
    code: '// @ts-expect-error cannot reshape\nprepareProblem({ inputs: [[0]], output: [], sizes: ["2"] });',
    expected: [[1, 'the error expected here does not say "cannot reshape"']],
  },
  {
    name: "a @ts-expect-error that names its message",
    code: "// @ts-expect-error cannot reshape [6] (6 elements) into [4, 2] (8 elements)\narange(6).reshape([4, 2]);",
    expected: [],
  },
  { name: "free names, as values and as types", code: 'einsum("ij->ji", a).shape;\ntype Shape = ShapeOf<A>;', expected: [] },
  {
    name: "a misuse of a function that another module of src/ exports",
    code: 'prepareProblem({ inputs: [[0]], output: [], sizes: ["2"] });',
    expected: [[0, "TS2322"]],
  },
];
const probes = probeCases.map((probe, index) => {
  const example: JsdocExample = { file: "src/einsum.ts", line: 1000 * (index + 1), code: probe.code };
  return { ...probe, example };
});

const probeExamples = new Set<JsdocExample>(probes.map((probe) => probe.example));
const ofSourceExamples = (problems: readonly ExampleProblem[]): string[] =>
  problems.filter((problem) => !probeExamples.has(problem.example)).map(formatProblem);

let report: ExampleReport;

// Type-checking every example of src/ in one program takes several seconds, and several times more on a loaded
// machine: an explicit timeout, well above that, instead of the 10 s default.
beforeAll(() => {
  report = checkJsdocExamples([...examples, ...probes.map((probe) => probe.example)], project);
}, 180_000);

describe("the @example blocks of the JSDoc comments in src/", () => {
  it("are collected, one per @example tag", () => {
    const tags = sources.flatMap((source) => (source.text.match(/^\s*\*\s*@example\b/gm) ?? []).map(() => source.file));
    expect(tags.length).toBeGreaterThan(0);
    expect(examples.map((example) => example.file)).toEqual(tags);
  });

  it("each have code", () => {
    expect(examples.filter((example) => example.code.trim() === "").map((example) => `${example.file}:${example.line}`)).toEqual([]);
  });

  it("each parse", () => {
    expect(ofSourceExamples(report.syntax)).toEqual([]);
  });

  it("each type-check in the context of their file", () => {
    expect(ofSourceExamples(report.types)).toEqual([]);
  });
});

describe("the example checker", () => {
  it.each(probes)("on $name", (probe) => {
    const found = [...report.syntax, ...report.types]
      .filter((problem) => problem.example === probe.example)
      .map((problem) => [problem.line - probe.example.line, problem.message]);
    expect(found).toEqual(probe.expected.map(([line, message]) => [line, expect.stringContaining(message)]));
  });
});
