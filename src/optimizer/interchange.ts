import { checkNetwork } from "../contract-path.js";
import { EinsumError } from "../einsum-error.js";
import { writeInvalidNetwork } from "../messages.js";
import { labelName } from "./label-names.js";
import type { LinearPath, Network } from "./network.js";
import { validatePath } from "./validate-path.js";

/**
 * A contraction plan as opt_einsum takes it: an equation (any single-character symbols, opt_einsum's `get_symbol`
 * past `a-zA-Z`), the operands' shapes, and a path in opt_einsum's linear format, ready for
 * `opt_einsum.contract(equation, *arrays, optimize=path)`.
 *
 * @example
 * const plan: OptEinsumPlan = { equation: "ab,bc->ac", shapes: [[2, 3], [3, 4]], path: [[0, 1]] };
 */
export interface OptEinsumPlan {
  readonly equation: string;
  readonly shapes: readonly (readonly number[])[];
  readonly path: readonly (readonly number[])[];
}

/**
 * A contraction plan as cotengra reads it from JSON: the indices of each input and of the output, the size of each
 * index, the path in linear format, and the sliced indices (empty when the plan is not sliced). In Python,
 * `cotengra.ContractionTree.from_path(inputs, output, size_dict, path=path)` rebuilds the tree, and
 * `tree.slice_(...)`/`tree.contract(arrays)` run it, one slice per worker with Ray or Dask.
 *
 * @example
 * const plan: CotengraPlan = { inputs: [["a", "b"], ["b", "c"]], output: ["a", "c"], size_dict: { a: 2, b: 3, c: 4 }, path: [[0, 1]], sliced_inds: [] };
 */
export interface CotengraPlan {
  readonly inputs: readonly (readonly string[])[];
  readonly output: readonly string[];
  readonly size_dict: Readonly<Record<string, number>>;
  readonly path: readonly (readonly number[])[];
  readonly sliced_inds: readonly string[];
}

/**
 * A network with integer labels and a path over it, as {@link contractPath} takes them.
 *
 * @example
 * const plan: NetworkPlan = { network: { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, path: [[0, 1]] };
 */
export interface NetworkPlan {
  readonly network: Network;
  readonly path: LinearPath;
}

/**
 * Writes a network and a path (for instance `contractPath(network).path`) as an opt_einsum plan.
 *
 * @example
 * toOptEinsum({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]]);
 * //=> { equation: "ab,bc->ac", shapes: [[2, 3], [3, 4]], path: [[0, 1]] }
 */
export function toOptEinsum(network: Network, path: readonly (readonly number[])[]): OptEinsumPlan {
  const checked = checkNetwork(network);
  const term = (labels: readonly number[]): string => labels.map(labelName).join("");
  return {
    equation: `${checked.inputs.map(term).join(",")}->${term(checked.output)}`,
    shapes: checked.inputs.map((labels) => labels.map((label) => checked.sizes[label] as number)),
    path: validatePath(path, checked.inputs.length),
  };
}

/**
 * Reads an opt_einsum plan: an explicit equation (`->` required; any single-character symbols), one shape per
 * term, and a linear path. Throws `INVALID_NETWORK` when the equation and shapes disagree, `INVALID_PATH` for a bad
 * path.
 *
 * @example
 * fromOptEinsum({ equation: "ab,bc->ac", shapes: [[2, 3], [3, 4]], path: [[0, 1]] }).network.sizes; //=> [2, 3, 4]
 */
export function fromOptEinsum(plan: unknown): NetworkPlan {
  const { equation, shapes, path } = readObject(plan, ["equation", "shapes", "path"], "{ equation, shapes, path }");
  if (typeof equation !== "string" || !equation.includes("->")) fail("equation is not a string with '->'");
  if (!Array.isArray(shapes)) return fail("shapes is not an array of shapes");
  const [left, right] = (equation as string).split("->") as [string, string];
  const terms = left.split(",").map((term) => [...term]);
  if (terms.length !== shapes.length) fail(`the equation has ${terms.length} terms but ${shapes.length} shapes are given`);
  const ids = new Map<string, number>();
  const sizes: number[] = [];
  const inputs = terms.map((symbols, operand) => {
    const shape: unknown = shapes[operand];
    if (!Array.isArray(shape) || shape.length !== symbols.length) {
      fail(`shapes[${operand}] does not have the ${symbols.length} sizes of term ${operand}`);
    }
    return symbols.map((symbol, axis) => {
      const size: unknown = (shape as unknown[])[axis];
      let id = ids.get(symbol);
      if (id === undefined) {
        id = ids.size;
        ids.set(symbol, id);
        sizes.push(size as number);
      } else if (sizes[id] !== size) {
        fail(`symbol '${symbol}' has size ${String(sizes[id])} and ${String(size)}`);
      }
      return id;
    });
  });
  const output = [...right].map((symbol) => ids.get(symbol) ?? fail(`output symbol '${symbol}' is in no input`));
  const network = checkNetwork({ inputs, output, sizes });
  return { network, path: validatePath(path, network.inputs.length) };
}

