/**
 * A binary min-heap ordered by a comparison function.
 *
 * @example
 * const heap = new MinHeap<number>((a, b) => a - b);
 * heap.push(3); heap.push(1);
 * heap.pop(); //=> 1
 */
export class MinHeap<Item> {
  readonly #items: Item[] = [];
  readonly #compare: (left: Item, right: Item) => number;

  constructor(compare: (left: Item, right: Item) => number) {
    this.#compare = compare;
  }

  get size(): number {
    return this.#items.length;
  }

  push(item: Item): void {
    const items = this.#items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.#compare(items[index] as Item, items[parent] as Item) >= 0) break;
      [items[index], items[parent]] = [items[parent] as Item, items[index] as Item];
      index = parent;
    }
  }

  pop(): Item | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && this.#compare(items[left] as Item, items[smallest] as Item) < 0) smallest = left;
      if (right < items.length && this.#compare(items[right] as Item, items[smallest] as Item) < 0) smallest = right;
      if (smallest === index) break;
      [items[index], items[smallest]] = [items[smallest] as Item, items[index] as Item];
      index = smallest;
    }
    return top;
  }
}
