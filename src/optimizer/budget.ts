/**
 * Why a path search stopped before it had examined everything it would have: its counted budget (`maxTrials`)
 * or its time limit (`maxTimeMs`) ran out.
 *
 * @example
 * const reason: StopReason = "maxTrials";
 */
export type StopReason = "maxTrials" | "maxTimeMs";

/** How often, in trials, a budget with a time limit looks at the clock. */
const CLOCK_INTERVAL = 1024;

/**
 * The work a path search may do. A trial is one candidate the search examines: a pair of subsets in the dynamic
 * programming, a split of a subset in the exact search, a candidate step in the branch search, and for the
 * randomized search one greedy run (counted as one trial per operand) or one reconfigured subtree (counted as
 * `3^window`). Counting trials makes a search deterministic: the same network gives the same path on any machine
 * at any load. A time limit may be added; a search stopped by it depends on the machine.
 *
 * @example
 * const budget = new SearchBudget(1000);
 * budget.spend(999); //=> true
 * budget.spend(2); //=> false (only 1 was left)
 * budget.stoppedBy; //=> "maxTrials"
 */
export class SearchBudget {
  /** The trials spent so far. */
  trials = 0;
  /** Set once the budget has run out. */
  stoppedBy: StopReason | undefined;
  /** The `Date.now()` value past which the search stops, `Infinity` without a time limit. */
  readonly deadline: number;
  private nextClock = CLOCK_INTERVAL;

  constructor(
    readonly maxTrials: number = Infinity,
    maxTimeMs: number = Infinity,
    deadline?: number,
  ) {
    this.deadline = deadline ?? (Number.isFinite(maxTimeMs) ? Date.now() + maxTimeMs : Infinity);
  }

  /**
   * Spends `count` trials; returns `false`, spending nothing, when they do not fit (and from then on), so that
   * `trials` never exceeds `maxTrials`.
   */
  spend(count = 1): boolean {
    if (this.stoppedBy !== undefined) return false;
    if (this.trials + count > this.maxTrials) {
      this.stoppedBy = "maxTrials";
      return false;
    }
    this.trials += count;
    if (this.deadline !== Infinity && this.trials >= this.nextClock) {
      this.nextClock = this.trials + CLOCK_INTERVAL;
      if (Date.now() >= this.deadline) {
        this.stoppedBy = "maxTimeMs";
        return false;
      }
    }
    return true;
  }

  /** Whether the budget has run out. */
  get exhausted(): boolean {
    return this.stoppedBy !== undefined;
  }

  /** The trials left, `Infinity` without a count. */
  get remaining(): number {
    return Math.max(0, this.maxTrials - this.trials);
  }

  /**
   * A budget for one phase of a search: at most `share` of the trials left here, and the same deadline. Spend it,
   * then hand it back with {@link settle} so that this budget counts what the phase used.
   */
  part(share: number): SearchBudget {
    return new SearchBudget(Math.floor(this.remaining * share), Infinity, this.deadline);
  }

  /** Counts the trials a phase spent; a phase stopped by the clock stops this budget too. */
  settle(part: SearchBudget): void {
    this.trials += part.trials;
    if (part.stoppedBy === "maxTimeMs") this.stoppedBy = "maxTimeMs";
    else if (this.trials > this.maxTrials) this.stoppedBy = "maxTrials";
  }
}

/**
 * The outcome of a path search: the SSA path, and whether the search ran to its end or was stopped by its
 * budget (then the path is the best one it had found).
 *
 * @example
 * const outcome: SearchOutcome = { complete: false, stoppedBy: "maxTrials", trials: 1000 };
 */
export interface SearchOutcome {
  readonly complete: boolean;
  readonly stoppedBy?: StopReason;
  readonly trials: number;
}
