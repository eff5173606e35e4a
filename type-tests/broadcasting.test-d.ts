import { expectError, expectType } from "tsd";
import { einsum, tensor, zeros, type EinsumShape, type Tensor } from "typed-einsum";

// A labelled dimension of size 1 broadcasts against the same label's larger size, in either order.
expectType<[2, 4]>({} as EinsumShape<"ij,jk->ik", [[2, 1], [3, 4]]>);
expectType<[2, 4]>({} as EinsumShape<"ij,jk->ik", [[2, 3], [1, 4]]>);
expectType<[2, 3]>({} as EinsumShape<"ij,ij->ij", [[2, 1], [2, 3]]>);
expectType<[2, 3]>({} as EinsumShape<"ij,ij->ij", [[1, 3], [2, 1]]>);
expectType<[1]>({} as EinsumShape<"i,i->i", [[1], [1]]>);
expectType<[5]>({} as EinsumShape<"i,i,i->i", [[1], [5], [1]]>);
expectType<Tensor<[2, 3], "float64">>(einsum("ij,ij->ij", tensor([[1], [2]]), tensor([[1, 2, 3], [4, 5, 6]])));

// Sizes other than 1 must agree.
expectError(einsum("ij,jk->ik", zeros([2, 3]), zeros([4, 5])));
expectError(einsum("i,i,i->i", zeros([1]), zeros([5]), zeros([4])));
expectError(einsum("ij,ij->ij", zeros([2, 3]), zeros([3, 2])));

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[2, 1], [3, 4]]>);
expectType<never>({} as EinsumShape<never, [[2, 1], [3, 4]]>);
expectType<number[]>({} as EinsumShape<string, [[2, 1], [3, 4]]>);
expectType<number[]>({} as EinsumShape<"ij,jk->ik", [number[], [3, 4]]>);
// A size typed `number` against 1 stays `number`; against a literal size it takes that size.
expectType<[number]>({} as EinsumShape<"i,i->i", [[number], [1]]>);
expectType<[5]>({} as EinsumShape<"i,i->i", [[number], [5]]>);
expectType<[5]>({} as EinsumShape<"i,i->i", [[5], [number]]>);
