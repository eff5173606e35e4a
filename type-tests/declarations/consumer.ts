// A consumer that publishes declarations: every value below is exported without a type annotation, so the
// compiler must name each inferred type from typed-einsum's public exports (TS2742/TS2883 otherwise).
import { arange, contractExpression, contractPath, einsum, ones, randn, tensor, zeros } from "typed-einsum";

export const xs = tensor([1, 2, 3, 4, 5, 6], [2, 3]).toArray();
export const nested = tensor([[1, 2], [3, 4]]);
export const matrix = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
export const product = einsum("ij,jk->ik", zeros([2, 3]), ones([3, 4]));
export const listed = einsum("ij->ji", [arange(6).reshape([2, 3])]);
export const sublist = einsum(zeros([2, 3]), [0, 1], zeros([3, 4]), [1, 2], [0, 2]);
export const drawn = randn([2, 2], { seed: 1 });
export const info = contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5]);
export const expression = contractExpression("ij,jk->ik", [2, 3], [3, 4]);
export const applied = expression(zeros([2, 3]), zeros([3, 4]));
export const listedArray = product.toArray();
export const item = einsum("i,i->", arange(3), arange(3)).item();

const data: number[] = [1, 2, 3, 4, 5, 6];
const shape: number[] = [2, 3];
export const unknownShape = tensor(data, shape).toArray();
export const unknownTensor = tensor(data, shape);
export const unknownProduct = einsum("ij,jk->ik", tensor(data, shape), tensor(data, shape));
export const unknownEquation = einsum("ij,jk->ik" as string, tensor(data, shape), tensor(data, shape));
export const nestedUnknown = tensor([[1, 2], [3, 4]] as number[][]);
export const summed = einsum("i->", tensor(data, shape));
export function firstRow(values: readonly number[]) {
  return tensor(values, [2, values.length / 2]).toArray()[0];
}
export const dtypeOf = <T extends { dtype: unknown }>(value: T) => value.dtype;
export const wide = dtypeOf(einsum("ij->", tensor(data, shape)));
