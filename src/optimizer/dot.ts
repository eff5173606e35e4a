import type { Network } from "./network.js";
import type { PathInfo } from "./path-summary.js";
import { formatScientific } from "./report.js";

/**
 * The contraction tree of a path as Graphviz DOT: a box per input (its position and term), an ellipse per step (its
 * equation and cost), and an edge from each operand to the step that consumes it.
 *
 * @example
 * pathToDot(network, info, (labels) => labels.join(""));
 * //=> 'digraph contraction {\n  rankdir=BT;\n  ...\n}'
 */
export function pathToDot(network: Network, info: PathInfo, termOf: (labels: readonly number[]) => string): string {
  const lines = ["digraph contraction {", "  rankdir=BT;", '  node [fontname="monospace"];'];
  if (info.slicing !== undefined) {
    const { names, slices, sliceFlops, sharedFlops } = info.slicing;
    const costs = `${formatScientific(sliceFlops)} flops each\n${formatScientific(sharedFlops)} flops shared`;
    lines.push(`  slicing [shape=note, label=${quote(`sliced over ${names}: ${slices} slices\n${costs}`)}];`);
  }
  const current: string[] = [];
  network.inputs.forEach((labels, position) => {
    const id = `input${position}`;
    lines.push(`  ${id} [shape=box, label=${quote(`${position}: ${termOf(labels)}`)}];`);
    current.push(id);
  });
  info.steps.forEach((step, index) => {
    const id = `step${index}`;
    lines.push(`  ${id} [shape=ellipse, label=${quote(`${step.einsum}\n${formatScientific(step.flops)} flops`)}];`);
    const consumed = step.positions.map((position) => current[position] as string);
    for (const operand of consumed) lines.push(`  ${operand} -> ${id};`);
    const kept = current.filter((_, position) => !step.positions.includes(position));
    current.length = 0;
    current.push(...kept, id);
  });
  lines.push("}");
  return lines.join("\n");
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
