import { forEachStep } from "../optimizer/slicing.js";
import type { NormalizedSpec } from "../parse/spec.js";

/**
 * A contraction of some of the inputs (`inputs`, by position) that every slice would repeat: its own spec (those
 * inputs' labels, and as output the labels its result keeps) and its linear path.
 *
 * @example
 * const part: SharedPart = { inputs: [1, 2], spec, path: [[0, 1]] };
 */
export interface SharedPart {
  readonly inputs: readonly number[];
  readonly spec: NormalizedSpec;
  readonly path: readonly (readonly number[])[];
}

/**
 * A sliced plan split into the steps that no sliced label reaches and the rest: `shared` are contracted once, and
 * each slice runs `rest.spec` on the inputs `rest.inputs` (by position) followed by the results of `shared`, in
 * order, along `rest.path`.
 *
 * @example
 * const split: SharedSplit = { shared: [part], rest: { inputs: [0], spec, path: [[0, 1]] } };
 */
export interface SharedSplit {
  readonly shared: readonly SharedPart[];
  readonly rest: SharedPart;
}

interface Step {
  readonly slots: readonly number[];
  readonly resultSlot: number;
  readonly result: readonly number[];
  readonly varies: boolean;
}

/**
 * Splits a sliced plan: the steps of `path` below which no input carries a sliced label give the same result in
 * every slice, so each largest such subtree becomes a {@link SharedPart} to contract once, and the slices run the
 * other steps with those results as inputs. The steps, and so their intermediates, are the same as the path's.
 * `undefined` when no step is shared.
 *
 * @example
 * splitShared(normalizeEquation("ab,bc,cd->ad", [[2, 3], [3, 4], [4, 5]]), [[1, 2], [0, 1]], [0])?.shared[0]?.inputs; //=> [1, 2]
 */
export function splitShared(spec: NormalizedSpec, path: readonly (readonly number[])[], sliced: readonly number[]): SharedSplit | undefined {
  const network = { inputs: spec.inputs, output: spec.output, sizes: spec.sizes };
  const varies: boolean[] = spec.inputs.map((labels) => labels.some((label) => sliced.includes(label)));
  const steps: Step[] = [];
  const stepOf = new Map<number, Step>();
  const consumedBy = new Map<number, Step>();
  forEachStep(network, path.map((positions) => [...positions]), (_, result, __, slots, resultSlot) => {
    const step = { slots: [...slots], resultSlot, result: [...result], varies: slots.some((slot) => varies[slot] === true) };
    varies[resultSlot] = step.varies;
    steps.push(step);
    stepOf.set(resultSlot, step);
    for (const slot of slots) consumedBy.set(slot, step);
  });
  const roots = steps.filter((step) => !step.varies && consumedBy.get(step.resultSlot)?.varies === true);
  if (roots.length === 0) return undefined;
  const inputCount = spec.inputs.length;
  const labelsOf = (slot: number): readonly number[] => (slot < inputCount ? (spec.inputs[slot] ?? []) : (stepOf.get(slot)?.result ?? []));
  const shared = roots.map((root): SharedPart => {
    const leaves: number[] = [];
    const below = new Set<number>();
    const collect = (slot: number): void => {
      below.add(slot);
      const step = stepOf.get(slot);
      if (step === undefined) leaves.push(slot);
      else for (const child of step.slots) collect(child);
    };
    collect(root.resultSlot);
    leaves.sort((a, b) => a - b);
    const partSteps = steps.filter((step) => below.has(step.resultSlot));
    return {
      inputs: leaves,
      spec: { ...spec, inputs: leaves.map(labelsOf), output: root.result },
      path: linearPath(leaves, partSteps),
    };
  });
  const inShared = new Set(shared.flatMap((part) => part.inputs));
  const restInputs = spec.inputs.map((_, input) => input).filter((input) => !inShared.has(input));
  const restSlots = [...restInputs, ...roots.map((root) => root.resultSlot)];
  return {
    shared,
    rest: {
      inputs: restInputs,
      spec: { ...spec, inputs: restSlots.map(labelsOf) },
      path: linearPath(restSlots, steps.filter((step) => step.varies)),
    },
  };
}

/** The linear path of `steps` (in order) on an operand list that starts as `slots`. */
function linearPath(slots: readonly number[], steps: readonly Step[]): number[][] {
  const list = [...slots];
  return steps.map((step) => {
    const positions = step.slots.map((slot) => list.indexOf(slot));
    for (const position of [...positions].sort((a, b) => b - a)) list.splice(position, 1);
    list.push(step.resultSlot);
    return positions;
  });
}
