export { einsum } from "./einsum.js";
export { EinsumError } from "./einsum-error.js";
export type { EinsumErrorCode } from "./messages.js";
export type { EinsumOptions } from "./execute/arguments.js";
export { setMaxElements } from "./execute/limits.js";
export type { TensorLike } from "./execute/operand.js";
export type { SublistLabel } from "./parse/sublists.js";
export { Tensor } from "./tensor/tensor.js";
export { tensor, zeros, ones, arange, randn } from "./tensor/constructors.js";
export type { DTypeName } from "./tensor/dtype.js";
export { contractPath } from "./contract-path.js";
export type {
  PathInfo,
  ContractionStep,
  ContractPathOptions,
  ContractionNetwork,
  OptimizeOption,
  SearchOptions,
  SearchReport,
  StopReason,
} from "./contract-path.js";
export type { EinsumShape } from "./types/einsum-shape.js";
export type { ValidateEquation } from "./types/validate.js";
export type { EquationParameter, Refusal } from "./types/validate.js";
export type { RefusalsOf } from "./types/validate.js";
export type { OperandAtFault, OperandParameters, ShapeParameters } from "./types/operand-parameter.js";
export type { InputContinuations } from "./types/continuations.js";
export { contractExpression } from "./contract-expression.js";
export type { ContractExpression, ContractExpressionOptions } from "./contract-expression.js";
// Types that appear in public signatures, exported so that a consumer emitting declarations can name them.
export type { NestedNumbers, NestedArrayOf, ShapeOfNested } from "./tensor/nested.js";
export type { WritableShape } from "./tensor/shape.js";
export type { DataArray, DataArrayOf } from "./tensor/dtype.js";
export type { ArangeShape, ArangeRangeShape } from "./types/arange.js";
export type { EinsumArguments, OperandsOf, ResultDType, ShapesOf } from "./types/operands.js";
export type { IsAny } from "./types/guards.js";
export type { ValidateReshape } from "./types/reshape.js";
export type { LinearPath } from "./optimizer/network.js";
export type { PathSearchName } from "./optimizer/registry.js";
export { toOptEinsum, fromOptEinsum, toCotengra, fromCotengra } from "./optimizer/interchange.js";
export type { OptEinsumPlan, CotengraPlan, NetworkPlan } from "./optimizer/interchange.js";
export { noGrad } from "./autograd/grad-mode.js";
export { grad, vjp } from "./autograd/functional.js";
export { add, sub, mul, div } from "./ops/binary.js";
export { neg, exp, log, tanh, sigmoid, relu } from "./ops/unary.js";
export { softmax } from "./ops/softmax.js";
export { sum, mean } from "./ops/sum.js";
export { unsqueeze } from "./ops/unsqueeze.js";
export { expand, expandAs } from "./ops/expand.js";
export { cat } from "./ops/cat.js";
export type { TensorOptions } from "./tensor/constructors.js";
export type { BroadcastShapes } from "./ops-types/broadcast-shapes.js";
export type { UnsqueezeShape } from "./ops-types/unsqueeze-shape.js";
export type { CatShape } from "./ops-types/cat-shape.js";
export type { SumShape } from "./ops-types/sum-shape.js";
export type { ExpandShape } from "./ops-types/expand-shape.js";
