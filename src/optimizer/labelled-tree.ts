import type { SsaPath } from "./network.js";
import type { Problem } from "./problem.js";

/** The weight of the size penalty, per doubling of an intermediate above the limit, on the log2 scale of cost. */
const SIZE_PENALTY = 4;

/**
 * A binary contraction tree in flat arrays, each node's labels a bitset: leaves are `0..n-1`, internal nodes
 * `n..2n-2`. A node keeps the labels of its leaves that are in the output or on a leaf outside it. Leaves enter
 * with their own labels summed. The annealings ({@link annealSsa}, {@link annealSlicedSsa}) work on it.
 *
 * @example
 * const tree = new LabelledTree(problem, greedySsa(problem));
 * tree.sweep(4, Infinity, seededRandom(1)); // one sweep of proposed rotations at inverse temperature 4
 * tree.toSsa();
 */
export class LabelledTree {
  readonly leafCount: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  root: number;
  private readonly words: number;
  private readonly bits: Uint32Array;
  private readonly cost: Float64Array;
  private readonly size: Float64Array;
  private readonly sizes: number[];
  private readonly scratch: Uint32Array;
  /** Whether a sliced label reaches each node (see {@link LabelledTree.weighBySlices}). */
  private readonly varies: Uint8Array;
  /** How many times a step that a sliced label reaches runs: the slice count, 1 while nothing is weighed. */
  private slices = 1;

  constructor(problem: Problem, ssa: SsaPath) {
    const n = problem.operandCount;
    this.leafCount = n;
    this.sizes = [...problem.sizes];
    const total = 2 * n - 1;
    this.words = Math.max(1, Math.ceil(problem.labelCount / 32));
    this.left = new Int32Array(total).fill(-1);
    this.right = new Int32Array(total).fill(-1);
    this.bits = new Uint32Array(total * this.words);
    this.cost = new Float64Array(total);
    this.size = new Float64Array(total);
    this.scratch = new Uint32Array(this.words * 2);
    this.varies = new Uint8Array(total);
    ssa.forEach(([a, b], step) => {
      const node = n + step;
      this.left[node] = a as number;
      this.right[node] = b as number;
    });
    this.root = n === 1 ? 0 : 2 * n - 2;
    // all[x]: every label on a leaf below x; outer[x]: the output and every label on a leaf outside x
    const all = new Uint32Array(total * this.words);
    problem.kept.forEach((labels, leaf) => {
      for (const label of labels) all[leaf * this.words + (label >>> 5)]! |= 1 << (label & 31);
    });
    for (let node = n; node < total; node++) {
      const a = this.left[node] as number;
      const b = this.right[node] as number;
      for (let w = 0; w < this.words; w++) {
        all[node * this.words + w] = (all[a * this.words + w] as number) | (all[b * this.words + w] as number);
      }
    }
    const outer = new Uint32Array(total * this.words);
    for (const label of problem.output) outer[this.root * this.words + (label >>> 5)]! |= 1 << (label & 31);
    for (let node = total - 1; node >= n; node--) {
      const a = this.left[node] as number;
      const b = this.right[node] as number;
      for (let w = 0; w < this.words; w++) {
        const up = outer[node * this.words + w] as number;
        outer[a * this.words + w] = up | (all[b * this.words + w] as number);
        outer[b * this.words + w] = up | (all[a * this.words + w] as number);
      }
    }
    for (let index = 0; index < all.length; index++) this.bits[index] = (all[index] as number) & (outer[index] as number);
    this.recompute();
  }

  /** Recomputes every node's size and step cost, after a label's size has changed. */
  recompute(): void {
    for (let node = 0; node < this.size.length; node++) this.size[node] = this.sizeOf(this.bits, node * this.words);
    for (let node = this.leafCount; node < this.size.length; node++) {
      this.cost[node] = this.stepCost(this.left[node] as number, this.right[node] as number, node);
    }
  }

