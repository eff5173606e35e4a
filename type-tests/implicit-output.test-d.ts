import { expectType } from "tsd";
import { einsum, zeros, type EinsumShape, type Tensor } from "typed-einsum";

// Implicit mode: the labels used exactly once, in ASCII order (uppercase first).
expectType<[2, 4]>({} as EinsumShape<"ij,jk", [[2, 3], [3, 4]]>);
expectType<[3, 2]>({} as EinsumShape<"ji", [[2, 3]]>);
expectType<[2, 3]>({} as EinsumShape<"ij", [[2, 3]]>);
expectType<[4, 2]>({} as EinsumShape<"ba,Ca", [[2, 3], [4, 3]]>);
expectType<[9, 3, 4]>({} as EinsumShape<"ba,cb,D", [[2, 3], [4, 2], [9]]>);
expectType<[6, 5, 4, 3, 2]>({} as EinsumShape<"zyxwv", [[2, 3, 4, 5, 6]]>);
expectType<[1, 2, 3, 4]>({} as EinsumShape<"AZaz", [[1, 2, 3, 4]]>);
expectType<[2, 3]>({} as EinsumShape<"MN", [[2, 3]]>);
// A label used twice is summed, even inside one operand.
expectType<[]>({} as EinsumShape<"i,i", [[3], [3]]>);
expectType<[3]>({} as EinsumShape<"iij", [[2, 2, 3]]>);
// Every label repeated: a scalar.
expectType<[]>({} as EinsumShape<"ab,ab", [[2, 3], [2, 3]]>);
// Ellipsis dimensions come first.
expectType<[5, 3, 2]>({} as EinsumShape<"...ji", [[5, 2, 3]]>);
expectType<Tensor<[4, 2], "float64">>(einsum("ba,Ca", zeros([2, 3]), zeros([4, 3])));

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[2, 3]]>);
expectType<never>({} as EinsumShape<never, [[2, 3]]>);
expectType<number[]>({} as EinsumShape<string, [[2, 3], [3, 4]]>);
expectType<number[]>({} as EinsumShape<"ij,jk", [[2, 3], number[]]>);
