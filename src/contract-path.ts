import { EinsumError } from "./einsum-error.js";
import { writeInvalidNetwork, writeInvalidOperand } from "./messages.js";
import { searchPath, type OptimizeOption } from "./optimizer/choose-path.js";
import { labelNamesFor } from "./optimizer/label-names.js";
import type { Network } from "./optimizer/network.js";
import { describePath, type PathInfo } from "./optimizer/path-info.js";
import { normalizeEquation } from "./parse/normalize.js";
import { checkShape } from "./tensor/shape.js";

export type { PathInfo, ContractionStep } from "./optimizer/path-info.js";
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
    const { operands, options } = splitOptions(rest);
    const shapes = operandsOf(operands).map(shapeOf);
    const spec = normalizeEquation(first, shapes);
    const { path, search } = searchPath(spec, options.optimize ?? "auto", options.memoryLimit);
    return describePath(spec, path, spec.labelNames, search);
  }
  const network = checkNetwork(first);
  const options = (rest[0] ?? {}) as ContractPathOptions;
  const { path, search } = searchPath(network, options.optimize ?? "auto", options.memoryLimit);
  return describePath(network, path, labelNamesFor(network.sizes.length), search);
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
 * Checks a network given with integer labels: sizes are whole numbers from 0, labels are whole numbers below
 * `sizes.length`, and the output's labels are distinct and found in some input. Throws `INVALID_NETWORK`.
 *
 * @example
 * checkNetwork({ inputs: [[0, 5]], output: [], sizes: [2, 3] }); // throws INVALID_NETWORK
 */
export function checkNetwork(network: unknown): ContractionNetwork {
  const fail = (detail: string): never => {
    throw new EinsumError("INVALID_NETWORK", writeInvalidNetwork(detail));
  };
  if (typeof network !== "object" || network === null) return fail("expected { inputs, output, sizes }");
  const { inputs, output, sizes } = network as Record<string, unknown>;
  if (!Array.isArray(sizes)) return fail("sizes is not an array");
  sizes.forEach((size: unknown, label) => {
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
      fail(`sizes[${label}] is ${String(size)}: sizes are whole numbers from 0`);
    }
  });
  const checkLabels = (labels: unknown, name: string): number[] => {
    if (!Array.isArray(labels)) return fail(`${name} is not an array of labels`);
    labels.forEach((label: unknown, index) => {
      if (typeof label !== "number" || !Number.isInteger(label) || label < 0 || label >= sizes.length) {
        fail(`${name}[${index}] is ${String(label)} but sizes has ${sizes.length} labels`);
      }
    });
    return [...(labels as number[])];
  };
  if (!Array.isArray(inputs) || inputs.length === 0) return fail("inputs is not a non-empty array of operands");
  const checkedInputs = inputs.map((labels: unknown, index) => checkLabels(labels, `inputs[${index}]`));
  const checkedOutput = checkLabels(output, "output");
  const present = new Set(checkedInputs.flat());
  const seen = new Set<number>();
  checkedOutput.forEach((label, index) => {
    if (seen.has(label)) fail(`output[${index}] repeats label ${label}`);
    if (!present.has(label)) fail(`output[${index}] is label ${label}, found in no input`);
    seen.add(label);
  });
  return { inputs: checkedInputs, output: checkedOutput, sizes: [...(sizes as number[])] };
}