  /** Sets a label's size (1 slices it) and recomputes the tree. */
  resize(label: number, size: number): void {
    this.sizes[label] = size;
    this.recompute();
  }

  /**
   * Weighs the cost of each step that a sliced label reaches (some leaf below it has `varies[leaf]` set) by
   * `slices`, in the annealing's moves and {@link LabelledTree.score}: a sliced plan runs those steps once per
   * slice, and the others once. `slices` 1 weighs nothing.
   *
   * @example
   * tree.weighBySlices(new Uint8Array([1, 0, 0]), 16); // steps above leaf 0 count 16 times
   */
  weighBySlices(varies: Uint8Array, slices: number): void {
    this.slices = slices;
    this.varies.fill(0);
    this.varies.set(varies.subarray(0, this.leafCount));
    this.spreadVaries();
  }

  /**
   * The cost of the steps that no weighed leaf reaches (see {@link LabelledTree.weighBySlices}): in a sliced plan,
   * those that run once rather than once per slice.
   *
   * @example
   * tree.weighBySlices(varies, 16);
   * const total = tree.sharedFlops() + 16 * (tree.flops() - tree.sharedFlops());
   */
  sharedFlops(): number {
    let shared = 0;
    for (let node = this.leafCount; node < this.cost.length; node++) if (this.varies[node] === 0) shared += this.cost[node] as number;
    return shared;
  }

  /** Marks each internal node that a weighed leaf reaches, children before parents. */
  private spreadVaries(): void {
    const order = this.internalNodesTopDown();
    for (let index = order.length - 1; index >= 0; index--) {
      const node = order[index] as number;
      this.varies[node] = (this.varies[this.left[node] as number] as number) | (this.varies[this.right[node] as number] as number);
    }
  }

  /** The total cost of the tree's steps. */
  flops(): number {
    let total = 0;
    for (let node = this.leafCount; node < this.cost.length; node++) total += this.cost[node] as number;
    return total;
  }

  /** The largest intermediate: the largest result of a step (the root's included). */
  largest(): number {
    let largest = 0;
    for (let node = this.leafCount; node < this.size.length; node++) largest = Math.max(largest, this.size[node] as number);
    return largest;
  }

  /**
   * The label to slice next: among the labels (of size above 1) of the step results above `limit`, the one that
   * leaves the least excess (the sum over those results of how many times, in log2, they are larger than the
   * limit), then the one whose steps cost most.
   */
  bestSlice(limit: number): number | undefined {
    const limitLog = Math.log2(limit);
    const words = this.words;
    const oversized: number[] = [];
    for (let node = this.leafCount; node < this.size.length; node++) if ((this.size[node] as number) > limit) oversized.push(node);
    if (oversized.length === 0) return undefined;
    let best: { label: number; excess: number; saved: number } | undefined;
    const seen = new Set<number>();
    for (const node of oversized) {
      for (let w = 0; w < words; w++) {
        let word = this.bits[node * words + w] as number;
        while (word !== 0) {
          const low = word & -word;
          word = (word ^ low) >>> 0;
          const label = w * 32 + 31 - Math.clz32(low);
          const size = this.sizes[label] as number;
          if (size <= 1 || seen.has(label)) continue;
          seen.add(label);
          const cut = Math.log2(size);
          const mask = low >>> 0;
          let excess = 0;
          for (const other of oversized) {
            const has = ((this.bits[other * words + w] as number) & mask) !== 0;
            excess += Math.max(0, Math.log2(this.size[other] as number) - (has ? cut : 0) - limitLog);
          }
          let saved = 0;
          for (let step = this.leafCount; step < this.size.length; step++) {
            const a = this.left[step] as number;
            const b = this.right[step] as number;
            if ((((this.bits[a * words + w] as number) | (this.bits[b * words + w] as number)) & mask) !== 0) {
              saved += (this.cost[step] as number) * (1 - 1 / size);
            }
          }
          if (best === undefined || excess < best.excess - 1e-9 || (excess <= best.excess + 1e-9 && saved > best.saved)) {
            best = { label, excess, saved };
          }
        }
      }
    }
    return best?.label;
  }

