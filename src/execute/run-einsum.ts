import type { NormalizedSpec } from "../parse/spec.js";
import type { DTypeName } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";
import { checkOptions, readArguments, type EinsumCall, type EinsumOptions } from "./arguments.js";
import { toOperand, type Operand } from "./operand.js";
import { planPath } from "./plan.js";
import { runPath } from "./run-path.js";
import { runSliced } from "./run-sliced.js";
import { cachedNormalizeEquation, cachedNormalizeSublists } from "./spec-cache.js";

/**
 * The run-time einsum behind every call form: sorts out the arguments, checks the operands, normalizes the
 * equation against their shapes, plans the contraction order and executes it. Inputs are never changed.
 *
 * @example
 * runEinsum(["ij->ji", arange(6).reshape([2, 3])]).shape; //=> [3, 2]
 */
export function runEinsum(args: readonly unknown[]): Tensor<number[], DTypeName> {
  const { spec, operands, path, sliced, threads, maxElements } = prepareEinsum(args);
  return sliced.length === 0
    ? runPath(spec, operands, path, threads, maxElements)
    : runSliced(spec, operands, path, sliced, threads, maxElements);
}

/**
 * An einsum call made ready to run: its arguments as given, the checked operands, the spec, the path and its sliced
 * labels, the threads and the size limit.
 */
export interface PreparedEinsum {
  readonly call: EinsumCall;
  readonly operands: readonly Operand[];
  readonly spec: NormalizedSpec;
  readonly path: readonly (readonly number[])[];
  /** The labels a memory limit slices the run over (none without one). */
  readonly sliced: readonly number[];
  readonly threads: number;
  readonly maxElements: number;
}

/**
 * Sorts out an einsum call's arguments, checks the operands, normalizes the equation against their shapes and
 * plans the contraction order.
 *
 * @example
 * prepareEinsum(["ij,jk", zeros([2, 3]), zeros([3, 4])]).path; //=> [[0, 1]]
 */
export function prepareEinsum(args: readonly unknown[]): PreparedEinsum {
  const call = readArguments(args);
  const options = checkOptions(call.options);
  const operands = call.operands.map((operand, index) => toOperand(operand, index, options.maxElements));
  const shapes = operands.map((operand) => operand.shape);
  const spec: NormalizedSpec =
    call.form === "equation"
      ? cachedNormalizeEquation(call.equation, shapes)
      : cachedNormalizeSublists(call.sublists, call.output, shapes);
  const { path, sliced } = planPath(spec, options);
  return { call, operands, spec, path, sliced, threads: options.threads, maxElements: options.maxElements };
}

export type { EinsumOptions };
