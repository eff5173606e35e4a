import { normalizeSublists } from "../parse/sublists.js";
import type { NormalizedSpec } from "../parse/spec.js";
import type { DTypeName } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";
import { readArguments, type EinsumOptions } from "./arguments.js";
import { toOperand } from "./operand.js";
import { planPath } from "./plan.js";
import { runPath } from "./run-path.js";
import { runSliced } from "./run-sliced.js";
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
  const call = readArguments(args);
  const operands = call.operands.map(toOperand);
  const shapes = operands.map((operand) => operand.shape);
  const spec: NormalizedSpec =
    call.form === "equation"
      ? cachedNormalizeEquation(call.equation, shapes)
      : normalizeSublists(call.sublists, call.output, shapes);
  const threads = checkThreads(call.options.threads);
  const { path, sliced } = planPath(spec, call.options);
  return sliced.length === 0 ? runPath(spec, operands, path, threads) : runSliced(spec, operands, path, sliced, threads);
}

export type { EinsumOptions };
