import { MinHeap } from "./heap.js";
import { sizeOfLabels, type LabelSet } from "./label-set.js";
import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";

/**
 * The heuristic score of a candidate pairwise step (lower is better): opt_einsum's default is the memory it frees,
 * `size12 - size1 - size2`.
 *
 * @example
 * const memoryRemoved: GreedyScore = (size12, size1, size2) => size12 - size1 - size2;
 */
export type GreedyScore = (size12: number, size1: number, size2: number) => number;

/**
 * Options of the greedy search. Without `random` it is opt_einsum's greedy exactly: the best partner of each new
 * tensor enters the queue and the lowest score wins, ties going to the lowest ids. With `random`, every candidate
 * enters the queue and the step is drawn among the best `branches` with Boltzmann weights at `temperature`
 * (relative to the best score), as opt_einsum's and cotengra's randomized greedy do.
 *
 * @example
 * const options: GreedyOptions = { score: (s12, s1, s2) => s12 - 1.5 * (s1 + s2), temperature: 0.1, random: Math.random };
 */
export interface GreedyOptions {
  readonly score?: GreedyScore;
  readonly temperature?: number;
  readonly branches?: number;
  readonly random?: () => number;
}

/**
 * opt_einsum's default score: the memory a step frees.
 *
 * @example
 * memoryRemoved(8, 6, 12); //=> -10
 */
export const memoryRemoved: GreedyScore = (size12, size1, size2) => size12 - size1 - size2;

interface Candidate {
  readonly score: number;
  readonly id1: number;
  readonly id2: number;
  readonly key1: string;
  readonly key2: string;
  readonly labels12: LabelSet;
  readonly order: number;
}

function compareCandidates(left: Candidate, right: Candidate): number {
  return left.score - right.score || left.id2 - right.id2 || left.id1 - right.id1 || left.order - right.order;
}

const keyOf = (labels: LabelSet): string => labels.join(",");

/**
 * opt_einsum's greedy search: repeatedly contracts the pair with the best score among pairs that share a label,
 * merges tensors with equal labels eagerly (Hadamard products), then joins what is left by outer products, smallest
 * first. Returns an SSA path of pairwise steps.
 *
 * @example
 * greedySsa(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [2, 3, 4, 5] }));
 * //=> [[1, 2], [0, 3]]
 */
export function greedySsa(problem: Problem, options: GreedyOptions = {}): SsaPath {
  const { operandCount, sizes } = problem;
  if (operandCount === 1) return [];
  const score = options.score ?? memoryRemoved;
  const random = options.random;
  const pushAll = random !== undefined;

  // A label on every input can only go at the last step, so it is treated as an output label.
  const isOutput = Uint8Array.from(problem.isOutput);
  for (let label = 0; label < problem.labelCount; label++) {
    if (problem.inputs.every((labels) => labels.includes(label))) isOutput[label] = 1;
  }
  const labelsOfKey = new Map<string, LabelSet>();
  const remaining = new Map<string, number>();
  const ssa: SsaPath = [];
  let nextId = operandCount;
  problem.inputs.forEach((labels, id) => {
    const key = keyOf(labels);
    labelsOfKey.set(key, labels);
    const existing = remaining.get(key);
    if (existing === undefined) {
      remaining.set(key, id);
    } else {
      ssa.push([existing, id]);
      remaining.set(key, nextId++);
    }
  });

  const keysOfLabel = new Map<number, Set<string>>();
  for (const key of remaining.keys()) {
    for (const label of labelsOfKey.get(key) ?? []) {
      if (isOutput[label] === 1) continue;
      let keys = keysOfLabel.get(label);
      if (keys === undefined) keysOfLabel.set(label, (keys = new Set()));
      keys.add(key);
    }
  }
  const onTwo = new Set<number>();
  const onThree = new Set<number>();
  const updateCounts = (labels: Iterable<number>): void => {
    for (const label of labels) {
      const count = keysOfLabel.get(label)?.size ?? 0;
      if (count >= 2) onTwo.add(label);
      else onTwo.delete(label);
      if (count >= 3) onThree.add(label);
      else onThree.delete(label);
    }
  };
  updateCounts(keysOfLabel.keys());
  const footprints = new Map<string, number>();
  for (const key of remaining.keys()) footprints.set(key, sizeOfLabels(labelsOfKey.get(key) ?? [], sizes));

  const queue = new MinHeap<Candidate>(compareCandidates);
  let order = 0;
  const candidate = (key1: string, key2: string): Candidate => {
    const labels1 = labelsOfKey.get(key1) ?? [];
    const labels2 = labelsOfKey.get(key2) ?? [];
    const labels12 = resultLabels(labels1, labels2, isOutput, onTwo, onThree);
    let id1 = remaining.get(key1) ?? 0;
    let id2 = remaining.get(key2) ?? 0;
    let first = key1;
    let second = key2;
    if (id1 > id2) {
      [id1, id2, first, second] = [id2, id1, key2, key1];
    }
    const value = score(sizeOfLabels(labels12, sizes), footprints.get(key1) ?? 0, footprints.get(key2) ?? 0);
    return { score: value, id1, id2, key1: first, key2: second, labels12, order: order++ };
  };
  const pushCandidates = (key1: string, partners: Iterable<string>): void => {
    let best: Candidate | undefined;
    for (const key2 of partners) {
      const next = candidate(key1, key2);
      if (pushAll) queue.push(next);
      else if (best === undefined || compareCandidates(next, best) < 0) best = next;
    }
    if (best !== undefined) queue.push(best);
  };

  for (const keys of keysOfLabel.values()) {
    const sorted = [...keys].sort((a, b) => (remaining.get(a) ?? 0) - (remaining.get(b) ?? 0));
    for (let i = 0; i < sorted.length - 1; i++) pushCandidates(sorted[i] as string, sorted.slice(i + 1));
  }

  const choose = (): Candidate | undefined =>
    random === undefined ? popValid(queue, remaining) : drawThermal(queue, remaining, options, random);

  while (queue.size > 0) {
    const chosen = choose();
    if (chosen === undefined) continue;
    const { key1, key2, labels12 } = chosen;
    const id1 = remaining.get(key1) as number;
    const id2 = remaining.get(key2) as number;
    remaining.delete(key1);
    remaining.delete(key2);
    for (const label of labelsOfKey.get(key1) ?? []) keysOfLabel.get(label)?.delete(key1);
    for (const label of labelsOfKey.get(key2) ?? []) keysOfLabel.get(label)?.delete(key2);
    ssa.push([id1, id2]);
    const key12 = keyOf(labels12);
    labelsOfKey.set(key12, labels12);
    const existing = remaining.get(key12);
    if (existing !== undefined) {
      ssa.push([existing, nextId++]);
    } else {
      for (const label of labels12) if (isOutput[label] !== 1) keysOfLabel.get(label)?.add(key12);
    }
    remaining.set(key12, nextId++);
    updateCounts(new Set([...(labelsOfKey.get(key1) ?? []), ...(labelsOfKey.get(key2) ?? [])]));
    footprints.set(key12, sizeOfLabels(labels12, sizes));

    const partners = new Set<string>();
    for (const label of labels12) {
      if (isOutput[label] === 1) continue;
      for (const key of keysOfLabel.get(label) ?? []) partners.add(key);
    }
    partners.delete(key12);
    if (partners.size > 0) pushCandidates(key12, partners);
  }

  // Join the disconnected rest by outer products, smallest first.
  type Entry = { footprint: number; id: number; labels: LabelSet };
  const finals = new MinHeap<Entry>((a, b) => a.footprint - b.footprint || a.id - b.id);
  for (const [key, id] of remaining) {
    finals.push({ footprint: footprints.get(key) ?? 0, id, labels: labelsOfKey.get(key) ?? [] });
  }
  let first = finals.pop() as Entry;
  while (finals.size > 0) {
    const second = finals.pop() as Entry;
    ssa.push([Math.min(first.id, second.id), Math.max(first.id, second.id)]);
    const labels = [...new Set([...first.labels, ...second.labels])].filter((label) => isOutput[label] === 1);
    labels.sort((a, b) => a - b);
    finals.push({ footprint: sizeOfLabels(labels, sizes), id: nextId++, labels });
    first = finals.pop() as Entry;
  }
  return ssa;
}

