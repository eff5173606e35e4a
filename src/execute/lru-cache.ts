/**
 * A small least-recently-used cache, so that an einsum called again with the same equation, shapes and options
 * reuses its parsed equation or its plan instead of working it out again.
 *
 * @example
 * const cache = new LruCache<number[][]>(2);
 * cache.get("ij,jk|2,3|3,4|auto", () => [[0, 1]]); // computed once, then reused
 */
export class LruCache<Plan> {
  private readonly entries = new Map<string, Plan>();

  constructor(private readonly capacity: number) {}

  /** The plan stored under `key`, computing and storing it first when it is missing. */
  get(key: string, compute: () => Plan): Plan {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const plan = compute();
    this.entries.set(key, plan);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return plan;
  }

  /** How many plans are stored. */
  get size(): number {
    return this.entries.size;
  }
}
