import type { SearchBudget } from "./budget.js";
import { connectedComponents } from "./components.js";
import { exactSsa } from "./exact.js";
import { sizeOfLabels, type LabelSet } from "./label-set.js";
import type { SsaPath } from "./network.js";
import { bestPairCost, type Problem, type StepOperand } from "./problem.js";

/**
 * The most tensors one connected component may have for the dynamic programming search (subsets are bit masks of
 * two 32-bit words whose key must stay an exact double).
 *
 * @example
 * DP_COMPONENT_LIMIT; //=> 53
 */
export const DP_COMPONENT_LIMIT = 53;

/**
 * Options of the dynamic programming search: its budget (each pair of subsets examined is one trial; the search
 * gives up and returns `undefined` when it runs out).
 *
 * @example
 * const quick: DpOptions = { budget: new SearchBudget(1e6) };
 */
export interface DpOptions {
  readonly budget?: SearchBudget;
  /**
   * The first cost cap, for instance the cost of an order already found: sets of tensors costlier than the cap are
   * not kept, and the cap grows only when no order fits it.
   */
  readonly initialCap?: number;
}

interface Entry {
  readonly lo: number;
  readonly hi: number;
  readonly key: number;
  readonly legs: LabelSet;
  cost: number;
  left: Entry | undefined;
  right: Entry | undefined;
  /** The input this entry is, for single tensors. */
  readonly input: number;
}

const TWO_32 = 4294967296;
/** The trials a pair of subsets costs when it is priced, beyond the one it costs to be examined. */
const PRICED_PAIR_TRIALS = 8;

/**
 * opt_einsum's dynamic programming over connected subgraphs (Phys. Rev. E 90, 033315), minimizing the exact cost:
 * each connected component of the network is solved by combining disjoint connected sets of tensors that share a
 * summed label, with an iteratively raised cost cap; components are then joined by the exact search (or smallest
 * first when there are many). Single-operand reductions are chosen where they lower a step's cost. Returns
 * `undefined` when a component is larger than {@link DP_COMPONENT_LIMIT}, the budget runs out, or no
 * order fits the memory limit.
 *
 * @example
 * dpSsa(prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] }));
 * //=> [[1, 2], [0, 3]]
 */
export function dpSsa(problem: Problem, options: DpOptions = {}): SsaPath | undefined {
  const count = problem.operandCount;
  if (count === 1) return [];
  const budget = options.budget;
  const components = connectedComponents(problem.kept, problem.isOutput);
  const ssa: SsaPath = [];
  const roots: { id: number; legs: LabelSet; input: number }[] = [];
  const emit = (entry: Entry): number => {
    if (entry.left === undefined || entry.right === undefined) return entry.input;
    const left = emit(entry.left);
    const right = emit(entry.right);
    ssa.push([left, right]);
    return count + ssa.length - 1;
  };
  if (components.some((component) => component.length > DP_COMPONENT_LIMIT)) return undefined;
  for (const component of components) {
    const root = solveComponent(problem, component, components.length === 1, budget, options.initialCap);
    if (root === undefined) return undefined;
    roots.push({ id: emit(root), legs: root.legs, input: component.length === 1 ? (component[0] as number) : -1 });
  }
  return [...ssa, ...joinComponents(problem, roots, count + ssa.length)];
}

/** Joins the components' results: exactly when there are few, else by outer products, smallest first. */
function joinComponents(
  problem: Problem,
  roots: readonly { id: number; legs: LabelSet; input: number }[],
  firstId: number,
): SsaPath {
  if (roots.length <= 1) return [];
  if (roots.length <= 10) {
    const operands: StepOperand[] = roots.map((root) => ({
      labels: root.input >= 0 ? (problem.inputs[root.input] as LabelSet) : root.legs,
      input: root.input,
    }));
    const solved = exactSsa(problem, { operands, keep: problem.output });
    if (solved !== undefined) {
      const idOf = (local: number): number =>
        local < roots.length ? (roots[local] as { id: number }).id : firstId + local - roots.length;
      return solved.ssa.map((step) => step.map(idOf));
    }
  }
  const ordered = [...roots].sort(
    (a, b) => sizeOfLabels(a.legs, problem.sizes) - sizeOfLabels(b.legs, problem.sizes),
  );
  const ssa: SsaPath = [];
  let current = (ordered[0] as { id: number }).id;
  for (const root of ordered.slice(1)) {
    ssa.push([current, root.id]);
    current = firstId + ssa.length - 1;
  }
  return ssa;
}

