import type { LabelSet } from "./label-set.js";
import type { SsaPath } from "./network.js";
import { bestPairCost, type Problem } from "./problem.js";

/**
 * A node of a binary contraction tree: an input (a leaf) or the contraction of two nodes, with the labels its
 * result keeps and the cost of its own step.
 *
 * @example
 * const leaf: TreeNode = { input: 0, labels: [0, 1], cost: 0, children: undefined };
 */
export interface TreeNode {
  readonly input: number;
  labels: LabelSet;
  cost: number;
  children: readonly [TreeNode, TreeNode] | undefined;
}

/**
 * Builds the contraction tree of an SSA path of pairwise steps.
 *
 * @example
 * const problem = prepareProblem({ inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3], sizes: [10, 2, 10, 2] });
 * treeFromSsa(problem, [[1, 2], [0, 3]]).cost; //=> 80
 */
export function treeFromSsa(problem: Problem, ssa: SsaPath): TreeNode {
  const nodes: TreeNode[] = problem.inputs.map((labels, input) => ({ input, labels, cost: 0, children: undefined }));
  for (const [left, right] of ssa) {
    nodes.push({ input: -1, labels: [], cost: 0, children: [nodes[left as number] as TreeNode, nodes[right as number] as TreeNode] });
  }
  const root = nodes[nodes.length - 1] as TreeNode;
  refreshTree(problem, root);
  return root;
}

/**
 * Recomputes every node's labels and step cost from the leaves up, and returns the tree's total cost. The walk uses
 * an explicit stack, so trees of any depth (a chain of 100,000 steps) are fine.
 *
 * @example
 * refreshTree(problem, root); //=> 160
 */
export function refreshTree(problem: Problem, root: TreeNode): number {
  const counts = new Int32Array(problem.labelCount);
  for (const labels of problem.inputs) for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  let total = 0;
  // inside[label] = number of inputs below a node carrying the label, kept until the node's parent is done
  const insideOf = new Map<TreeNode, Map<number, number>>();
  for (const node of postOrder(root)) {
    if (node.children === undefined) {
      const inside = new Map<number, number>();
      for (const label of node.labels) inside.set(label, 1);
      insideOf.set(node, inside);
      continue;
    }
    const [left, right] = node.children;
    const leftInside = insideOf.get(left) as Map<number, number>;
    const rightInside = insideOf.get(right) as Map<number, number>;
    insideOf.delete(left);
    insideOf.delete(right);
    const [big, small] = leftInside.size >= rightInside.size ? [leftInside, rightInside] : [rightInside, leftInside];
    for (const [label, count] of small) big.set(label, (big.get(label) ?? 0) + count);
    const labels: number[] = [];
    for (const [label, count] of big) {
      if (problem.isOutput[label] === 1 || count < (counts[label] as number)) labels.push(label);
      else big.delete(label);
    }
    labels.sort((a, b) => a - b);
    node.labels = labels;
    node.cost = bestPairCost(problem, operandOfNode(left), operandOfNode(right), labels.length).cost;
    total += node.cost;
    insideOf.set(node, big);
  }
  return total;
}

/**
 * The nodes of a tree, children before their parent (left subtree, right subtree, node), walked with an explicit
 * stack.
 *
 * @example
 * postOrder(root).at(-1) === root; //=> true
 */
export function postOrder(root: TreeNode): TreeNode[] {
  const order: TreeNode[] = [];
  const stack: TreeNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    order.push(node);
    if (node.children !== undefined) stack.push(node.children[0], node.children[1]);
  }
  return order.reverse();
}

/**
 * A node as the operand of a step: leaves may still be reduced first.
 *
 * @example
 * operandOfNode({ input: 0, labels: [0, 1], cost: 0, children: undefined }); //=> { labels: [0, 1], input: 0 }
 */
export function operandOfNode(node: TreeNode): { labels: LabelSet; input: number } {
  return { labels: node.labels, input: node.children === undefined ? node.input : -1 };
}

/**
 * The SSA path of a contraction tree, children before parents.
 *
 * @example
 * treeToSsa(treeFromSsa(problem, [[1, 2], [0, 3]]), 3); //=> [[1, 2], [0, 3]]
 */
export function treeToSsa(root: TreeNode, operandCount: number): SsaPath {
  const ssa: SsaPath = [];
  const idOf = new Map<TreeNode, number>();
  for (const node of postOrder(root)) {
    if (node.children === undefined) {
      idOf.set(node, node.input);
      continue;
    }
    ssa.push([idOf.get(node.children[0]) as number, idOf.get(node.children[1]) as number]);
    idOf.set(node, operandCount + ssa.length - 1);
  }
  return ssa;
}
