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
  const inputs: ParsedTerm[] = [];
  let inputsEnd = -1;
  for (const sublist of sublists) {
    const term = termOf(sublist, inputsEnd + 1);
    inputs.push(term);
    inputsEnd = term.start + term.text.length;
  }
  inputsEnd = Math.max(inputsEnd, 0);
  const outputTerm = termOf(output ?? implicitSublistOutput(sublists), inputsEnd + 2);
  const parsed: ParsedEquation = {
    equation: `${inputs.map((term) => term.text).join(",")}->${outputTerm.text}`,
    inputs,
    output: outputTerm,
    inputsEnd,
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

/**
 * A sublist as a term of the equation the sublist form stands for, its names apart by spaces, starting at `start`
 * in that equation: the positions are where each label is written there, so that an error's caret and column
 * point at it.
 *
 * @example
 * termOf([100, "...", 60], 3).positions; //=> [3, 12]
 */
function termOf(sublist: readonly SublistLabel[], start: number): ParsedTerm {
  const at = sublist.indexOf("...");
  const names = sublist.map((label) => (label === "..." ? "..." : nameOf(label)));
  const offsets = names.map((_, index) => names.slice(0, index).reduce((length, name) => length + name.length + 1, 0));
  const positions = offsets.filter((_, index) => sublist[index] !== "...").map((offset) => start + offset);
  return {
    labels: sublist.filter((label): label is number => label !== "...").map(nameOf),
    ellipsisIndex: at < 0 ? undefined : at,
    ellipsisPosition: at < 0 ? undefined : start + (offsets[at] ?? 0),
    text: names.join(" "),
    start,
    positions,
  };
}

/** NumPy's implicit output for sublists: the ellipsis, then the labels used once, in numeric order. */
function implicitSublistOutput(sublists: readonly (readonly SublistLabel[])[]): SublistLabel[] {
  const counts = new Map<number, number>();
  for (const label of sublists.flat()) if (label !== "...") counts.set(label, (counts.get(label) ?? 0) + 1);
  const once = [...counts].filter(([, count]) => count === 1).map(([label]) => label).sort((a, b) => a - b);
  return ["...", ...once];
}
