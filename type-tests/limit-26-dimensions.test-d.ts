import { expectError, expectType } from "tsd";
import { einsum, zeros, type EinsumShape, type Tensor, type ValidateEquation } from "typed-einsum";

// A 26-dimensional operand: permuted, summed, under an ellipsis, on a diagonal, and refused.
expectType<[2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1]>({} as EinsumShape<"abcdefghijklmnopqrstuvwxyz->zyxwvutsrqponmlkjihgfedcba", [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<Tensor<[2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1], "float64">>(einsum("abcdefghijklmnopqrstuvwxyz->zyxwvutsrqponmlkjihgfedcba", zeros([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2])));
expectType<[]>({} as EinsumShape<"abcdefghijklmnopqrstuvwxyz->", [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]>({} as EinsumShape<"...->...", [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<[2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1]>({} as EinsumShape<"a...z->...", [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]>({} as EinsumShape<"...,...->...", [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2], [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<[3]>({} as EinsumShape<"aaaaaaaaaaaaaaaaaaaaaaaaaa->a", [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]]>);
expectError(einsum("abcdefghijklmnopqrstuvwxyz->zyxwvutsrqponmlkjihgfedcba", zeros([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1])));
expectType<"operand 0 has rank 25 but its term 'abcdefghijklmnopqrstuvwxyz' names 26 dimensions">({} as ValidateEquation<"abcdefghijklmnopqrstuvwxyz", [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1]]>);

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<never>({} as EinsumShape<never, [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<number[]>({} as EinsumShape<string, [[1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]]>);
expectType<number[]>({} as EinsumShape<"abcdefghijklmnopqrstuvwxyz", [number[]]>);
