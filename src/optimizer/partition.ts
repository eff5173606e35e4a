import type { SearchBudget } from "./budget.js";
import { exactSsa } from "./exact.js";
import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";
import { seededRandom } from "./random.js";

/**
 * Options of the partition search: the seed, how unbalanced a bisection may be (`imbalance` in [0, 1): each side
 * keeps at least `(1 - imbalance) / 2` of the tensors), the largest part contracted exactly (`leafSize`), the
 * refinement passes per bisection, how many splits each bisection grows and refines (`attempts`, the lightest
 * cut wins), and a budget (one trial per vertex whose move is considered; `3^leafSize` at most per leaf part).
 *
 * @example
 * const options: PartitionOptions = { seed: 3, imbalance: 0.2, leafSize: 8, attempts: 8 };
 */
export interface PartitionOptions {
  readonly seed?: number;
  readonly imbalance?: number;
  readonly leafSize?: number;
  readonly passes?: number;
  readonly attempts?: number;
  readonly budget?: SearchBudget;
}

/** Moves past the best prefix after which a refinement pass stops early: further moves rarely pay. */
const FRUITLESS_MOVES = 64;

/**
 * A contraction order built top-down by recursive bisection of the network's hypergraph (tensors are vertices,
 * summed labels hyperedges weighted by the log2 of their size), as cotengra's KaHyPar-based path finder does: each
 * set of tensors is split in two, grown from a random tensor along shared labels and then refined by
 * Fiduccia–Mattheyses passes that move single tensors across to lower the weight of the labels cut (the lightest
 * cut of several such splits wins); the two halves are contracted last, each built the same way, and parts of at
 * most `leafSize` tensors are solved exactly. Seeded and counted, so the same budget gives the same path; once the
 * budget has run out, the splits are left unrefined and the leaf parts are contracted in their order.
 *
 * @example
 * partitionSsa(prepareProblem(lattice(6, 6, 2)), { seed: 1, imbalance: 0.1 });
 */
export function partitionSsa(problem: Problem, options: PartitionOptions = {}): SsaPath {
  const count = problem.operandCount;
  const random = seededRandom(((options.seed ?? 1) * 0x85ebca6b) >>> 0);
  const hypergraph = new Hypergraph(problem);
  const settings = {
    imbalance: Math.min(0.9, Math.max(0, options.imbalance ?? 0.1)),
    leafSize: Math.max(2, Math.min(12, options.leafSize ?? 8)),
    passes: Math.max(0, options.passes ?? 4),
    attempts: Math.max(1, options.attempts ?? 8),
    budget: options.budget,
    random,
  };
  const ssa: SsaPath = [];
  const build = (tensors: number[]): number => {
    if (tensors.length === 1) return tensors[0] as number;
    if (tensors.length <= settings.leafSize) return contractLeaf(problem, hypergraph, tensors, ssa, settings.budget);
    const [first, second] = bisect(hypergraph, tensors, settings);
    const left = build(first);
    const right = build(second);
    ssa.push([left, right]);
    return count + ssa.length - 1;
  };
  if (count > 1) build(Array.from({ length: count }, (_, tensor) => tensor));
  return ssa;
}

/** The summed labels of a network, each with the tensors that carry it and its weight. */
class Hypergraph {
  /** The summed labels of each tensor (output labels are left out: they are never contracted). */
  readonly edgesOf: number[][];
  readonly pins: number[][];
  readonly weight: Float64Array;

  constructor(readonly problem: Problem) {
    this.pins = Array.from({ length: problem.labelCount }, () => []);
    this.weight = new Float64Array(problem.labelCount);
    problem.inputs.forEach((labels, tensor) => {
      for (const label of labels) if (problem.isOutput[label] !== 1) (this.pins[label] as number[]).push(tensor);
    });
    for (let label = 0; label < problem.labelCount; label++) {
      this.weight[label] = Math.max(Math.log2(problem.sizes[label] as number), 1e-3);
    }
    this.edgesOf = problem.inputs.map((labels) => labels.filter((label) => (this.pins[label] as number[]).length > 1));
  }
}

