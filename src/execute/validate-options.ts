import { EinsumError } from "../einsum-error.js";
import { writeDidYouMean, writeUnknownOption } from "../messages.js";

/**
 * The keys an einsum or contractExpression options object may hold.
 *
 * @example
 * einsumOptionKeys.includes("optimize"); //=> true
 */
export const einsumOptionKeys: readonly string[] = ["optimize", "memoryLimit", "threads", "maxElements"];

/**
 * Refuses an options object with a key outside `known` (`UNKNOWN_OPTION`), suggesting the closest known key when
 * one is near, so a misspelled option never goes unnoticed.
 *
 * @example
 * checkOptionKeys({ optimize: "greedy" }, einsumOptionKeys); // passes
 * checkOptionKeys({ optimise: "greedy" }, einsumOptionKeys); // throws: unknown option 'optimise' …; did you mean 'optimize'?
 */
export function checkOptionKeys(options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const message = writeUnknownOption(key.length > 40 ? `${key.slice(0, 40)}…` : key, known.join(", "));
    const suggestion = closestKey(key, known);
    throw new EinsumError("UNKNOWN_OPTION", suggestion === undefined ? message : writeDidYouMean(message, suggestion));
  }
}

/**
 * The known key nearest to `key` in edit distance (case ignored), when it is near enough to be a slip: at most a
 * third of the longer name's letters, and at least one, apart.
 *
 * @example
 * closestKey("optimise", ["optimize", "threads"]); //=> "optimize"
 * closestKey("colour", ["optimize", "threads"]); //=> undefined
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(Math.max(key.length, candidate.length) / 3))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, one row at a time; names longer than 64 characters are compared by their first 64. */
function editDistance(left: string, right: string): number {
  const a = left.slice(0, 64);
  const b = right.slice(0, 64);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
