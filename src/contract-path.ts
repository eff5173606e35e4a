import { EinsumError } from "./einsum-error.js";
import { checkOptionKeys } from "./execute/validate-options.js";
import { writeInvalidNetwork, writeInvalidOperand, writeInvalidOption } from "./messages.js";
import { searchPath, type OptimizeOption } from "./optimizer/choose-path.js";
import { labelNamesFor } from "./optimizer/label-names.js";
import type { Network } from "./optimizer/network.js";
import { describePath, type PathInfo } from "./optimizer/path-info.js";
import { normalizeEquation } from "./parse/normalize.js";
import { describeEntry } from "./tensor/nested.js";
import { checkShape } from "./tensor/shape.js";

export type { PathInfo, ContractionStep } from "./optimizer/path-info.js";
export type { SlicingReport } from "./optimizer/path-summary.js";
export type { OptimizeOption, SearchOptions, SearchReport } from "./optimizer/choose-path.js";
export type { StopReason } from "./optimizer/budget.js";

/**
 * Options of {@link contractPath}: the search (or `false`, or an explicit path) and the memory limit in elements.
 *
 * @example
 * const options: ContractPathOptions = { optimize: "dp", memoryLimit: 1e6 };
 */
export interface ContractPathOptions {
  readonly optimize?: OptimizeOption;
  readonly memoryLimit?: number;
}

/**
 * A contraction network with integer labels: each operand's labels, the output's labels, and `sizes[label]`.
 *
 * @example
 * const network: ContractionNetwork = { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] };
 */
export type ContractionNetwork = Network;

/** An operand given to {@link contractPath}: a shape, or anything with a `shape` (a tensor). */
type ShapeOrOperand = readonly number[] | { readonly shape: readonly number[] };

/**
 * Chooses a contraction path and reports what it costs, like `numpy.einsum_path` and opt_einsum's
 * `contract_path`. Give an equation with shapes (or tensors), or a network with integer labels.
 *
 * @example
 * const info = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5]);
 * info.path; //=> [[0, 1], [1, 0]]
 * info.flops; //=> 128
 * info.steps[0]?.einsum; //=> "ij,jk->ik"
 * contractPath("ij,jk,kl->il", [[2, 3], [3, 4], [4, 5]], { optimize: "greedy" }).flops; //=> 128
 * contractPath({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }).flops; //=> 48
 */
export function contractPath(network: ContractionNetwork, options?: ContractPathOptions): PathInfo;
export function contractPath(
  equation: string,
  ...operands: readonly ShapeOrOperand[] | [...ShapeOrOperand[], ContractPathOptions]
): PathInfo;
export function contractPath(
  equation: string,
  operands: readonly ShapeOrOperand[],
  options?: ContractPathOptions,
): PathInfo;
export function contractPath(first: string | ContractionNetwork, ...rest: readonly unknown[]): PathInfo {
  if (typeof first === "string") {
    const { operands, options: given } = splitOptions(rest);
    const options = checkPathOptions(given);
    const shapes = operandsOf(operands).map(shapeOf);
    const spec = normalizeEquation(first, shapes);
    const { path, search, slicing } = searchPath(spec, options.optimize ?? "auto", options.memoryLimit);
    return describePath(spec, path, spec.labelNames, search, slicing);
  }
  const network = checkNetwork(first);
  const options = checkPathOptions(rest[0]);
  const { path, search, slicing } = searchPath(network, options.optimize ?? "auto", options.memoryLimit);
  return describePath(network, path, labelNamesFor(network.sizes.length), search, slicing);
}

const pathOptionKeys = ["optimize", "memoryLimit"] as const;

/** Checks the options object: `undefined` or an object with only `optimize` and `memoryLimit`. */
function checkPathOptions(options: unknown): ContractPathOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new EinsumError("INVALID_OPTION", writeInvalidOption("options", describeEntry(options), "an object { optimize, memoryLimit }"));
  }
  checkOptionKeys(options, pathOptionKeys);
  return options as ContractPathOptions;
}

function isOptions(value: unknown): value is ContractPathOptions {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("shape" in value);
}

