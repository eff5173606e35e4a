import { normalizeSublists } from "../parse/sublists.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { DTypeName } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";
import { readArguments, type EinsumCall, type EinsumOptions } from "./arguments.js";
import { toOperand, type Operand } from "./operand.js";
import { planPath } from "./plan.js";
import { runPath } from "./run-path.js";
import { cachedNormalizeEquation } from "./spec-cache.js";
import { checkThreads } from "./threads-option.js";

/**
 * The run-time einsum behind every call form: sorts out the arguments, checks the operands, normalizes the
 * equation against their shapes, plans the contraction order and executes it. Inputs are never changed.
 *
 * @example
 * runEinsum(["ij->ji", arange(6).reshape([2, 3])]).shape; //=> [3, 2]
 */
export function runEinsum(args: readonly unknown[]): Tensor<number[], DTypeName> {
  const { spec, operands, path, threads } = prepareEinsum(args);
  return runPath(spec, operands, path, threads);
}

/** An einsum call made ready to run: its arguments as given, the checked operands, the spec, the path, the threads. */
export interface PreparedEinsum {
  readonly call: EinsumCall;
  readonly operands: readonly Operand[];
  readonly spec: NormalizedSpec;
  readonly path: readonly (readonly number[])[];
  readonly threads: number;
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
  const operands = call.operands.map(toOperand);
  const shapes = operands.map((operand) => operand.shape);
  const spec: NormalizedSpec =
    call.form === "equation"
      ? cachedNormalizeEquation(call.equation, shapes)
      : normalizeSublists(call.sublists, call.output, shapes);
  return { call, operands, spec, path: planPath(spec, call.options), threads: checkThreads(call.options.threads) };
}

export type { EinsumOptions };
