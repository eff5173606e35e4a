import { EinsumError } from "./einsum-error.js";
import { toOperand, type TensorLike } from "./execute/operand.js";
import { runPath } from "./execute/run-path.js";
import { checkOptions, isOptions } from "./execute/arguments.js";
import { compileRun } from "./execute/compiled-run.js";
import { runSliced } from "./execute/run-sliced.js";
import { writeExpressionShape, writeInvalidEquation, writeOperandCount } from "./messages.js";
import { searchPath, type OptimizeOption } from "./optimizer/choose-path.js";
import { normalizeEquation } from "./parse/normalize.js";
import type { DTypeName } from "./tensor/dtype.js";
import { describeEntry } from "./tensor/nested.js";
import { checkShape } from "./tensor/shape.js";
import type { Tensor } from "./tensor/tensor.js";
import type { EinsumOutcome, EinsumShape } from "./types/einsum-shape.js";
import type { ResultDType } from "./types/operands.js";
import type { ShapeParameters } from "./types/operand-parameter.js";
import type { EquationParameter, RefusalsOf } from "./types/validate.js";

/**
 * Options of {@link contractExpression}: how to order the contractions, the memory limit, and the threads each
 * call may use.
 *
 * @example
 * const options: ContractExpressionOptions = { optimize: "dp", threads: 2 };
 */
export interface ContractExpressionOptions {
  readonly optimize?: OptimizeOption;
  readonly memoryLimit?: number;
  readonly threads?: number;
  readonly maxElements?: number;
}

type Shapes = readonly (readonly number[])[];

/** The shapes among the arguments after the equation, without a trailing options object. */
type ShapesIn<Arguments extends readonly unknown[]> = Arguments extends readonly [
  ...infer Leading extends Shapes,
  infer Last,
]
  ? Last extends readonly number[]
    ? Arguments extends Shapes ? Arguments : Leading
    : Leading
  : Arguments extends Shapes
    ? Arguments
    : Shapes;

/**
 * The shapes after the equation, each as it is, or the run time's message when a refusal blames that operand, so
 * that a size or rank that does not fit is an error on that shape (see `ShapeParameters`).
 */
type CheckedShapes<Equation extends string, Arguments extends readonly unknown[]> =
  RefusalsOf<EinsumOutcome<Equation, ShapesIn<Arguments>>> extends infer Refusals extends string
    ? [Refusals] extends [never]
      ? Arguments
      : ShapeParameters<Arguments, Refusals>
    : never;

/** Operands with exactly the planned shapes. */
type OperandsFor<Planned extends Shapes> = { [Index in keyof Planned]: TensorLike<Planned[Index]> };

/**
 * A planned einsum: call it with operands of the planned shapes, as often as you like; the equation was parsed,
 * checked and its path searched once.
 *
 * @example
 * const matmul: ContractExpression<"ij,jk->ik", [[2, 3], [3, 4]]> = contractExpression("ij,jk->ik", [2, 3], [3, 4]);
 */
export type ContractExpression<Equation extends string, Planned extends Shapes> = <
  const Operands extends OperandsFor<Planned>,
>(
  ...operands: Operands
) => Tensor<EinsumShape<Equation, Planned>, ResultDType<Operands>>;

/**
 * Plans an einsum once for operands of the given shapes and returns a reusable, fully typed function, like
 * opt_einsum's `contract_expression`. The equation is checked against the shapes at compile time and at run time (a
 * size or rank that does not fit is a type error on that shape, any other mistake on the equation); each call checks
 * that its operands have the planned shapes (`EXPRESSION_SHAPE`).
 *
 * @example
 * const chain = contractExpression("ab,bc,cd->ad", [64, 8], [8, 64], [64, 8]);
 * const result = chain(randn([64, 8]), randn([8, 64]), randn([64, 8])); // Tensor<[64, 8], "float64">
 * // @ts-expect-error Type '65' is not assignable to type '64'.
 * chain(zeros([64, 8]), zeros([8, 65]), zeros([65, 8])); // throws EXPRESSION_SHAPE
 */
export function contractExpression<
  const Equation extends string,
  const Arguments extends Shapes | readonly [...Shapes, ContractExpressionOptions],
>(
  equation: EquationParameter<Equation, ShapesIn<Arguments>>,
  ...rest: CheckedShapes<Equation, Arguments>
): ContractExpression<Equation, ShapesIn<Arguments>>;
export function contractExpression(equation: unknown, ...rest: readonly unknown[]): unknown {
  if (typeof equation !== "string") throw new EinsumError("INVALID_EQUATION", writeInvalidEquation(describeEntry(equation)));
  const last = rest[rest.length - 1];
  const hasOptions = isOptions(last);
  const options = checkOptions((hasOptions ? last : {}) as ContractExpressionOptions);
  const planned = (hasOptions ? rest.slice(0, -1) : rest).map(checkShape);
  const spec = normalizeEquation(equation, planned);
  const { path, slicing } = searchPath(spec, options.optimize ?? "auto", options.memoryLimit);
  const sliced = slicing?.order ?? [];
  const { threads, maxElements } = options;
  // Sizing every array of the run now refuses an expression too large to run before it is ever called; a sliced
  // run is sized slice by slice when it runs.
  if (sliced.length === 0) compileRun(spec, planned, path, maxElements);
  return (...operands: unknown[]): Tensor<number[], DTypeName> => {
    if (operands.length !== planned.length) {
      throw new EinsumError("OPERAND_COUNT", writeOperandCount(planned.length, operands.length), { equation });
    }
    const checked = operands.map((value, index) => {
      const operand = toOperand(value, index, maxElements);
      const shape = planned[index] ?? [];
      if (operand.shape.length !== shape.length || operand.shape.some((size, axis) => size !== shape[axis])) {
        throw new EinsumError("EXPRESSION_SHAPE", writeExpressionShape(index, operand.shape, shape), { equation });
      }
      return operand;
    });
    return sliced.length === 0
      ? runPath(spec, checked, path, threads, maxElements)
      : runSliced(spec, checked, path, sliced, threads, maxElements);
  };
}