/** The dynamic programming search over one connected component; `undefined` when it gives up. */
function solveComponent(
  problem: Problem,
  component: readonly number[],
  isWhole: boolean,
  budget: SearchBudget | undefined,
  initialCap: number | undefined,
): Entry | undefined {
  const { sizes, isOutput, memoryLimit } = problem;
  const size = component.length;
  const maskLo = new Int32Array(problem.labelCount);
  const maskHi = new Int32Array(problem.labelCount);
  const bitOf = (position: number): { lo: number; hi: number } =>
    position < 32 ? { lo: (1 << position) | 0, hi: 0 } : { lo: 0, hi: 1 << (position - 32) };
  component.forEach((input, position) => {
    const { lo, hi } = bitOf(position);
    for (const label of problem.kept[input] as LabelSet) {
      maskLo[label] = (maskLo[label] as number) | lo;
      maskHi[label] = (maskHi[label] as number) | hi;
    }
  });
  const levels: Map<number, Entry>[] = Array.from({ length: size + 1 }, () => new Map());
  const byTensor: Entry[][][] = Array.from({ length: size + 1 }, () => Array.from({ length: size }, () => []));
  component.forEach((input, position) => {
    const { lo, hi } = bitOf(position);
    const entry: Entry = {
      lo,
      hi,
      key: hi * TWO_32 + (lo >>> 0),
      legs: problem.kept[input] as LabelSet,
      cost: 0,
      left: undefined,
      right: undefined,
      input,
    };
    levels[1]?.set(entry.key, entry);
    byTensor[1]?.[position]?.push(entry);
  });
  if (size === 1) return levels[1]?.values().next().value;

  const operandOf = (entry: Entry): StepOperand =>
    entry.left === undefined ? { labels: problem.inputs[entry.input] as LabelSet, input: entry.input } : { labels: entry.legs, input: -1 };
  const componentLabels = new Set<number>();
  for (const input of component) for (const label of problem.inputs[input] as LabelSet) componentLabels.add(label);
  let cap =
    initialCap ?? Math.max(1, sizeOfLabels([...componentLabels].filter((label) => isOutput[label] === 1), sizes));
  const increment = Math.max(2, Math.min(...[...componentLabels].map((label) => sizes[label] as number)));
  const fullLo = size >= 32 ? -1 : (1 << size) - 1;
  const fullHi = size > 32 ? (1 << (size - 32)) - 1 : 0;

  while (levels[size]?.size === 0) {
    for (let total = 2; total <= size; total++) {
      const target = levels[total] as Map<number, Entry>;
      for (let leftCount = 1; leftCount <= total >> 1; leftCount++) {
        const rightCount = total - leftCount;
        const rightIndex = byTensor[rightCount] as Entry[][];
        for (const left of [...(levels[leftCount] as Map<number, Entry>).values()]) {
          if (budget !== undefined && !budget.spend(size)) return undefined;
          let nLo = 0;
          let nHi = 0;
          for (const label of left.legs) {
            if (isOutput[label] === 1) continue;
            nLo |= maskLo[label] as number;
            nHi |= maskHi[label] as number;
          }
          nLo &= ~left.lo;
          nHi &= ~left.hi;
          for (let position = 0; position < size; position++) {
            const inLo = position < 32;
            const bit = inLo ? 1 << position : 1 << (position - 32);
            if (((inLo ? nLo : nHi) & bit) === 0) continue;
            const rights = rightIndex[position] as Entry[];
            if (budget !== undefined && !budget.spend(rights.length)) return undefined;
            for (const right of rights) {
              if ((right.lo & left.lo) !== 0 || (right.hi & left.hi) !== 0) continue;
              if (leftCount === rightCount && left.key >= right.key) continue;
              // count each pair once: only from its lowest neighbour position
              const sharedLo = right.lo & nLo;
              const sharedHi = right.hi & nHi;
              const lowest = sharedLo !== 0 ? 31 - Math.clz32(sharedLo & -sharedLo) : 63 - Math.clz32(sharedHi & -sharedHi);
              if (lowest !== position) continue;
              const lo = left.lo | right.lo;
              const hi = left.hi | right.hi;
              const partial = left.cost + right.cost;
              if (partial > cap) continue;
              const key = hi * TWO_32 + (lo >>> 0);
              const existing = target.get(key);
              if (existing !== undefined && existing.cost <= partial) continue;
              // pricing a pair costs about as much as scanning a few dozen candidates
              if (budget !== undefined && !budget.spend(PRICED_PAIR_TRIALS)) return undefined;
              const legs = mergedLegs(left.legs, right.legs, lo, hi, isOutput, maskLo, maskHi);
              const cost = partial + bestPairCost(problem, operandOf(left), operandOf(right), legs.length).cost;
              if (cost > cap || (existing !== undefined && existing.cost <= cost)) continue;
              const isFull = lo === fullLo && hi === fullHi;
              if (!(isFull && isWhole) && sizeOfLabels(legs, sizes) > memoryLimit) continue;
              if (existing !== undefined) {
                existing.cost = cost;
                existing.left = left;
                existing.right = right;
                continue;
              }
              const entry: Entry = { lo, hi, key, legs, cost, left, right, input: -1 };
              target.set(key, entry);
              for (let member = 0; member < size; member++) {
                const memberBit = member < 32 ? lo & (1 << member) : hi & (1 << (member - 32));
                if (memberBit !== 0) byTensor[total]?.[member]?.push(entry);
              }
            }
          }
        }
      }
    }
    if (!Number.isFinite(cap)) break;
    cap = cap * increment > Number.MAX_VALUE ? Infinity : cap * increment;
  }
  return levels[size]?.values().next().value;
}

/** The labels that a merged set of tensors keeps: output labels and labels found on a tensor outside the set. */
function mergedLegs(
  left: LabelSet,
  right: LabelSet,
  lo: number,
  hi: number,
  isOutput: Uint8Array,
  maskLo: Int32Array,
  maskHi: Int32Array,
): number[] {
  const legs: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = i < left.length ? (left[i] as number) : Infinity;
    const b = j < right.length ? (right[j] as number) : Infinity;
    const label = a <= b ? a : b;
    if (a === label) i++;
    if (b === label) j++;
    if (isOutput[label] === 1) {
      legs.push(label);
      continue;
    }
    if ((((maskLo[label] as number) & ~lo) | ((maskHi[label] as number) & ~hi)) !== 0) legs.push(label);
  }
  return legs;
}

