import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EinsumError, zeros } from "typed-einsum";
import { untypedEinsum } from "../fixtures/untyped.js";

/** Each documented error: its code heading, the call shown, and the message printed under it. */
const documented = [
  ...readFileSync(new URL("../../docs/semantics.md", import.meta.url), "utf8").matchAll(
    /### `(\w+)`\n\n```ts\neinsum\((".*?"), (.*?)\);\n```\n\n```text\n([\s\S]*?)\n```/g,
  ),
].map(([, code = "", equation = "", shapes = "", printed = ""]) => ({
  code,
  equation: JSON.parse(equation) as string,
  shapes: [...shapes.matchAll(/zeros\(\[([\d, ]*)\]\)/g)].map(([, sizes = ""]) => sizes.split(", ").map(Number)),
  printed,
}));

describe("the error catalogue in docs/semantics.md", () => {
  it("documents every equation error", () => {
    expect(new Set(documented.map((entry) => entry.code)).size).toBeGreaterThanOrEqual(13);
  });

  it.each(documented.map((entry) => [`${entry.code} ${entry.equation}`, entry] as const))("%s prints as shown", (_, entry) => {
    let thrown: unknown;
    try {
      untypedEinsum(entry.equation, ...entry.shapes.map((shape) => zeros(shape)));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EinsumError);
    const error = thrown as EinsumError;
    expect(error.code).toBe(entry.code);
    expect(`${error.name}: ${error.message}`).toBe(entry.printed);
  });
});