/** The labels a pairwise step keeps: output labels, and labels still found on another remaining tensor. */
function resultLabels(
  left: LabelSet,
  right: LabelSet,
  isOutput: Uint8Array,
  onTwo: ReadonlySet<number>,
  onThree: ReadonlySet<number>,
): number[] {
  const result: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = i < left.length ? (left[i] as number) : Infinity;
    const b = j < right.length ? (right[j] as number) : Infinity;
    const label = a <= b ? a : b;
    const both = a === b;
    if (a === label) i++;
    if (b === label) j++;
    if (isOutput[label] === 1 || (both ? onThree.has(label) : onTwo.has(label))) result.push(label);
  }
  return result;
}

function isValid(candidate: Candidate, remaining: ReadonlyMap<string, number>): boolean {
  return remaining.has(candidate.key1) && remaining.has(candidate.key2);
}

function popValid(queue: MinHeap<Candidate>, remaining: ReadonlyMap<string, number>): Candidate | undefined {
  const next = queue.pop();
  return next !== undefined && isValid(next, remaining) ? next : undefined;
}

/** Draws one of the best few valid candidates with Boltzmann weights, and puts the others back. */
function drawThermal(
  queue: MinHeap<Candidate>,
  remaining: ReadonlyMap<string, number>,
  options: GreedyOptions,
  random: () => number,
): Candidate | undefined {
  const branches = options.branches ?? 8;
  const choices: Candidate[] = [];
  while (queue.size > 0 && choices.length < branches) {
    const next = queue.pop() as Candidate;
    if (isValid(next, remaining)) choices.push(next);
  }
  if (choices.length <= 1) return choices[0];
  const best = (choices[0] as Candidate).score;
  const temperature = (options.temperature ?? 1) * Math.max(1, Math.abs(best));
  const weights = choices.map((choice) =>
    temperature === 0 ? (choice.score === best ? 1 : 0) : Math.exp(-(choice.score - best) / temperature),
  );
  let draw = random() * weights.reduce((sum, weight) => sum + weight, 0);
  let chosen = 0;
  for (; chosen < weights.length - 1; chosen++) {
    draw -= weights[chosen] as number;
    if (draw < 0) break;
  }
  const [picked] = choices.splice(chosen, 1);
  for (const other of choices) queue.push(other);
  return picked;
}
