/**
 * The operands of a contraction as opt_einsum's linear format sees them: a list in which each step removes some
 * positions and appends its result at the end. A Fenwick tree over the slots (inputs, then results in order) keeps
 * the position of a slot and the slot at a position in O(log n), so converting or describing a path of 100,000
 * steps stays fast.
 *
 * @example
 * const list = new OperandList(3, 2); // 3 inputs, room for 2 results
 * list.remove([0, 2]); // the slots at positions 0 and 2: slots 0 and 2
 * list.append(); //=> 3
 * list.slotAt(1); //=> 3
 */
export class OperandList {
  private readonly tree: Int32Array;
  private readonly alive: Uint8Array;
  private slots: number;
  /** How many operands the list holds. */
  size: number;

  constructor(inputCount: number, resultCount: number) {
    const capacity = inputCount + resultCount;
    this.tree = new Int32Array(capacity + 1);
    this.alive = new Uint8Array(capacity);
    this.slots = 0;
    this.size = 0;
    for (let slot = 0; slot < inputCount; slot++) this.append();
  }

  /** Appends a new operand at the end; returns its slot. */
  append(): number {
    const slot = this.slots++;
    this.alive[slot] = 1;
    this.add(slot, 1);
    this.size++;
    return slot;
  }

  /** The position of a live slot in the current list. */
  positionOf(slot: number): number {
    let sum = 0;
    for (let index = slot; index > 0; index -= index & -index) sum += this.tree[index] as number;
    return sum;
  }

  /** The slot at a position of the current list. */
  slotAt(position: number): number {
    let slot = 0;
    let rest = position + 1;
    for (let step = 1 << (31 - Math.clz32(this.tree.length - 1 || 1)); step > 0; step >>= 1) {
      const next = slot + step;
      if (next < this.tree.length && (this.tree[next] as number) < rest) {
        slot = next;
        rest -= this.tree[next] as number;
      }
    }
    return slot;
  }

  /** Removes the operands at some positions (all read before any is removed); returns their slots, in order. */
  remove(positions: readonly number[]): number[] {
    const slots = positions.map((position) => this.slotAt(position));
    for (const slot of slots) this.kill(slot);
    return slots;
  }

  /** Removes live slots. */
  removeSlots(slots: readonly number[]): void {
    for (const slot of slots) this.kill(slot);
  }

  /** Whether a slot is in the list. */
  has(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  private kill(slot: number): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
    this.add(slot, -1);
    this.size--;
  }

  private add(slot: number, delta: number): void {
    for (let index = slot + 1; index < this.tree.length; index += index & -index) {
      this.tree[index] = (this.tree[index] as number) + delta;
    }
  }
}