function splitOptions(rest: readonly unknown[]): { operands: unknown[]; options: ContractPathOptions } {
  const last = rest[rest.length - 1];
  if (rest.length > 0 && isOptions(last)) return { operands: rest.slice(0, -1), options: last };
  return { operands: [...rest], options: {} };
}

/** The operand-list form `contractPath(equation, [a, b])` gives one array of operands. */
function operandsOf(operands: readonly unknown[]): readonly unknown[] {
  const [only] = operands;
  if (operands.length === 1 && Array.isArray(only) && only.length > 0 && only.every((item) => typeof item !== "number")) {
    return only;
  }
  return operands;
}

function shapeOf(operand: unknown, index: number): readonly number[] {
  if (Array.isArray(operand)) return checkShape(operand);
  if (typeof operand === "object" && operand !== null && "shape" in operand) {
    return checkShape((operand as { shape: unknown }).shape);
  }
  throw new EinsumError("INVALID_OPERAND", writeInvalidOperand(index));
}

/**
 * The most labels a network given with integer labels may have (`sizes.length`): the searches keep a few numbers
 * per label.
 *
 * @example
 * MAX_NETWORK_LABELS; //=> 4194304
 */
export const MAX_NETWORK_LABELS = 1 << 22;

/**
 * Checks a network given with integer labels: `sizes` is a dense array of at most {@link MAX_NETWORK_LABELS} whole
 * numbers from 0, every input and the output are dense arrays of whole-number labels below `sizes.length`, and the
 * output's labels are distinct and found in some input. Throws `INVALID_NETWORK`, before any work that grows with
 * the labels' values.
 *
 * @example
 * checkNetwork({ inputs: [[0, 5]], output: [], sizes: [2, 3] }); // throws INVALID_NETWORK
 */
export function checkNetwork(network: unknown): ContractionNetwork {
  const fail = (detail: string): never => {
    throw new EinsumError("INVALID_NETWORK", writeInvalidNetwork(detail));
  };
  if (typeof network !== "object" || network === null || Array.isArray(network)) {
    return fail("expected { inputs, output, sizes }");
  }
  const { inputs, output, sizes } = network as Record<string, unknown>;
  const checkDense = (value: unknown, name: string, what: string): unknown[] => {
    if (!Array.isArray(value)) return fail(`${name} is not ${what}`);
    // a sparse array's length says nothing about its entries: `[]` with an entry at 1e9 has length 1e9 + 1
    if (Object.keys(value).length !== value.length) return fail(`${name} has holes: expected ${what} with no holes`);
    return value;
  };
  const sizeList = checkDense(sizes, "sizes", "an array of sizes");
  if (sizeList.length > MAX_NETWORK_LABELS) {
    fail(`sizes has ${sizeList.length} labels, more than the ${MAX_NETWORK_LABELS} a network may have`);
  }
  for (let label = 0; label < sizeList.length; label++) {
    const size = sizeList[label];
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
      fail(`sizes[${label}] is ${describeEntry(size)}: sizes are whole numbers from 0`);
    }
  }
  const checkLabels = (labels: unknown, name: string): number[] => {
    const list = checkDense(labels, name, "an array of labels");
    for (let index = 0; index < list.length; index++) {
      const label = list[index];
      if (typeof label !== "number" || !Number.isInteger(label) || label < 0 || label >= sizeList.length) {
        fail(`${name}[${index}] is ${describeEntry(label)} but sizes has ${sizeList.length} labels`);
      }
    }
    return [...(list as number[])];
  };
  const inputList = checkDense(inputs, "inputs", "a non-empty array of operands");
  if (inputList.length === 0) return fail("inputs is not a non-empty array of operands");
  const checkedInputs = inputList.map((labels: unknown, index) => checkLabels(labels, `inputs[${index}]`));
  const checkedOutput = checkLabels(output, "output");
  const present = new Set<number>();
  for (const labels of checkedInputs) for (const label of labels) present.add(label);
  const seen = new Set<number>();
  checkedOutput.forEach((label, index) => {
    if (seen.has(label)) fail(`output[${index}] repeats label ${label}`);
    if (!present.has(label)) fail(`output[${index}] is label ${label}, found in no input`);
    seen.add(label);
  });
  return { inputs: checkedInputs, output: checkedOutput, sizes: [...(sizeList as number[])] };
}

