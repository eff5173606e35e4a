import { expectType } from "tsd";
import { einsum, tensor, zeros, type EinsumShape, type Tensor } from "typed-einsum";

// Scalars are operands like any other; empty terms stand for them.
expectType<[2, 3]>({} as EinsumShape<",ab,->ab", [[], [2, 3], []]>);
expectType<[]>({} as EinsumShape<"->", [[]]>);
expectType<[]>({} as EinsumShape<"", [[]]>);
expectType<[3]>({} as EinsumShape<",i->i", [[], [3]]>);
expectType<[]>({} as EinsumShape<",", [[], []]>);
expectType<Tensor<[3], "float64">>(einsum(",i->i", tensor(2), tensor([1, 2, 3])));
expectType<Tensor<[], "float64">>(einsum("->", tensor(4)));

// Zero sizes are sizes like any other.
expectType<[0, 3]>({} as EinsumShape<"ij,jk->ik", [[0, 2], [2, 3]]>);
expectType<[3]>({} as EinsumShape<"ij->i", [[3, 0]]>);
expectType<[0]>({} as EinsumShape<"i,i->i", [[0], [1]]>);
expectType<Tensor<[0, 3], "float64">>(einsum("ij,jk->ik", zeros([0, 2]), zeros([2, 3])));

// Spaces anywhere are ignored.
expectType<[2, 5]>({} as EinsumShape<" i k , k j -> i j ", [[2, 3], [3, 5]]>);
expectType<[4, 3, 2]>({} as EinsumShape<"a b c", [[4, 3, 2]]>);
expectType<[2, 3]>({} as EinsumShape<" ... i ->... i", [[2, 3]]>);

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[]]>);
expectType<never>({} as EinsumShape<never, [[]]>);
expectType<number[]>({} as EinsumShape<string, [[]]>);
expectType<number[]>({} as EinsumShape<",ab,->ab", [[], number[], []]>);
