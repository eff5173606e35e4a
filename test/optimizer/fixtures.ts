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
 * Reads a JSON file of the `shared/` folder that stands beside the repository. It is found by walking up from
 * this file, so the tests (run from `test/`) and the compiled benchmarks (run from `.bench-build/test/`) both
 * reach it.
 */
function readShared(relative: string): unknown {
  for (let folder = new URL(".", import.meta.url); ; folder = new URL("..", folder)) {
    const candidate = new URL(`shared/${relative}`, folder);
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, "utf8"));
    if (folder.pathname === "/") throw new Error(`shared/${relative} was not found above ${import.meta.url}`);
  }
}

/**
 * opt_einsum's reference paths and costs.
 *
 * @example
 * referenceData().cases.length; //=> 60
 */
export function referenceData(): ReferenceFile {
  return readShared("optimizer/reference-paths.json") as ReferenceFile;
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
  readonly instances_with_data: readonly {
    readonly name: string;
    readonly ixs: number[][];
    readonly iy: number[];
    readonly size: Readonly<Record<string, number>>;
    readonly einsum_benchmark_metadata: { readonly opt_flops_path_flops_log10: number };
  }[];
  readonly random_tn_sample_meirom_et_al: {
    readonly instances: readonly {
      readonly eq: string;
      readonly shapes: number[][];
      readonly n_inputs: string | number;
      readonly index_in_file: string | number;
      readonly best_known_opt_cost: string | number;
    }[];
  };
}

/** A larger network with its best known cost. */
export interface SampleNetwork {
  readonly name: string;
  readonly network: Network;
  readonly bestKnown: number;
}

/**
 * The networks of `einsum_benchmark_sample.json`.
 *
 * @example
 * sampleNetworks().length; //=> 12
 */
export function sampleNetworks(): SampleNetwork[] {
  const sample = readShared("optimizer/einsum_benchmark_sample.json") as SampleFile;
  const fromIxs = sample.instances_with_data.map((instance) => {
    const ids = new Map<number, number>();
    const sizes: number[] = [];
    const id = (label: number): number => {
      let local = ids.get(label);
      if (local === undefined) {
        local = ids.size;
        ids.set(label, local);
        sizes.push(instance.size[String(label)] ?? 0);
      }
      return local;
    };
    const inputs = instance.ixs.map((labels) => labels.map(id));
    return {
      name: instance.name,
      network: { inputs, output: instance.iy.map(id), sizes },
      bestKnown: 10 ** instance.einsum_benchmark_metadata.opt_flops_path_flops_log10,
    };
  });
  const random = sample.random_tn_sample_meirom_et_al.instances.map((instance) => ({
    name: `random_${instance.n_inputs}_${instance.index_in_file}`,
    network: networkFromEquation(instance.eq, instance.shapes),
    bestKnown: Number(instance.best_known_opt_cost),
  }));
  return [...fromIxs, ...random];
}
