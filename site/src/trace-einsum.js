// What the playground's code imports as "typed-einsum": the built library, with `einsum` reporting the contraction
// tree of each call with three or more operands to the page (drawn beside the output).
import { contractPath, einsum as runEinsum } from "./lib/index.js";

export * from "./lib/index.js";

const isOperand = (value) => typeof value === "object" && value !== null && "shape" in value && "data" in value;
const treesPerRun = 24;
let treesSent = 0;
const seen = new Set();

/** The operands and the options of an einsum call in the string forms (spread operands, or a list). */
function operandsAndOptions(rest) {
  if (Array.isArray(rest[0]) && rest[0].every(isOperand)) return { operands: rest[0], options: rest[1] };
  const last = rest[rest.length - 1];
  return isOperand(last) || last === undefined
    ? { operands: rest, options: undefined }
    : { operands: rest.slice(0, -1), options: last };
}

function reportTree(equation, rest) {
  const { operands, options } = operandsAndOptions(rest);
  if (operands.length < 3 || treesSent >= treesPerRun) return;
  const shapes = operands.map((operand) => [...operand.shape]);
  const key = `${equation} ${JSON.stringify(shapes)} ${JSON.stringify(options?.optimize ?? null)}`;
  if (seen.has(key)) return;
  seen.add(key);
  let info;
  try {
    const pathOptions = {};
    if (options?.optimize !== undefined) pathOptions.optimize = options.optimize;
    if (options?.memoryLimit !== undefined) pathOptions.memoryLimit = options.memoryLimit;
    info = contractPath(equation, shapes, pathOptions);
  } catch {
    return; // the call itself throws the same error, which the output shows
  }
  treesSent += 1;
  postMessage({ kind: "tree", equation, shapes, dot: info.toDot(), report: info.toString() });
}

/** The library's einsum, which also reports its contraction tree when it has three or more operands. */
export function einsum(...args) {
  if (typeof args[0] === "string") reportTree(args[0], args.slice(1));
  return runEinsum(...args);
}