interface BisectSettings {
  readonly imbalance: number;
  readonly passes: number;
  readonly attempts: number;
  readonly budget: SearchBudget | undefined;
  readonly random: () => number;
}

/** Splits a set of tensors in two non-empty, roughly balanced sides with few (light) labels between them. */
function bisect(graph: Hypergraph, tensors: readonly number[], settings: BisectSettings): [number[], number[]] {
  const { random, budget } = settings;
  const n = tensors.length;
  const localOf = new Map<number, number>();
  tensors.forEach((tensor, local) => localOf.set(tensor, local));
  // the labels inside this set that join two of its tensors, with their pins as local indices
  const edgeIndex = new Map<number, number>();
  const edgePins: number[][] = [];
  const edgeWeight: number[] = [];
  const edgesOfLocal: number[][] = tensors.map(() => []);
  tensors.forEach((tensor, local) => {
    for (const label of graph.edgesOf[tensor] as number[]) {
      let edge = edgeIndex.get(label);
      if (edge === undefined) {
        const inside = (graph.pins[label] as number[]).filter((pin) => localOf.has(pin)).map((pin) => localOf.get(pin) as number);
        if (inside.length < 2) continue;
        edge = edgePins.length;
        edgeIndex.set(label, edge);
        edgePins.push(inside);
        edgeWeight.push(graph.weight[label] as number);
      }
      (edgesOfLocal[local] as number[]).push(edge);
    }
  });

  const smallest = Math.max(1, Math.floor((n * (1 - settings.imbalance)) / 2));
  let side: Uint8Array = new Uint8Array(0);
  let bestCut = Infinity;
  for (let attempt = 0; attempt < settings.attempts; attempt++) {
    const trial = growHalf(n, edgePins, edgesOfLocal, random);
    refine(trial, edgePins, edgeWeight, edgesOfLocal, smallest, settings.passes, random, budget);
    const cut = cutWeight(trial, edgePins, edgeWeight);
    if (cut < bestCut) {
      bestCut = cut;
      side = trial;
    }
    if (budget?.exhausted === true) break;
  }
  const parts: [number[], number[]] = [[], []];
  tensors.forEach((tensor, local) => parts[side[local] as 0 | 1].push(tensor));
  return parts;
}

/** A first split: side 0 grown from a random tensor along shared labels to half the set, side 1 the rest. */
function growHalf(n: number, edgePins: readonly number[][], edgesOfLocal: readonly number[][], random: () => number): Uint8Array {
  const side = new Uint8Array(n).fill(1);
  const target = Math.floor(n / 2);
  let grown = 0;
  const frontier: number[] = [];
  while (grown < target) {
    if (frontier.length === 0) {
      const free: number[] = [];
      for (let local = 0; local < n; local++) if (side[local] === 1) free.push(local);
      frontier.push(free[Math.floor(random() * free.length)] as number);
    }
    const pick = Math.floor(random() * frontier.length);
    const local = frontier[pick] as number;
    frontier[pick] = frontier[frontier.length - 1] as number;
    frontier.pop();
    if (side[local] === 0) continue;
    side[local] = 0;
    grown++;
    for (const edge of edgesOfLocal[local] as number[]) {
      for (const pin of edgePins[edge] as number[]) if (side[pin] === 1) frontier.push(pin);
    }
  }
  return side;
}

/** The weight of the labels found on both sides. */
function cutWeight(side: Uint8Array, edgePins: readonly number[][], edgeWeight: readonly number[]): number {
  let cut = 0;
  edgePins.forEach((pins, edge) => {
    if (pins.some((pin) => side[pin] !== side[pins[0] as number])) cut += edgeWeight[edge] as number;
  });
  return cut;
}

/**
 * Fiduccia–Mattheyses passes: each pass moves every tensor at most once, always the move of the largest gain (the
 * weight of the labels it uncuts minus those it cuts) that keeps both sides at `smallest` tensors or more, then
 * keeps the best prefix of its moves. Passes repeat while they gain.
 */
