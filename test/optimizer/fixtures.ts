import { existsSync, readFileSync } from "node:fs";
import type { Network } from "../../src/optimizer/network.js";

/** A method's result in the reference data. */
export interface ReferenceMethod {
  readonly status: string;
  readonly opt_cost?: number;
  readonly path?: number[][];
  /** opt_einsum's fastest search time, in seconds. */
  readonly time_s_min?: number;
}

export interface ReferenceCase {
  readonly name: string;
  readonly eq: string;
  readonly shapes: number[][];
  readonly n_inputs: number;
  readonly inputs_int: number[][];
  readonly output_int: number[];
  readonly size_int: number[];
  readonly methods: Readonly<Record<string, ReferenceMethod>>;
}

export interface MemoryLimitCase {
  readonly name: string;
  readonly eq: string;
  readonly shapes: number[][];
  readonly memory_limit: number | string;
  readonly methods: Readonly<Record<string, ReferenceMethod>>;
}

interface ReferenceFile {
  readonly cases: readonly ReferenceCase[];
  readonly memory_limit_cases: readonly MemoryLimitCase[];
}

/**
 * Reads a JSON file of `test/fixtures/optimizer/` (written by `scripts/generate_optimizer_reference.py`). The
 * repository's root is the nearest folder above with a `package.json`, so the tests (run from `test/`) and the
 * compiled benchmarks (run from `.bench-build/test/`) both reach it.
 */
function readFixture(name: string): unknown {
  let folder = new URL("..", import.meta.url);
  while (!existsSync(new URL("package.json", folder))) {
    if (folder.pathname === "/") throw new Error(`no package.json above ${import.meta.url}`);
    folder = new URL("..", folder);
  }
  return JSON.parse(readFileSync(new URL(`test/fixtures/optimizer/${name}`, folder), "utf8"));
}

/**
 * opt_einsum's reference paths and costs.
 *
 * @example
 * referenceData().cases.length; //=> 60
 */
export function referenceData(): ReferenceFile {
  return readFixture("reference-paths.json") as ReferenceFile;
}

/**
 * The network of a reference case.
 *
 * @example
 * networkOf(referenceData().cases[0]!).sizes; //=> [2, 3]
 */
export function networkOf(reference: ReferenceCase): Network {
  return { inputs: reference.inputs_int, output: reference.output_int, sizes: reference.size_int };
}

/** The cheapest cost among the methods of a reference case that finished. */
export function cheapestReference(methods: Readonly<Record<string, ReferenceMethod>>): number {
  return Math.min(...Object.values(methods).flatMap((method) => (method.status === "ok" ? [method.opt_cost ?? Infinity] : [])));
}

/**
 * A network from an opt_einsum equation with explicit output and per-operand shapes (any symbols).
 *
 * @example
 * networkFromEquation("ab,bc->ac", [[2, 3], [3, 4]]); //=> { inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }
 */
export function networkFromEquation(equation: string, shapes: readonly (readonly number[])[]): Network {
  const [left = "", right = ""] = equation.split("->");
  const ids = new Map<string, number>();
  const sizes: number[] = [];
  const inputs = left.split(",").map((term, operand) =>
    [...term].map((symbol, axis) => {
      let id = ids.get(symbol);
      if (id === undefined) {
        id = ids.size;
        ids.set(symbol, id);
        sizes.push(shapes[operand]?.[axis] ?? 0);
      }
      return id;
    }),
  );
  return { inputs, output: [...right].map((symbol) => ids.get(symbol) ?? -1), sizes };
}

interface SampleFile {
  readonly instances: readonly {
    readonly name: string;
    readonly inputs: number[][];
    readonly output: number[];
    readonly sizes: number[];
    readonly best_known_opt_cost: number;
    readonly opt_einsum: { readonly greedy: number; readonly "random-greedy-128": number; readonly "random-greedy-512": number };
  }[];
}

/** A larger network with its best known cost (the cheapest of opt_einsum's greedy and random-greedy). */
export interface SampleNetwork {
  readonly name: string;
  readonly network: Network;
  readonly bestKnown: number;
  /** opt_einsum's greedy and random-greedy (128 and 512 trials) costs. */
  readonly greedy: number;
  readonly randomGreedy: number;
  readonly randomGreedy512: number;
}

/**
 * The networks of `benchmark-sample.json`.
 *
 * @example
 * sampleNetworks().length; //=> 28
 */
export function sampleNetworks(): SampleNetwork[] {
  const sample = readFixture("benchmark-sample.json") as SampleFile;
  return sample.instances.map((instance) => ({
    name: instance.name,
    network: { inputs: instance.inputs, output: instance.output, sizes: instance.sizes },
    bestKnown: instance.best_known_opt_cost,
    greedy: instance.opt_einsum.greedy,
    randomGreedy: instance.opt_einsum["random-greedy-128"],
    randomGreedy512: instance.opt_einsum["random-greedy-512"],
  }));
}
