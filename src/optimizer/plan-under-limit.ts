import { EinsumError } from "../einsum-error.js";
import { writeMemoryLimitUnmet } from "../messages.js";
import { AUTO_EXACT_LIMIT } from "./auto.js";
import { SearchBudget } from "./budget.js";
import type { SearchReport } from "./choose-path.js";
import type { LinearPath, Network, SsaPath } from "./network.js";
import type { PathSearchName } from "./registry.js";
import { searchSlicing } from "./slice-search.js";
import { chooseSlicing, pricePath, slicedTotal, type Slicing } from "./slicing.js";

/**
 * A search's path, in linear and SSA form, with its report.
 *
 * @example
 * const planned: PlannedPath = { path: [[0, 1]], ssa: [[0, 1]], search: { method: "auto", complete: true, trials: 0 } };
 */
export interface PlannedPath {
  readonly path: LinearPath;
  readonly ssa: SsaPath;
  readonly search: SearchReport;
}

/**
 * The most a plan under a memory limit (sliced, or a path whose steps all fit) may cost, as a multiple of the
 * unsliced path's cost, before the limit is reported as unmet (`MEMORY_LIMIT`) instead.
 *
 * @example
 * MAX_SLICING_OVERHEAD; //=> 64
 */
export const MAX_SLICING_OVERHEAD = 64;

/**
 * The restarts and co-evolving annealings of the sliced search ({@link searchSlicing}) with the default budget. On
 * networks of mixed bond sizes, the first restart's labels (each the one leaving the least excess on the tree of the
 * moment) can slice one label more than needed; sixteen restarts draw enough other choices to find the fewer labels,
 * and the budget still bounds them on large networks.
 */
const SLICE_RESTARTS = 16;
const SLICE_COEVOLVED = 4;
/** The trials of the sliced search with the default budget (one per proposed move of its annealings). */
const SLICE_MAX_TRIALS = 4_000_000;
/**
 * The restarts of the sliced search that choose each label by trying the likeliest ones, and their trials with the
 * default budget: they run after the others, so that they can only bring the total down.
 */
const LOOKAHEAD_RESTARTS = 16;
const LOOKAHEAD_MAX_TRIALS = 4_000_000;
/** They run only when the other restarts found nothing within this multiple of the free path's cost. */
const LOOKAHEAD_ABOVE = 2;
/** The most restarts a larger budget buys. */
const MAX_SLICE_RESTARTS = 512;

/**
 * The plan of a search under a memory limit: the cheapest of the free search's path when it fits, the search under
 * the limit when all of its steps fit (for the methods other than `auto`, and for `auto` up to
 * {@link AUTO_EXACT_LIMIT} operands, where it is exact), the free path sliced greedily, and a sliced plan whose
 * labels are searched together with the tree ({@link searchSlicing}), its restarts multiplied by `scale` and its
 * trials by the square root of `scale` (up to caps), with restarts that try the likeliest labels one by one when
 * that plan costs more than twice the free path. The path of the search under the limit is, like a sliced plan,
 * only an option within {@link MAX_SLICING_OVERHEAD} times the free path's cost. With a deadline, the free search
 * and the search under the limit each stop at a third of the time left. `run` runs the method with a limit and a
 * budget. Throws `MEMORY_LIMIT` when nothing fits within {@link MAX_SLICING_OVERHEAD} times the free path's cost.
 *
 * @example
 * planUnderLimit(spec, 1024, "auto", new SearchBudget(AUTO_MAX_TRIALS), 1, run).slicing?.labels;
 */
export function planUnderLimit(
  spec: Network,
  limit: number,
  method: PathSearchName,
  budget: SearchBudget,
  scale: number,
  run: (searchLimit: number, budget: SearchBudget) => PlannedPath,
): { path: LinearPath; search: SearchReport; slicing?: Slicing } {
  const count = spec.inputs.length;
  // with a time limit, the free search and the search under the limit may each take a third of it: the sliced
  // search needs the rest
  const started = Date.now();
  const thirds = (count: number): number => (Number.isFinite(budget.deadline) ? started + ((budget.deadline - started) * count) / 3 : Infinity);
  const free = run(Infinity, new SearchBudget(budget.maxTrials, Infinity, thirds(1)));
  const freePriced = pricePath(spec, free.path, spec.sizes);
  if (freePriced.largest <= limit) return { path: free.path, search: free.search };
  const options: { path: LinearPath; search: SearchReport; flops: number; slicing?: Slicing }[] = [];
  const maxTotal = MAX_SLICING_OVERHEAD * Math.max(1, freePriced.flops);
  if (method !== "auto" || count <= AUTO_EXACT_LIMIT) {
    const limited = run(limit, new SearchBudget(budget.maxTrials, Infinity, thirds(2)));
    const fits = pricePath(spec, limited.path, spec.sizes);
    // its last step may join everything left in one product of astronomical cost: no better an answer
    if (fits.largest <= limit && fits.flops <= maxTotal) options.push({ path: limited.path, search: limited.search, flops: fits.flops });
  }
  const slicedOption = (found: { path: LinearPath; slicing: Slicing } | undefined): void => {
    if (found === undefined) return;
    const total = slicedTotal(found.slicing);
    // a slicing that multiplies the work beyond reason is no answer: better a clear error than an endless run
    if (total > maxTotal) return;
    const slicing = found.slicing.labels.length === 0 ? {} : { slicing: found.slicing };
    options.push({ path: found.path, search: free.search, flops: total, ...slicing });
  };
  const greedySlicing = chooseSlicing(spec, free.path, limit);
  slicedOption(greedySlicing === undefined ? undefined : { path: free.path, slicing: greedySlicing });
  const restarts = Math.max(1, Math.min(MAX_SLICE_RESTARTS, Math.round(SLICE_RESTARTS * scale)));
  const coevolved = Math.min(MAX_SLICE_RESTARTS, Math.round(SLICE_COEVOLVED * scale));
  // trials grow with the square root of the scale: ten times the budget (as "hyper") buys about 3 times the search
  const sliceBudget = new SearchBudget(Math.min(budget.maxTrials, SLICE_MAX_TRIALS * Math.sqrt(scale)), Infinity, budget.deadline);
  const lookahead = {
    restarts: Math.max(1, Math.min(MAX_SLICE_RESTARTS, Math.round(LOOKAHEAD_RESTARTS * scale))),
    budget: new SearchBudget(Math.min(budget.maxTrials, LOOKAHEAD_MAX_TRIALS * Math.sqrt(scale)), Infinity, budget.deadline),
    above: LOOKAHEAD_ABOVE * freePriced.flops,
  };
  slicedOption(searchSlicing(spec, free.ssa, limit, { budget: sliceBudget, maxTotal, restarts, coevolved, lookahead }));
  if (options.length === 0) throw new EinsumError("MEMORY_LIMIT", writeMemoryLimitUnmet(limit));
  const { flops: _, ...best } = options.reduce((cheapest, option) => (option.flops < cheapest.flops ? option : cheapest));
  return best;
}