function refine(
  side: Uint8Array,
  edgePins: readonly number[][],
  edgeWeight: readonly number[],
  edgesOfLocal: readonly number[][],
  smallest: number,
  passes: number,
  random: () => number,
  budget: SearchBudget | undefined,
): void {
  const n = side.length;
  const pinsOn = edgePins.map((pins) => {
    const counts = [0, 0];
    for (const pin of pins) counts[side[pin] as number]!++;
    return counts;
  });
  const sideSize = [0, 0];
  for (let local = 0; local < n; local++) sideSize[side[local] as number]!++;
  const gainOf = (local: number): number => {
    const from = side[local] as number;
    let gain = 0;
    for (const edge of edgesOfLocal[local] as number[]) {
      const counts = pinsOn[edge] as number[];
      if (counts[from] === 1) gain += edgeWeight[edge] as number;
      if (counts[1 - from] === 0) gain -= edgeWeight[edge] as number;
    }
    return gain;
  };
  const move = (local: number): void => {
    const from = side[local] as number;
    side[local] = 1 - from;
    sideSize[from]!--;
    sideSize[1 - from]!++;
    for (const edge of edgesOfLocal[local] as number[]) {
      const counts = pinsOn[edge] as number[];
      counts[from]!--;
      counts[1 - from]!++;
    }
  };
  const gains = new Float64Array(n);
  const locked = new Uint8Array(n);
  const tieBreak = new Float64Array(n);
  for (let pass = 0; pass < passes; pass++) {
    for (let local = 0; local < n; local++) {
      gains[local] = gainOf(local);
      tieBreak[local] = random();
    }
    locked.fill(0);
    const moves: number[] = [];
    let total = 0;
    let bestTotal = 0;
    let bestLength = 0;
    while (moves.length < n && moves.length - bestLength < FRUITLESS_MOVES) {
      if (budget !== undefined && !budget.spend(n - moves.length)) break;
      let chosen = -1;
      for (let local = 0; local < n; local++) {
        if (locked[local] === 1 || (sideSize[side[local] as number] as number) <= smallest) continue;
        if (
          chosen < 0 ||
          (gains[local] as number) > (gains[chosen] as number) ||
          (gains[local] === gains[chosen] && (tieBreak[local] as number) > (tieBreak[chosen] as number))
        ) {
          chosen = local;
        }
      }
      if (chosen < 0) break;
      total += gains[chosen] as number;
      move(chosen);
      locked[chosen] = 1;
      moves.push(chosen);
      for (const edge of edgesOfLocal[chosen] as number[]) {
        for (const pin of edgePins[edge] as number[]) if (locked[pin] === 0) gains[pin] = gainOf(pin);
      }
      if (total > bestTotal + 1e-9) {
        bestTotal = total;
        bestLength = moves.length;
      }
    }
    for (let index = moves.length - 1; index >= bestLength; index--) move(moves[index] as number);
    if (bestLength === 0) break;
  }
}

/**
 * Contracts a part of a few tensors exactly (keeping the labels found outside it or in the output), appending its
 * steps to `ssa`; once the budget has run out, contracts them in their order instead. Returns the part's id.
 */
function contractLeaf(
  problem: Problem,
  graph: Hypergraph,
  tensors: readonly number[],
  ssa: SsaPath,
  budget: SearchBudget | undefined,
): number {
  const count = problem.operandCount;
  const inside = new Set(tensors);
  const keep = new Set<number>();
  for (const tensor of tensors) {
    for (const label of problem.inputs[tensor] as number[]) {
      if (problem.isOutput[label] === 1 || (graph.pins[label] as number[]).some((pin) => !inside.has(pin))) keep.add(label);
    }
  }
  const operands = tensors.map((tensor) => ({ labels: problem.inputs[tensor] as number[], input: tensor }));
  const solved =
    budget?.exhausted === true
      ? undefined
      : exactSsa(problem, { operands, keep: [...keep].sort((a, b) => a - b) }, Infinity, budget);
  const ids = [...tensors];
  const steps = solved?.ssa ?? tensors.slice(1).map((_, step) => [step === 0 ? 0 : tensors.length + step - 1, step + 1]);
  for (const step of steps) {
    ssa.push(step.map((local) => ids[local] as number));
    ids.push(count + ssa.length - 1);
  }
  return ids[ids.length - 1] as number;
}
