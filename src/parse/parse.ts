import { EinsumError } from "../einsum-error.js";
import {
  writeInvalidCharacter,
  writeMalformedArrow,
  writeMalformedEllipsis,
  writeRepeatedEllipsis,
  writeSecondArrow,
} from "../messages.js";
import { scanCharacter } from "./scanner.js";

/**
 * One term of an equation, an operand's or the output's, as written.
 *
 * @example
 * parseTerm("i...j", 0, "operand 0", "i...j->ij");
 * //=> { labels: ["i", "j"], ellipsisIndex: 1, ellipsisPosition: 1, text: "i...j", start: 0, positions: [0, 4] }
 */
export interface ParsedTerm {
  /** The labels in order, without the ellipsis. */
  readonly labels: readonly string[];
  /** How many labels stand before the ellipsis, or `undefined` when the term has none. */
  readonly ellipsisIndex: number | undefined;
  /** The index in the equation of the ellipsis, or `undefined` when the term has none. */
  readonly ellipsisPosition: number | undefined;
  /** The term without its spaces, for messages. */
  readonly text: string;
  /** The index in the equation where the term starts. */
  readonly start: number;
  /** The index in the equation of each label. */
  readonly positions: readonly number[];
}

/**
 * An equation split into its input terms and its output term (`undefined` in implicit mode).
 *
 * @example
 * parseEquation("ij,jk->ik").inputs.length; //=> 2
 */
export interface ParsedEquation {
  readonly equation: string;
  readonly inputs: readonly ParsedTerm[];
  readonly output: ParsedTerm | undefined;
  /** The index of the arrow, or the equation's length when there is none: where a missing operand would go. */
  readonly inputsEnd: number;
}

const arrow = "->";

/**
 * Parses an equation's grammar, with no shapes yet: labels, spaces, commas, one `->`, and at most one `...` per
 * term. The type `ParseEquation` in `src/types/parse.ts` takes the same steps.
 *
 * @example
 * parseEquation("bk,aki->bai").output?.labels; //=> ["b", "a", "i"]
 */
export function parseEquation(equation: string): ParsedEquation {
  const { inputs, output, outputStart } = splitArrow(equation);
  const inputTerms = splitTerms(inputs).map(({ text, start }, operand) =>
    parseTerm(text, start, `operand ${operand}`, equation),
  );
  return {
    equation,
    inputs: inputTerms,
    output: output === undefined ? undefined : parseTerm(output, outputStart, "the output", equation),
    inputsEnd: output === undefined ? equation.length : outputStart - arrow.length,
  };
}

/**
 * Splits an equation at its first `->`. A second one is an error.
 *
 * @example
 * splitArrow("ij->ji"); //=> { inputs: "ij", output: "ji", outputStart: 4 }
 */
export function splitArrow(equation: string): { inputs: string; output: string | undefined; outputStart: number } {
  const at = equation.indexOf(arrow);
  if (at < 0) return { inputs: equation, output: undefined, outputStart: equation.length };
  const outputStart = at + arrow.length;
  const second = equation.indexOf(arrow, outputStart);
  if (second >= 0) {
    throw new EinsumError("MULTIPLE_ARROWS", writeSecondArrow(second), { equation, position: second });
  }
  return { inputs: equation.slice(0, at), output: equation.slice(outputStart), outputStart };
}

/**
 * Splits the input side of an equation at its commas, keeping where each term starts.
 *
 * @example
 * splitTerms("ij, jk"); //=> [{ text: "ij", start: 0 }, { text: " jk", start: 3 }]
 */
export function splitTerms(inputs: string): { text: string; start: number }[] {
  const terms: { text: string; start: number }[] = [];
  let start = 0;
  for (const text of inputs.split(",")) {
    terms.push({ text, start });
    start += text.length + 1;
  }
  return terms;
}

/**
 * Reads one term character by character: labels, spaces and one ellipsis. `owner` names the term in messages
 * (`"operand 1"` or `"the output"`).
 *
 * @example
 * parseTerm(" ii", 3, "operand 1", "jk, ii").labels; //=> ["i", "i"]
 */
export function parseTerm(text: string, start: number, owner: string, equation: string): ParsedTerm {
  const labels: string[] = [];
  const positions: number[] = [];
  let ellipsisIndex: number | undefined;
  let ellipsisPosition: number | undefined;
  let offset = 0;
  while (offset < text.length) {
    const character = text.charAt(offset);
    const position = start + offset;
    switch (scanCharacter(character)) {
      case "label":
        labels.push(character);
        positions.push(position);
        offset += 1;
        break;
      case "space":
        offset += 1;
        break;
      case "dot":
        if (!text.startsWith("...", offset)) {
          throw new EinsumError("MALFORMED_ELLIPSIS", writeMalformedEllipsis(position), { equation, position });
        }
        if (ellipsisIndex !== undefined) {
          throw new EinsumError("REPEATED_ELLIPSIS", writeRepeatedEllipsis(owner, position), { equation, position });
        }
        ellipsisIndex = labels.length;
        ellipsisPosition = position;
        offset += 3;
        break;
      case "dash":
      case "greater":
        throw new EinsumError("MALFORMED_ARROW", writeMalformedArrow(position), { equation, position });
      default:
        throw new EinsumError("INVALID_CHARACTER", writeInvalidCharacter(character, position), {
          equation,
          position,
        });
    }
  }
  return { labels, ellipsisIndex, ellipsisPosition, text: text.replaceAll(" ", ""), start, positions };
}
