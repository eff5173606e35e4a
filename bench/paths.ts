/**
 * Path-search benchmark: search time per method next to the network size, on reference networks and the larger
 * networks of test/fixtures/optimizer/benchmark-sample.json, and the cost of `auto` against the best known cost
 * (the cheapest of opt_einsum's greedy, random-greedy-128 and random-greedy-512 there).
 *
 * Run with `npm run bench:paths`. Times are medians on this machine; each row also gives the time as a ratio to
 * our own greedy search on the same network in the same run (the baseline), because the machine is shared.
 */
import { performance } from "node:perf_hooks";
import { contractPath } from "../src/contract-path.js";
import { einsum } from "../src/einsum.js";
import { AUTO_MAX_TRIALS } from "../src/optimizer/auto.js";
import type { OptimizeOption } from "../src/optimizer/choose-path.js";
import type { Network } from "../src/optimizer/network.js";
import { partitionSsa } from "../src/optimizer/partition.js";
import { planFromSsa } from "../src/optimizer/plan.js";
import { prepareProblem } from "../src/optimizer/problem.js";
import { minimumThreadedWork } from "../src/execute/slice-threads.js";
import { randn } from "../src/tensor/constructors.js";
import { chooseSlicing, slicedTotal } from "../src/optimizer/slicing.js";
import { cheapestReference, networkOf, referenceData, sampleNetworks } from "../test/optimizer/fixtures.js";
import { lattice, randomRegular, withMixedSizes } from "../test/optimizer/generators.js";

