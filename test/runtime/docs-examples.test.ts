import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedExamples } from "../../demo/seed-examples.js";

const page = readFileSync(new URL("../../docs/examples.md", import.meta.url), "utf8");
const sections = page.split(/\n## /).slice(1);

describe("docs/examples.md", () => {
  it("has every example of the article, in order", () => {
    expect(sections.map((section) => section.slice(0, section.indexOf(". ")))).toEqual(
      seedExamples.map((example) => example.section),
    );
  });

  it.each(seedExamples.map((example) => [example.section, example] as const))("%s shows what the demo prints", (section, example) => {
    const text = sections.find((candidate) => candidate.startsWith(`${section}. `)) ?? "";
    expect(text).toContain(example.pytorch);
    const printed = /```text\n([\s\S]*?)\n```/.exec(text)?.[1];
    const result = example.run();
    if (printed === undefined) {
      expect(example.printed).toBeUndefined();
      expect(text).toContain(`ours is \`[${result.shape.join(", ")}]\``);
    } else {
      expect(printed).toBe(String(result));
    }
  });
});
