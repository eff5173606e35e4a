import { EinsumError } from "../einsum-error.js";
import { writeInvalidOperand, writeInvalidOption, writePathStep, writeSublistLabel } from "../messages.js";
import { checkMemoryLimit, type OptimizeOption } from "../optimizer/choose-path.js";
import { OPTIMIZE_VALUES_LISTED } from "../optimizer/registry.js";
import type { SublistLabel } from "../parse/sublists.js";
import { describeEntry } from "../tensor/nested.js";
import { checkMaxElements } from "./limits.js";
import { isTensorLike } from "./operand.js";
import { checkThreads } from "./threads-option.js";
import { checkOptionKeys, einsumOptionKeys } from "./validate-options.js";

/**
 * The options every einsum call takes.
 *
 * @example
 * const options: EinsumOptions = { optimize: "greedy", memoryLimit: 1e6, maxElements: 2 ** 26 };
 */
export interface EinsumOptions {
  /**
   * How to order the pairwise contractions: a method name (`"auto"` by default), `false` for left to right, or an
   * explicit path in opt_einsum's format.
   */
  readonly optimize?: OptimizeOption;
  /** The largest intermediate allowed, in elements. */
  readonly memoryLimit?: number;
  /**
   * How many threads large products may use (1 by default). Threads need `SharedArrayBuffer` and a worker API:
   * Node's `worker_threads`, or Web Workers on a cross-origin isolated page (in browsers the workers join from
   * the call after the page's event loop has turned once); elsewhere the call runs on one thread.
   */
  readonly threads?: number;
  /**
   * The most elements any array the call allocates may hold (results, intermediates, copies): 2^24 by default
   * (see `setMaxElements`), at most 2^31 − 1. A call that would pass it throws `TOO_LARGE` before allocating.
   */
  readonly maxElements?: number;
}


/** An einsum call's arguments, sorted out: the equation or the sublists, the operands, the options. */
export type EinsumCall =
  | { readonly form: "equation"; readonly equation: string; readonly operands: readonly unknown[]; readonly options: EinsumOptions }
  | {
      readonly form: "sublists";
      readonly operands: readonly unknown[];
      readonly sublists: readonly (readonly SublistLabel[])[];
      readonly output: readonly SublistLabel[] | undefined;
      readonly options: EinsumOptions;
    };

/**
 * Sorts out the three call forms: `einsum(equation, ...operands, options?)`, `einsum(equation, operands,
 * options?)` and NumPy's sublist form `einsum(a, [0, 1], b, [1, 2], [0, 2], options?)`.
 *
 * @example
 * readArguments(["ij->ji", [a]]).form; //=> "equation"
 */
export function readArguments(args: readonly unknown[]): EinsumCall {
  const rest = [...args];
  const options = isOptions(rest[rest.length - 1]) ? (rest.pop() as EinsumOptions) : {};
  const first = rest[0];
  if (typeof first === "string") {
    // Array.from turns holes into undefined, which is refused as an operand rather than skipped.
    const operands = rest.length === 2 && Array.isArray(rest[1]) ? Array.from(rest[1] as unknown[]) : rest.slice(1);
    return { form: "equation", equation: first, operands, options };
  }
  const operands: unknown[] = [];
  const sublists: SublistLabel[][] = [];
  let index = 0;
  while (index + 1 < rest.length && !Array.isArray(rest[index])) {
    const operand = operands.length;
    if (!isTensorLike(rest[index])) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operand));
    operands.push(rest[index]);
    sublists.push(checkSublist(rest[index + 1], operand));
    index += 2;
  }
  if (index < rest.length - 1 || (index === rest.length - 1 && !Array.isArray(rest[index]))) {
    throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operands.length));
  }
  const output = index === rest.length - 1 ? checkSublist(rest[index], operands.length) : undefined;
  return { form: "sublists", operands, sublists, output, options };
}

/**
 * Whether a trailing argument is an options object: an object that is not an array, a typed array or something
 * with an operand's keys (then it is a bad operand, refused as such).
 *
 * @example
 * isOptions({ optimize: "greedy" }); //=> true
 * isOptions({ shape: [2] }); //=> false
 */
export function isOptions(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    !("shape" in value) &&
    !("data" in value)
  );
}

/**
 * An options object after its checks: known keys only (`UNKNOWN_OPTION` with the closest key suggested), and
 * valid `threads`, `memoryLimit` and `maxElements` (`INVALID_OPTION`); `optimize` is checked when planning.
 *
 * @example
 * checkOptions({ threads: 2 }).maxElements; //=> 16777216
 * // @ts-expect-error 'optimise' does not exist in type 'EinsumOptions'. Did you mean to write 'optimize'?
 * checkOptions({ optimise: "greedy" }); // throws UNKNOWN_OPTION: … did you mean 'optimize'?
 */
export function checkOptions(options: EinsumOptions): CheckedOptions {
  checkOptionKeys(options, einsumOptionKeys);
  checkMemoryLimit(options.memoryLimit);
  checkOptimizeType(options.optimize);
  return { ...options, threads: checkThreads(options.threads), maxElements: checkMaxElements(options.maxElements) };
}

/**
 * Refuses an `optimize` value of the wrong type before the planner reads it: a method name, a search object, `false`,
 * or a path whose steps are lists of numbers (`INVALID_OPTION`, `INVALID_PATH`); names, budgets and positions are
 * checked there.
 */
function checkOptimizeType(optimize: unknown): void {
  if (optimize === undefined || optimize === false || typeof optimize === "string" || isSearchObject(optimize)) return;
  if (!Array.isArray(optimize)) {
    throw new EinsumError(
      "INVALID_OPTION",
      writeInvalidOption("optimize", describeEntry(optimize), OPTIMIZE_VALUES_LISTED),
    );
  }
  for (let step = 0; step < optimize.length; step++) {
    const positions: unknown = optimize[step];
    if (!Array.isArray(positions) || positions.length === 0 || !positions.every((position) => typeof position === "number")) {
      throw new EinsumError("INVALID_PATH", writePathStep(step));
    }
  }
}

function isSearchObject(optimize: unknown): boolean {
  return typeof optimize === "object" && optimize !== null && !Array.isArray(optimize);
}

/**
 * Options with their defaults filled in.
 *
 * @example
 * const checked: CheckedOptions = { threads: 1, maxElements: 2 ** 24 };
 */
export interface CheckedOptions extends EinsumOptions {
  readonly threads: number;
  readonly maxElements: number;
}

function checkSublist(value: unknown, operand: number): SublistLabel[] {
  if (!Array.isArray(value)) throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(operand));
  return Array.from(value as unknown[], (label: unknown) => {
    if (label === "..." || (typeof label === "number" && Number.isSafeInteger(label) && label >= 0)) {
      return label;
    }
    throw new EinsumError("SUBLIST_LABEL", writeSublistLabel(operand, describeEntry(label)));
  });
}
