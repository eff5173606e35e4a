import type { SearchReport } from "./choose-path.js";
import type { ContractionStep, PathInfo } from "./path-summary.js";
import { stepCost } from "./cost-model.js";
import { sizeOfLabels } from "./label-set.js";
import type { LinearPath, Network } from "./network.js";
import { pathToDot } from "./dot.js";
import { OperandList } from "./operand-list.js";
import { formatReport } from "./report.js";
import type { Slicing } from "./slicing.js";

export type { ContractionStep, PathInfo } from "./path-summary.js";

/**
 * Prices a (valid) linear path over a network and describes each step; `labelNames[label]` names the labels.
 *
 * @example
 * describePath({ inputs: [[0, 1], [1, 2]], output: [0, 2], sizes: [2, 3, 4] }, [[0, 1]], ["i", "j", "k"]).flops;
 * //=> 48
 */
export function describePath(
  network: Network,
  path: LinearPath,
  labelNames: readonly string[],
  search: SearchReport = { method: "path", complete: true, trials: 0 },
  slicing?: Slicing,
): PathInfo {
  const { output } = network;
  // a sliced plan is described slice by slice: its labels count with size 1
  const sizes = slicing === undefined ? network.sizes : network.sizes.map((size, label) => (slicing.labels.includes(label) ? 1 : size));
  const termOf = (labels: readonly number[]): string => labels.map((label) => labelNames[label] ?? "?").join("");
  const equationOf = (operands: readonly (readonly number[])[]): string =>
    `${operands.map(termOf).join(",")}->${termOf(output)}`;
  // labels by slot (inputs, then each step's result), the live slots by position, and how many live operands
  // carry each label: every step costs its own size plus O(log n), whatever the network's size
  const labelsOf: (readonly number[])[] = network.inputs.map((labels) => [...labels]);
  const list = new OperandList(network.inputs.length, path.length);
  const carriers = new Map<number, number>();
  const count = (labels: readonly number[], delta: number): void => {
    for (const label of new Set(labels)) carriers.set(label, (carriers.get(label) ?? 0) + delta);
  };
  for (const labels of labelsOf) count(labels, 1);
  const isOutput = new Set<number>(output);
  const steps: ContractionStep[] = [];
  // whether a sliced label reaches the slot: the steps it does not reach run once, before the slices
  const varies = network.inputs.map((labels) => slicing !== undefined && labels.some((label) => slicing.labels.includes(label)));
  let sharedFlops = 0;
  let flops = 0;
  let largestIntermediate = 0;
  path.forEach((positions, index) => {
    const slots = list.remove(positions);
    const chosen = slots.map((slot) => labelsOf[slot] ?? []);
    for (const labels of chosen) count(labels, -1);
    const union = new Set<number>();
    for (const labels of chosen) for (const label of labels) union.add(label);
    const isLast = index === path.length - 1 && list.size === 0;
    const result = isLast ? [...output] : [...union].filter((label) => isOutput.has(label) || (carriers.get(label) ?? 0) > 0);
    const stepFlops = stepCost(sizeOfLabels([...union], sizes), chosen.length, result.length < union.size);
    const resultSize = sizeOfLabels(result, sizes);
    const resultSlot = list.append();
    labelsOf[resultSlot] = result;
    varies[resultSlot] = slots.some((slot) => varies[slot] === true);
    if (varies[resultSlot] !== true) sharedFlops += stepFlops;
    count(result, 1);
    flops += stepFlops;
    largestIntermediate = Math.max(largestIntermediate, resultSize);
    steps.push(
      lazyRemaining(
        {
          positions: [...positions],
          einsum: `${chosen.map(termOf).join(",")}->${termOf(result)}`,
          inputs: chosen,
          result,
          flops: stepFlops,
          resultSize,
          scaling: union.size,
        },
        () => equationOf(operandsAfter(network, path, index)),
      ),
    );
  });
  if (path.length === 0) largestIntermediate = sizeOfLabels(output, sizes);
  const all = new Set<number>(network.inputs.flat());
  const naiveFlops = stepCost(
    sizeOfLabels([...all], network.sizes),
    network.inputs.length,
    [...all].some((label) => !output.includes(label)),
  );
  const equation = equationOf(network.inputs);
  const slices = slicing?.slices ?? 1;
  const sliceFlops = slicing === undefined ? flops : flops - sharedFlops;
  const total = slicing === undefined ? flops : slicing.flops;
  const info: PathInfo = {
    path: path.map((positions) => [...positions]),
    flops: total,
    naiveFlops,
    speedup: total === 0 ? 1 : naiveFlops / total,
    largestIntermediate,
    steps,
    equation,
    search,
    ...(slicing === undefined
      ? {}
      : { slicing: { labels: slicing.labels, names: termOf(slicing.labels), order: slicing.order, slices, sliceFlops, sharedFlops } }),
    toString: () => formatReport(info, all.size),
    toDot: () => pathToDot(network, info, termOf),
  };
  return info;
}

/** A step whose `remaining` equation is written when it is first read (it is as long as the network). */
function lazyRemaining(step: Omit<ContractionStep, "remaining">, write: () => string): ContractionStep {
  let remaining: string | undefined;
  return Object.defineProperty(step, "remaining", {
    enumerable: true,
    get: () => (remaining ??= write()),
  }) as ContractionStep;
}

/** The operands' labels after the step at `index` of a path. */
function operandsAfter(network: Network, path: LinearPath, index: number): (readonly number[])[] {
  let operands: (readonly number[])[] = network.inputs.map((labels) => [...labels]);
  const output = new Set(network.output);
  path.slice(0, index + 1).forEach((positions, step) => {
    const chosen = positions.map((position) => operands[position] ?? []);
    const rest = operands.filter((_, position) => !positions.includes(position));
    const keep = new Set<number>(output);
    for (const labels of rest) for (const label of labels) keep.add(label);
    const union = new Set<number>(chosen.flat());
    const isLast = step === path.length - 1 && rest.length === 0;
    operands = [...rest, isLast ? [...network.output] : [...union].filter((label) => keep.has(label))];
  });
  return operands;
}