  /** The product of the sizes of the labels of the bitset at `offset` of `bits`. */
  private sizeOf(bits: Uint32Array, offset: number): number {
    let size = 1;
    for (let w = 0; w < this.words; w++) {
      let word = bits[offset + w] as number;
      while (word !== 0) {
        const low = word & -word;
        size *= this.sizes[w * 32 + 31 - Math.clz32(low)] as number;
        word ^= low;
      }
    }
    return size;
  }

  private static popcount(word: number): number {
    let v = word - ((word >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
  }

  /**
   * The cost of contracting `a` and `b` into a result with the labels of `result` (a node, or -1 for the scratch
   * bitset): the size of their union, twice when a label is summed away.
   */
  private stepCost(a: number, b: number, result: number): number {
    const words = this.words;
    return result < 0
      ? this.pairCost(this.bits, a * words, this.bits, b * words, this.scratch, 0)
      : this.pairCost(this.bits, a * words, this.bits, b * words, this.bits, result * words);
  }

  /** The cost of a step from the bitsets of its two operands and of its result, each at an offset. */
  private pairCost(
    leftBits: Uint32Array,
    left: number,
    rightBits: Uint32Array,
    right: number,
    resultBits: Uint32Array,
    result: number,
  ): number {
    let unionCount = 0;
    let resultCount = 0;
    let size = 1;
    for (let w = 0; w < this.words; w++) {
      let word = ((leftBits[left + w] as number) | (rightBits[right + w] as number)) >>> 0;
      unionCount += LabelledTree.popcount(word);
      resultCount += LabelledTree.popcount(resultBits[result + w] as number);
      while (word !== 0) {
        const low = word & -word;
        size *= this.sizes[w * 32 + 31 - Math.clz32(low)] as number;
        word = (word ^ low) >>> 0;
      }
    }
    return unionCount > resultCount ? 2 * size : size;
  }

  /** The tree's total cost, plus the size penalty of the intermediates above the limit (on the log2 scale). */
  score(limitLog: number): number {
    let total = 0;
    let excess = 0;
    for (let node = this.leafCount; node < this.cost.length; node++) {
      total += this.slices === 1 || this.varies[node] === 0 ? (this.cost[node] as number) : this.slices * (this.cost[node] as number);
      if (node !== this.root) excess += Math.max(0, Math.log2(this.size[node] as number) - limitLog);
    }
    return total * 2 ** (SIZE_PENALTY * excess);
  }

  /**
   * Proposes one rotation at `node` (drawn among those its internal children allow) and applies it when the
   * Metropolis rule at inverse temperature `beta` accepts it.
   */
  propose(node: number, beta: number, limitLog: number, random: () => number): void {
    const leftInternal = (this.left[node] as number) >= this.leafCount;
    const rightInternal = (this.right[node] as number) >= this.leafCount;
    if (!leftInternal && !rightInternal) return;
    const draw = random();
    const fromLeft = leftInternal && (!rightInternal || draw < 0.5);
    const inner = fromLeft ? (this.left[node] as number) : (this.right[node] as number);
    const other = fromLeft ? (this.right[node] as number) : (this.left[node] as number);
    const keepFirst = random() < 0.5;
    // inner = (stay, move) becomes node = (stay, inner'), inner' = (move, other)
    const stay = keepFirst ? (this.left[inner] as number) : (this.right[inner] as number);
    const move = keepFirst ? (this.right[inner] as number) : (this.left[inner] as number);
    const words = this.words;
    const bits = this.bits;
    const scratch = this.scratch;
    for (let w = 0; w < words; w++) {
      const union = (bits[move * words + w] as number) | (bits[other * words + w] as number);
      const around = (bits[stay * words + w] as number) | (bits[node * words + w] as number);
      scratch[w] = (union & around) >>> 0;
    }
    const newInnerCost = this.stepCost(move, other, -1);
    const newSize = this.sizeOf(scratch, 0);
    const innerVaries = (this.varies[move] as number) | (this.varies[other] as number);
    // the node's own step, with inner' in place of inner: copy inner' into the scratch's second half
    for (let w = 0; w < words; w++) scratch[words + w] = scratch[w] as number;
    const newNodeCost = this.costWithScratch(stay, node);
    let oldLocal = (this.cost[inner] as number) + (this.cost[node] as number);
    let newLocal = newInnerCost + newNodeCost;
    if (this.slices !== 1) {
      const slices = this.slices;
      const nodeWeight = this.varies[node] === 0 ? 1 : slices;
      oldLocal = (this.varies[inner] === 0 ? 1 : slices) * (this.cost[inner] as number) + nodeWeight * (this.cost[node] as number);
      newLocal = (innerVaries === 0 ? 1 : slices) * newInnerCost + nodeWeight * newNodeCost;
    }
    let delta = Math.log2(newLocal / oldLocal);
    if (Number.isFinite(limitLog)) {
      delta += SIZE_PENALTY * (Math.max(0, Math.log2(newSize) - limitLog) - Math.max(0, Math.log2(this.size[inner] as number) - limitLog));
    }
    if (delta > 0 && random() >= Math.exp(-beta * delta)) return;
    for (let w = 0; w < words; w++) bits[inner * words + w] = scratch[w] as number;
    this.left[inner] = move;
    this.right[inner] = other;
    if (fromLeft) this.right[node] = stay;
    else this.left[node] = stay;
    if (fromLeft) this.left[node] = inner;
    else this.right[node] = inner;
    this.cost[inner] = newInnerCost;
    this.size[inner] = newSize;
    this.cost[node] = newNodeCost;
    this.varies[inner] = innerVaries;
  }

  /** The cost of the step `node` = (`stay`, the labels in the scratch's second half). */
  private costWithScratch(stay: number, node: number): number {
    const words = this.words;
    return this.pairCost(this.bits, stay * words, this.scratch, words, this.bits, node * words);
  }

  /** Proposes a rotation at every internal node, top-down (see {@link propose}). */
  sweep(beta: number, limitLog: number, random: () => number): void {
    const stack: number[] = [this.root];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node < this.leafCount) continue;
      this.propose(node, beta, limitLog, random);
      stack.push(this.right[node] as number, this.left[node] as number);
    }
  }

  snapshot(): { left: Int32Array; right: Int32Array } {
    return { left: this.left.slice(), right: this.right.slice() };
  }

  restore(shape: { left: Int32Array; right: Int32Array }): void {
    this.left.set(shape.left);
    this.right.set(shape.right);
  }

  /** The tree as an SSA path, children before parents. */
  toSsa(): SsaPath {
    const ssa: SsaPath = [];
    const idOf = new Int32Array(this.left.length).fill(-1);
    for (let leaf = 0; leaf < this.leafCount; leaf++) idOf[leaf] = leaf;
    const order = this.internalNodesTopDown();
    for (let index = order.length - 1; index >= 0; index--) {
      const node = order[index] as number;
      ssa.push([idOf[this.left[node] as number] as number, idOf[this.right[node] as number] as number]);
      idOf[node] = this.leafCount + ssa.length - 1;
    }
    return ssa;
  }

  /** The internal nodes, each before its children (right subtree first): read backwards, children come first. */
  private internalNodesTopDown(): number[] {
    const stack: number[] = [this.root];
    const order: number[] = [];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node < this.leafCount) continue;
      order.push(node);
      stack.push(this.left[node] as number, this.right[node] as number);
    }
    return order;
  }
}
