import { EinsumError } from "../einsum-error.js";
import { writeRepeatedSublistEllipsis } from "../messages.js";
import { normalizeEquation, normalizeParsed } from "./normalize.js";
import type { ParsedEquation, ParsedTerm } from "./parse.js";
import type { NormalizedSpec } from "./spec.js";

const letterCount = 52;

/**
 * A label of NumPy's sublist form: a whole number, or `"..."` for the ellipsis.
 *
 * @example
 * const labels: SublistLabel[] = ["...", 0, 1];
 */
export type SublistLabel = number | "...";

/**
 * Normalizes NumPy's sublist form, `einsum(a, [0, 1], b, [1, 2], [0, 2])`. Labels below 52 are the letters NumPy
 * maps them to (0–25 → A–Z, 26–51 → a–z) and go through the equation parser; larger labels, which no equation
 * can spell, are named `#52`, `#53`, … and keep their numeric order in implicit mode.
 *
 * @example
 * normalizeSublists([[0, 1], [1, 2]], [0, 2], [[2, 3], [3, 4]]).output; // the labels of A and C
 */
export function normalizeSublists(
  sublists: readonly (readonly SublistLabel[])[],
  output: readonly SublistLabel[] | undefined,
  shapes: readonly (readonly number[])[],
): NormalizedSpec {
  sublists.forEach((sublist, operand) => checkOneEllipsis(sublist, `operand ${operand}`));
  if (output !== undefined) checkOneEllipsis(output, "the output");
  const all = [...sublists.flat(), ...(output ?? [])];
  if (all.every((label) => label === "..." || label < letterCount)) {
    const spell = (sublist: readonly SublistLabel[]): string => sublist.map(letterOf).join("");
    const inputs = sublists.map(spell).join(",");
    return normalizeEquation(output === undefined ? inputs : `${inputs}->${spell(output)}`, shapes);
  }
  const inputs = sublists.map(termOf);
  const explicitOutput = output ?? implicitSublistOutput(sublists);
  const parsed: ParsedEquation = {
    equation: `${inputs.map((term) => term.text).join(",")}->${termOf(explicitOutput).text}`,
    inputs,
    output: termOf(explicitOutput),
    inputsEnd: 0,
  };
  return normalizeParsed(parsed, shapes);
}

function checkOneEllipsis(sublist: readonly SublistLabel[], owner: string): void {
  const second = sublist.indexOf("...", sublist.indexOf("...") + 1);
  if (sublist.includes("...") && second >= 0) {
    throw new EinsumError("REPEATED_ELLIPSIS", writeRepeatedSublistEllipsis(owner, second));
  }
}

function letterOf(label: SublistLabel): string {
  if (label === "...") return "...";
  return String.fromCharCode(label < 26 ? 65 + label : 97 + label - 26);
}

function nameOf(label: number): string {
  return label < letterCount ? letterOf(label) : `#${label}`;
}

function termOf(sublist: readonly SublistLabel[]): ParsedTerm {
  const at = sublist.indexOf("...");
  const labels = sublist.filter((label): label is number => label !== "...").map(nameOf);
  const text = sublist.map((label) => (label === "..." ? "..." : nameOf(label))).join(" ");
  return {
    labels,
    ellipsisIndex: at < 0 ? undefined : at,
    ellipsisPosition: undefined,
    text,
    start: 0,
    positions: labels.map(() => 0),
  };
}

/** NumPy's implicit output for sublists: the ellipsis, then the labels used once, in numeric order. */
function implicitSublistOutput(sublists: readonly (readonly SublistLabel[])[]): SublistLabel[] {
  const counts = new Map<number, number>();
  for (const label of sublists.flat()) if (label !== "...") counts.set(label, (counts.get(label) ?? 0) + 1);
  const once = [...counts].filter(([, count]) => count === 1).map(([label]) => label).sort((a, b) => a - b);
  return ["...", ...once];
}
