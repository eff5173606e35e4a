import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { add, cat, EinsumError, expand, unsqueeze, zeros, type DTypeName, type Tensor } from "typed-einsum";

const page = readFileSync(new URL("../../docs/autograd.md", import.meta.url), "utf8");
type Loose = (...args: unknown[]) => Tensor<readonly number[], DTypeName>;
const ops: Record<string, Loose> = { add: add as Loose, cat: cat as Loose, expand: expand as Loose, unsqueeze: unsqueeze as Loose };

/** The refusals docs/autograd.md shows: a call on `zeros(...)` operands, then the message in a comment. */
const refusals = [...page.matchAll(/^(\w+)\((.*)\);\n\/\/ (.*)$/gm)].map(([, name = "", args = "", message = ""]) => ({ name, args, message }));

/** Evaluates the documented arguments: `zeros([...])`, lists of them, numbers and number lists. */
function parseArguments(text: string): unknown[] {
  const json = text.replace(/zeros\((\[[\d, ]*\])\)/g, '{"zeros":$1}');
  const revive = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(revive) : typeof value === "object" && value !== null && "zeros" in value ? zeros((value as { zeros: number[] }).zeros) : value;
  return (JSON.parse(`[${json}]`) as unknown[]).map(revive);
}

describe("the refusals docs/autograd.md shows", () => {
  it("shows one for each kind of shape mistake", () => expect(refusals.map((refusal) => refusal.name)).toEqual(["add", "unsqueeze", "cat", "expand"]));

  it.each(refusals.map((refusal) => [refusal.name, refusal] as const))("%s throws the message shown", (_, refusal) => {
    let thrown: unknown;
    try {
      ops[refusal.name]?.(...parseArguments(refusal.args));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EinsumError);
    expect((thrown as EinsumError).message).toBe(refusal.message);
  });
});
