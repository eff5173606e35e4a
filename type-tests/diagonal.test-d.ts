import { expectError, expectType } from "tsd";
import { arange, einsum, zeros, type EinsumShape, type Tensor } from "typed-einsum";

// A label repeated inside one operand takes the diagonal; with no output label it is the trace.
expectType<[3]>({} as EinsumShape<"ii->i", [[3, 3]]>);
expectType<[]>({} as EinsumShape<"ii->", [[3, 3]]>);
expectType<[]>({} as EinsumShape<"ii", [[3, 3]]>);
expectType<[2]>({} as EinsumShape<"iii->i", [[2, 2, 2]]>);
expectType<[4, 3]>({} as EinsumShape<"iji->ji", [[3, 4, 3]]>);
expectType<[2, 5]>({} as EinsumShape<"aab,bc->ac", [[2, 2, 3], [3, 5]]>);
expectType<Tensor<[3], "int32">>(einsum("ii->i", arange(9).reshape([3, 3])));
expectType<Tensor<[], "int32">>(einsum("ii", arange(9).reshape([3, 3])));

// Unequal sizes under one repeated label are refused.
expectError(einsum("ii->i", zeros([2, 3])));
expectError(einsum("jii->j", zeros([4, 2, 3])));

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[3, 3]]>);
expectType<never>({} as EinsumShape<never, [[3, 3]]>);
expectType<number[]>({} as EinsumShape<string, [[3, 3]]>);
expectType<number[]>({} as EinsumShape<"ii->i", [number[]]>);
expectType<[3]>({} as EinsumShape<"ii->i", [[number, 3]]>);
expectType<[number]>({} as EinsumShape<"ii->i", [[number, number]]>);
