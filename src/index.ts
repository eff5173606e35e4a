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
} from "./contract-path.js";
export type { EinsumShape } from "./types/einsum-shape.js";
export type { ValidateEquation } from "./types/validate.js";
export { contractExpression } from "./contract-expression.js";
export type { ContractExpression, ContractExpressionOptions } from "./contract-expression.js";
