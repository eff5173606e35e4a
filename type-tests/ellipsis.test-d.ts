import { expectError, expectType } from "tsd";
import { einsum, zeros, type EinsumShape, type Tensor } from "typed-einsum";

// `...` stands for the dimensions no label names, broadcast right-aligned (NumPy's rules).
expectType<[5, 2]>({} as EinsumShape<"...i->...i", [[5, 2]]>);
expectType<[2, 5]>({} as EinsumShape<"...i->i...", [[5, 2]]>);
expectType<[2, 3]>({} as EinsumShape<"i...->...", [[4, 2, 3]]>);
expectType<[2, 5, 6, 3]>({} as EinsumShape<"i...j->i...j", [[2, 5, 6, 3]]>);
expectType<[2, 4, 2, 2]>({} as EinsumShape<"...ij,...jk", [[2, 1, 2, 3], [4, 3, 2]]>);
expectType<[2, 3]>({} as EinsumShape<"...,...->...", [[2, 1], [3]]>);
expectType<[7, 4, 3]>({} as EinsumShape<"...,...->...", [[4, 1], [7, 1, 3]]>);
expectType<[]>({} as EinsumShape<"...->...", [[]]>);
// An ellipsis may stand for no dimension at all.
expectType<[2, 3]>({} as EinsumShape<"...ij->...ij", [[2, 3]]>);
expectType<[2, 4]>({} as EinsumShape<"ij...,jk...", [[2, 3], [3, 4]]>);
// Where `...` stands in the output is where the dimensions go.
expectType<[3, 7, 2]>({} as EinsumShape<"a...b->b...a", [[2, 7, 3]]>);
expectType<Tensor<[2, 4, 2, 2], "float64">>(einsum("...ij,...jk", zeros([2, 1, 2, 3]), zeros([4, 3, 2])));

// Refusals: dimensions that do not broadcast, a missing `...` in the output, a rank below the labels.
expectError(einsum("...,...->...", zeros([2, 3]), zeros([4, 3])));
expectError(einsum("...ij->ij", zeros([5, 2, 3])));
expectError(einsum("...ij->...", zeros([2])));

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[5, 2]]>);
expectType<never>({} as EinsumShape<never, [[5, 2]]>);
expectType<number[]>({} as EinsumShape<string, [[5, 2]]>);
expectType<number[]>({} as EinsumShape<"...i->...i", [number[]]>);
// Ellipsis sizes typed `number` broadcast with no error.
expectType<[number, 3]>({} as EinsumShape<"...,...->...", [[number, 1], [3]]>);
expectType<[7]>({} as EinsumShape<"...,...->...", [[number], [7]]>);