function timeIt(action: () => void, budgetMs: number, maxRuns: number): number {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < maxRuns && (times.length === 0 || performance.now() - started < budgetMs)) {
    const before = performance.now();
    action();
    times.push(performance.now() - before);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

function searchTime(network: Network, optimize: OptimizeOption, maxRuns = 15): { ms: number; flops: number } {
  let flops = 0;
  const ms = timeIt(() => {
    flops = contractPath(network, { optimize }).flops;
  }, 300, maxRuns);
  return { ms, flops };
}

const format = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const pad = (text: string, width: number): string => text.padStart(width);

function methodTable(): void {
  const reference = referenceData();
  const names = ["oe_tests_12", "rand_eq_n8_r4_o0_s42", "rand_eq_n12_r3_o2_s1", "matrix_chain_12", "rand_eq_n20_r3_o0_s3", "randreg_n20_k3_D2", "lattice_6x6_D4"];
  console.log("\nSearch time per method (ms, median) and cost against opt_einsum's best method");
  console.log(`${"network".padEnd(22)}${pad("tensors", 8)}${pad("greedy", 9)}${pad("optimal", 9)}${pad("dp", 9)}${pad("branch", 9)}${pad("auto", 9)}${pad("auto/greedy", 12)}${pad("auto/oe best", 13)}${pad("oe greedy ms", 13)}`);
  for (const name of names) {
    const found = reference.cases.find((candidate) => candidate.name === name);
    if (found === undefined) continue;
    const network = networkOf(found);
    const count = found.n_inputs;
    const greedy = searchTime(network, "greedy");
    const optimal = count <= 12 ? format(searchTime(network, "optimal").ms) : "-";
    const dp = format(searchTime(network, "dp", 3).ms);
    const branch = count <= 20 ? format(searchTime(network, "branch", 3).ms) : "-";
    const auto = searchTime(network, "auto", 5);
    const best = cheapestReference(found.methods);
    const oeGreedy = (found.methods["greedy"]?.time_s_min ?? Number.NaN) * 1000;
    console.log(
      `${name.padEnd(22)}${pad(String(count), 8)}${pad(format(greedy.ms), 9)}${pad(optimal, 9)}${pad(dp, 9)}${pad(branch, 9)}${pad(format(auto.ms), 9)}${pad((auto.ms / greedy.ms).toFixed(0), 12)}${pad((auto.flops / best).toFixed(4), 13)}${pad(format(oeGreedy), 13)}`,
    );
  }
}

function generatedTable(): void {
  console.log("\nGenerated networks: search time (ms, median), auto cost against greedy and dp");
  console.log(`${"network".padEnd(26)}${pad("tensors", 8)}${pad("greedy", 9)}${pad("auto", 9)}${pad("auto/greedy cost", 18)}`);
  const networks: [string, Network][] = [
    ["random 3-regular, D=2", randomRegular(10, 3, 2, 1)],
    ["random 3-regular, D=2", randomRegular(30, 3, 2, 2)],
    ["random 3-regular, D=2", randomRegular(60, 3, 2, 3)],
    ["random 3-regular, D=2", randomRegular(100, 3, 2, 4)],
    ["lattice 8x8, D=2", lattice(8, 8, 2)],
    ["lattice 10x10, D=2", lattice(10, 10, 2)],
  ];
  for (const [name, network] of networks) {
    const greedy = searchTime(network, "greedy");
    const auto = searchTime(network, "auto", 3);
    console.log(
      `${name.padEnd(26)}${pad(String(network.inputs.length), 8)}${pad(format(greedy.ms), 9)}${pad(format(auto.ms), 9)}${pad((auto.flops / greedy.flops).toFixed(4), 18)}`,
    );
  }
}

function sampleTable(): void {
  console.log("\nbenchmark-sample.json: auto's cost as a ratio to opt_einsum's greedy and random-greedy (128 and 512 trials)");
  console.log(`${"network".padEnd(20)}${pad("tensors", 8)}${pad("greedy ms", 11)}${pad("auto ms", 9)}${pad("auto/oe greedy", 16)}${pad("auto/oe rg128", 15)}${pad("auto/oe rg512", 15)}${pad("auto/oe best", 14)}`);
  const ratios: number[] = [];
  for (const { name, network, greedy: oeGreedy, randomGreedy, randomGreedy512, bestKnown } of sampleNetworks()) {
    const greedy = searchTime(network, "greedy");
    const auto = searchTime(network, "auto", 1);
    const count = network.inputs.length;
    if (count >= 30 && count <= 150) ratios.push(auto.flops / bestKnown);
    console.log(
      `${name.padEnd(20)}${pad(String(count), 8)}${pad(format(greedy.ms), 11)}${pad(format(auto.ms), 9)}${pad((auto.flops / oeGreedy).toFixed(3), 16)}${pad((auto.flops / randomGreedy).toFixed(3), 15)}${pad((auto.flops / randomGreedy512).toFixed(3), 15)}${pad((auto.flops / bestKnown).toFixed(3), 14)}`,
    );
  }
  const geomean = Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
  const worst = Math.max(...ratios);
  console.log(`30 to 150 tensors (${ratios.length} networks): geomean of auto / opt_einsum's best ${geomean.toFixed(3)}, worst ${worst.toFixed(3)}`);
}

function slicingTable(): void {
  console.log("\nmemoryLimit = 1/16 of the free path's largest intermediate: total flops (shared steps once, the others per slice) / free flops");
  console.log("(every step per slice: the same plan if each slice ran every step; baseline: labels chosen greedily on the free path; '-' where over 64x or unmet)");
  console.log(`${"network".padEnd(26)}${pad("tensors", 8)}${pad("free flops", 13)}${pad("limit", 10)}${pad("slices", 8)}${pad("sliced/free", 13)}${pad("every step", 12)}${pad("baseline", 10)}${pad("search ms", 11)}`);
  const networks: [string, Network][] = [
    ["random 3-regular, D=4", randomRegular(40, 3, 4, 1)],
    ["random 3-regular, D=4", randomRegular(50, 3, 4, 2)],
    ["random 3-regular, D=4", randomRegular(60, 3, 4, 3)],
    ["random 3-regular, D=3", randomRegular(60, 3, 3, 3)],
    ["random 3-regular, D=2", randomRegular(60, 3, 2, 2)],
    ["lattice 8x8, D=4", lattice(8, 8, 4)],
    ["lattice 8x8, D=2", lattice(8, 8, 2)],
    ["random 3-regular, D=5 or 8", withMixedSizes(randomRegular(36, 3, 2, 24), [5, 8], 24)],
    ["random 3-regular, D=5 or 8", withMixedSizes(randomRegular(36, 3, 2, 1), [5, 8], 1)],
    ...sampleNetworks()
      .filter((sample) => ["random_graph_60_8", "random_regular_120", "random_regular_150", "lattice_12x12", "rand_eq_80", "rand_eq_150"].includes(sample.name))
      .map((sample): [string, Network] => [sample.name, sample.network]),
  ];
  for (const [name, network] of networks) {
    const free = contractPath(network);
    const limit = Math.floor(free.largestIntermediate / 16);
    const baseline = chooseSlicing(network, free.path, limit);
    const baselineRatio = baseline === undefined ? Infinity : slicedTotal(baseline) / free.flops;
    let text = "unmet";
    let slices = "-";
    let everyStep = "-";
    const started = performance.now();
    try {
      const info = contractPath(network, { memoryLimit: limit });
      text = (info.flops / free.flops).toFixed(3);
      slices = String(info.slicing?.slices ?? 1);
      const { sliceFlops, sharedFlops } = info.slicing ?? { sliceFlops: info.flops, sharedFlops: 0 };
      everyStep = ((Number(slices) * (sliceFlops + sharedFlops)) / free.flops).toFixed(3);
    } catch {
      // MEMORY_LIMIT: no slicing within 64 times the free flops
    }
    const ms = performance.now() - started;
    console.log(
      `${name.padEnd(26)}${pad(String(network.inputs.length), 8)}${pad(free.flops.toExponential(2), 13)}${pad(String(limit), 10)}${pad(slices, 8)}${pad(text, 13)}${pad(everyStep, 12)}${pad(baselineRatio <= 64 ? baselineRatio.toFixed(3) : "-", 10)}${pad(format(ms), 11)}`,
    );
  }
}

/**
 * Sliced runs through `einsum` (sublist form) with `threads: 1` and `threads: 2`, next to the unsliced run, as ratios
 * to it: the three runs of a network take turns, round after round, so that the load of the machine weighs on each
 * alike. With 2 threads the slices run on a slice worker and the calling thread; a run of fewer than
 * `minimumThreadedWork` multiply-adds stays on one thread.
 */
function slicedRunTable(): void {
  console.log(`\nSliced runs (memoryLimit = 1/16 of the free path's largest intermediate, float64): median ms of einsum over interleaved rounds; runs under ${minimumThreadedWork} multiply-adds stay on one thread`);
  console.log(`${"network".padEnd(26)}${pad("slices", 8)}${pad("slice flops", 13)}${pad("unsliced", 10)}${pad("threads 1", 11)}${pad("threads 2", 11)}${pad("1 / unsliced", 14)}${pad("2 / unsliced", 14)}${pad("1 / 2", 8)}`);
  const networks: [string, Network][] = [
    ["random 3-regular, D=4", randomRegular(40, 3, 4, 1)],
    ["random 3-regular, D=4", randomRegular(60, 3, 4, 3)],
    ["lattice 8x8, D=4", lattice(8, 8, 4)],
  ];
  const run = untypedRun();
  for (const [name, network] of networks) {
    const operands = network.inputs.map((labels, index) => randn(labels.map((label) => network.sizes[label] as number), { seed: index + 1 }));
    const sublist = [...network.inputs.flatMap((labels, index) => [operands[index], labels]), network.output];
    const limit = Math.floor(contractPath(network).largestIntermediate / 16);
    const info = contractPath(network, { memoryLimit: limit });
    const [unsliced, one, two] = interleaved(
      [() => run(...sublist), () => run(...sublist, { memoryLimit: limit, threads: 1 }), () => run(...sublist, { memoryLimit: limit, threads: 2 })],
      15,
    ) as [number, number, number];
    console.log(
      `${name.padEnd(26)}${pad(String(info.slicing?.slices ?? 1), 8)}${pad((info.slicing?.sliceFlops ?? info.flops).toExponential(2), 13)}${pad(format(unsliced), 10)}${pad(format(one), 11)}${pad(format(two), 11)}${pad((one / unsliced).toFixed(2), 14)}${pad((two / unsliced).toFixed(2), 14)}${pad((one / two).toFixed(2), 8)}`,
    );
  }
}

/** The median time of each action over `rounds` rounds in which every action runs once, after two warm-up rounds. */
function interleaved(actions: readonly (() => void)[], rounds: number): number[] {
  const times = actions.map((): number[] => []);
  for (let round = -2; round < rounds; round++) {
    actions.forEach((action, index) => {
      const before = performance.now();
      action();
      if (round >= 0) times[index]?.push(performance.now() - before);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] as number);
}

/** `einsum` without its compile-time checks: the networks' sublists are only known at run time. */
function untypedRun(): (...args: unknown[]) => unknown {
  return einsum as unknown as (...args: unknown[]) => unknown;
}

/** The partition search alone: the cheapest of 8 partition trees (imbalance 0.05 to 0.5), no annealing. */
function partitionTable(): void {
  console.log("\nPartition trees alone (cheapest of 8 seeds): cost as a ratio to opt_einsum's greedy and best, and to auto; time of the 8");
  console.log(`${"network".padEnd(20)}${pad("tensors", 8)}${pad("/ oe greedy", 13)}${pad("/ oe best", 11)}${pad("/ auto", 10)}${pad("ms", 8)}`);
  const logs = { greedy: [] as number[], best: [] as number[], auto: [] as number[] };
  for (const { name, network, greedy, bestKnown } of sampleNetworks()) {
    const count = network.inputs.length;
    if (count < 30 || count > 150) continue;
    const problem = prepareProblem(network);
    let flops = Infinity;
    const started = performance.now();
    for (let seed = 1; seed <= 8; seed++) {
      const ssa = partitionSsa(problem, { seed, imbalance: 0.05 + 0.45 * ((seed * 0.618) % 1) });
      flops = Math.min(flops, planFromSsa(problem, ssa).flops);
    }
    const ms = performance.now() - started;
    const auto = contractPath(network).flops;
    logs.greedy.push(Math.log(flops / greedy));
    logs.best.push(Math.log(flops / bestKnown));
    logs.auto.push(Math.log(flops / auto));
    console.log(
      `${name.padEnd(20)}${pad(String(count), 8)}${pad((flops / greedy).toFixed(3), 13)}${pad((flops / bestKnown).toFixed(3), 11)}${pad((flops / auto).toFixed(3), 10)}${pad(format(ms), 8)}`,
    );
  }
  const geomean = (values: number[]): string => Math.exp(values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(3);
  console.log(`geomean: / oe greedy ${geomean(logs.greedy)}, / oe best ${geomean(logs.best)}, / auto ${geomean(logs.auto)}`);
}

function budgetTable(): void {
  console.log("\nauto with a larger budget: cost / opt_einsum's best and search time (ms)");
  console.log(`${"network".padEnd(20)}${pad("tensors", 8)}${pad("default", 9)}${pad("ms", 8)}${pad("10x trials", 12)}${pad("ms", 8)}`);
  for (const { name, network, bestKnown } of sampleNetworks().filter((sample) => ["random_graph_70_9", "random_regular_100", "lattice_10x10", "rand_eq_120"].includes(sample.name))) {
    const plain = searchTime(network, "auto", 1);
    const larger = searchTime(network, { method: "auto", maxTrials: 10 * AUTO_MAX_TRIALS }, 1);
    console.log(
      `${name.padEnd(20)}${pad(String(network.inputs.length), 8)}${pad((plain.flops / bestKnown).toFixed(3), 9)}${pad(format(plain.ms), 8)}${pad((larger.flops / bestKnown).toFixed(3), 12)}${pad(format(larger.ms), 8)}`,
    );
  }
}

console.log("typed-einsum path search benchmark");
if (process.argv.includes("--slicing")) {
  slicingTable();
  process.exit(0);
}
if (process.argv.includes("--sliced-runs")) {
  slicedRunTable();
  process.exit(0);
}
console.log("For comparison, opt_einsum's README gives about 2.4 ms for its pure-Python greedy on 100 tensors;");
console.log("the 'oe greedy ms' column is opt_einsum's recorded time (pure Python 3.11, one core) from the reference data.");
methodTable();
generatedTable();
sampleTable();
partitionTable();
budgetTable();
slicingTable();
slicedRunTable();
