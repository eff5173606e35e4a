import type { SearchBudget } from "./budget.js";
import { exactSsa } from "./exact.js";
import type { Problem } from "./problem.js";
import { operandOfNode, refreshTree, type TreeNode } from "./tree.js";

/**
 * Options of subtree reconfiguration: the number of operands of each window solved exactly, and a budget (each
 * window costs `3^window` trials; no window is started once it has run out).
 *
 * @example
 * const options: ReconfigureOptions = { window: 8, budget: new SearchBudget(1e6) };
 */
export interface ReconfigureOptions {
  readonly window?: number;
  readonly budget?: SearchBudget;
  readonly maxPasses?: number;
}

/** The costliest nodes each pass re-solves: all of them up to 512 steps, the ones that matter beyond. */
const NODES_PER_PASS = 512;

/**
 * Improves a contraction tree in place by re-solving small subtrees exactly (cotengra's subtree reconfiguration):
 * for each internal node, costliest first (the 512 costliest on a larger tree), the subtree is opened down to a frontier of `window` nodes (always
 * opening the costliest step), the frontier is contracted again by the exact search, and the new order replaces the
 * old when it is cheaper. Passes repeat until one brings nothing or the budget runs out. Returns the tree's cost.
 *
 * @example
 * const root = treeFromSsa(problem, greedySsa(problem));
 * reconfigureTree(problem, root, { window: 8 }); // the new, lower or equal cost
 */
export function reconfigureTree(problem: Problem, root: TreeNode, options: ReconfigureOptions = {}): number {
  const window = options.window ?? 8;
  const budget = options.budget;
  const windowTrials = 3 ** window;
  const maxPasses = options.maxPasses ?? 8;
  let total = refreshTree(problem, root);
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const internal = internalNodes(root);
    internal.sort((a, b) => b.cost - a.cost);
    for (const node of internal.slice(0, NODES_PER_PASS)) {
      if (budget !== undefined && !budget.spend(windowTrials)) return total;
      if (node.children === undefined) continue;
      if (reconfigureAt(problem, node, window)) {
        improved = true;
        total = refreshTree(problem, root);
      }
    }
    if (!improved) break;
  }
  return total;
}

/** Re-solves the window under one node; returns whether it replaced the subtree with a cheaper one. */
function reconfigureAt(problem: Problem, node: TreeNode, window: number): boolean {
  const children = node.children;
  if (children === undefined) return false;
  const frontier: TreeNode[] = [...children];
  let oldCost = node.cost;
  while (frontier.length < window) {
    let pick = -1;
    frontier.forEach((candidate, index) => {
      if (candidate.children !== undefined && (pick < 0 || candidate.cost > (frontier[pick] as TreeNode).cost)) pick = index;
    });
    if (pick < 0) break;
    const opened = frontier[pick] as TreeNode;
    oldCost += opened.cost;
    frontier.splice(pick, 1, ...(opened.children as readonly [TreeNode, TreeNode]));
  }
  if (frontier.length <= 2) return false;
  const solved = exactSsa(problem, { operands: frontier.map(operandOfNode), keep: node.labels }, oldCost);
  if (solved === undefined || !(solved.cost < oldCost * (1 - 1e-12))) return false;
  const built: TreeNode[] = [...frontier];
  for (const [left, right] of solved.ssa) {
    built.push({ input: -1, labels: [], cost: 0, children: [built[left as number] as TreeNode, built[right as number] as TreeNode] });
  }
  const top = built[built.length - 1] as TreeNode;
  node.children = top.children;
  return true;
}

/** The internal nodes of a tree, found with an explicit stack (trees can be deep). */
function internalNodes(root: TreeNode): TreeNode[] {
  const internal: TreeNode[] = [];
  const stack: TreeNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.children === undefined) continue;
    internal.push(node);
    stack.push(node.children[1], node.children[0]);
  }
  return internal;
}
