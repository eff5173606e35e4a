// Draws contraction trees (the DOT of `contractPath(...).toDot()`) as SVG with Graphviz compiled to WebAssembly.
import { instance } from "./vendor/viz.js";

let viz;

/**
 * A figure with the tree's drawing and the optimizer's report beside it.
 * @param {{ equation: string, shapes: number[][], dot: string, report: string }} tree
 */
export async function drawTree(tree) {
  viz ??= instance();
  const svg = (await viz).renderSVGElement(tree.dot, {
    graphAttributes: { bgcolor: "transparent", nodesep: 0.3, ranksep: 0.35 },
    nodeAttributes: { fontsize: 11, margin: "0.12,0.05" },
    edgeAttributes: { arrowsize: 0.6 },
  });
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Contraction tree of ${tree.equation}`);
  const figure = document.createElement("figure");
  figure.className = "tree";
  const caption = document.createElement("figcaption");
  const equation = document.createElement("code");
  equation.textContent = `"${tree.equation}"`;
  caption.append(equation, ` on shapes ${tree.shapes.map((shape) => `[${shape.join(", ")}]`).join(", ")}`);
  const drawing = document.createElement("div");
  drawing.className = "drawing";
  drawing.append(svg);
  const report = document.createElement("pre");
  report.className = "report";
  report.textContent = tree.report;
  figure.append(caption, drawing, report);
  return figure;
}