/**
 * Writes a network and a path as cotengra's JSON plan; `sliced` lists the labels a sliced plan loops over.
 *
 * @example
 * toCotengra({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]]).size_dict; //=> { a: 2, b: 3, c: 4 }
 */
export function toCotengra(network: Network, path: readonly (readonly number[])[], sliced: readonly number[] = []): CotengraPlan {
  const checked = checkNetwork(network);
  const used = new Set<number>();
  for (const labels of checked.inputs) for (const label of labels) used.add(label);
  const sizeDict: Record<string, number> = {};
  for (const label of [...used].sort((a, b) => a - b)) sizeDict[labelName(label)] = checked.sizes[label] as number;
  for (const label of sliced) {
    if (!used.has(label)) fail(`sliced label ${label} is in no input`);
  }
  return {
    inputs: checked.inputs.map((labels) => labels.map(labelName)),
    output: checked.output.map(labelName),
    size_dict: sizeDict,
    path: validatePath(path, checked.inputs.length),
    sliced_inds: sliced.map(labelName),
  };
}

/**
 * Reads cotengra's JSON plan (`inputs`, `output`, `size_dict`, `path`, and optionally `sliced_inds`), with any
 * strings as indices. Returns the network with labels numbered in order of first appearance, the path, and the
 * sliced labels. Throws `INVALID_NETWORK` or `INVALID_PATH`.
 *
 * @example
 * fromCotengra({ inputs: [["i", "j"], ["j", "k"]], output: ["i", "k"], size_dict: { i: 2, j: 3, k: 4 }, path: [[0, 1]] }).network.inputs;
 * //=> [[0, 1], [1, 2]]
 */
export function fromCotengra(plan: unknown): NetworkPlan & { readonly sliced: readonly number[] } {
  const fields = readObject(plan, ["inputs", "output", "size_dict", "path", "sliced_inds"], "{ inputs, output, size_dict, path }");
  const { inputs, output, path } = fields;
  const sizeDict = fields["size_dict"];
  if (typeof sizeDict !== "object" || sizeDict === null || Array.isArray(sizeDict)) fail("size_dict is not an object");
  const ids = new Map<string, number>();
  const sizes: number[] = [];
  const idOf = (index: unknown, where: string): number => {
    if (typeof index !== "string") return fail(`${where} is not a string index`);
    let id = ids.get(index);
    if (id === undefined) {
      if (!Object.prototype.hasOwnProperty.call(sizeDict, index)) fail(`${where} is '${index}', which size_dict does not size`);
      id = ids.size;
      ids.set(index, id);
      sizes.push((sizeDict as Record<string, unknown>)[index] as number);
    }
    return id;
  };
  const list = (value: unknown, name: string): unknown[] => (Array.isArray(value) ? value : fail(`${name} is not an array`));
  const network = checkNetwork({
    inputs: list(inputs, "inputs").map((term, operand) =>
      list(term, `inputs[${operand}]`).map((index, axis) => idOf(index, `inputs[${operand}][${axis}]`)),
    ),
    output: list(output, "output").map((index, axis) => idOf(index, `output[${axis}]`)),
    sizes,
  });
  const slicedInds = fields["sliced_inds"] ?? [];
  const sliced = list(slicedInds, "sliced_inds").map((index, position, all) => {
    const id = typeof index === "string" ? ids.get(index) : undefined;
    if (all.indexOf(index) !== position) fail(`sliced_inds[${position}] repeats '${String(index)}'`);
    return id ?? fail(`sliced_inds[${position}] is not an index of the inputs`);
  });
  return { network, path: validatePath(path, network.inputs.length), sliced };
}

function readObject(value: unknown, keys: readonly string[], expected: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail(`expected ${expected}`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`unknown key '${key}': expected ${expected}`);
  }
  return value as Record<string, unknown>;
}

function fail(detail: string): never {
  throw new EinsumError("INVALID_NETWORK", writeInvalidNetwork(detail));
}
