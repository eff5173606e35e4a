import type { LabelSet } from "./label-set.js";

/**
 * Groups operands into connected components: two operands are connected when they share a label that is not in
 * the output (opt_einsum's `_find_disconnected_subgraphs`). Components are listed by their smallest member.
 *
 * @example
 * connectedComponents([[0, 1], [2], [0, 3]], new Uint8Array([0, 1, 0, 1])); //=> [[0, 2], [1]]
 */
export function connectedComponents(operands: readonly LabelSet[], isOutput: Uint8Array): number[][] {
  const parent = operands.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[index] !== root) {
      const next = parent[index] as number;
      parent[index] = root;
      index = next;
    }
    return root;
  };
  const ownerOfLabel = new Map<number, number>();
  operands.forEach((labels, index) => {
    for (const label of labels) {
      if (isOutput[label] === 1) continue;
      const owner = ownerOfLabel.get(label);
      if (owner === undefined) ownerOfLabel.set(label, index);
      else parent[find(index)] = find(owner);
    }
  });
  const groups = new Map<number, number[]>();
  operands.forEach((_, index) => {
    const root = find(index);
    let group = groups.get(root);
    if (group === undefined) groups.set(root, (group = []));
    group.push(index);
  });
  return [...groups.values()];
}
