import { exactSsa } from "./exact.js";
import type { Problem } from "./problem.js";
import { operandOfNode, refreshTree, type TreeNode } from "./tree.js";

/**
 * Options of subtree reconfiguration: the number of operands of each window solved exactly, and a deadline
 * (a `Date.now()` value) after which no new window is started.
 *
 * @example
 * const options: ReconfigureOptions = { window: 8, deadline: Date.now() + 100 };
 */
export interface ReconfigureOptions {
  readonly window?: number;
  readonly deadline?: number;
  readonly maxPasses?: number;
}

/**
 * Improves a contraction tree in place by re-solving small subtrees exactly (cotengra's subtree reconfiguration):
 * for each internal node, costliest first, the subtree is opened down to a frontier of `window` nodes (always
 * opening the costliest step), the frontier is contracted again by the exact search, and the new order replaces the
 * old when it is cheaper. Passes repeat until one brings nothing or the deadline passes. Returns the tree's cost.
 *
 * @example
 * const root = treeFromSsa(problem, greedySsa(problem));
 * reconfigureTree(problem, root, { window: 8 }); // the new, lower or equal cost
 */
export function reconfigureTree(problem: Problem, root: TreeNode, options: ReconfigureOptions = {}): number {
  const window = options.window ?? 8;
  const deadline = options.deadline ?? Infinity;
  const maxPasses = options.maxPasses ?? 8;
  let total = refreshTree(problem, root);
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const internal: TreeNode[] = [];
    const collect = (node: TreeNode): void => {
      if (node.children === undefined) return;
      internal.push(node);
      collect(node.children[0]);
      collect(node.children[1]);
    };
    collect(root);
    internal.sort((a, b) => b.cost - a.cost);
    for (const node of internal) {
      if (Date.now() > deadline) return total;
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
