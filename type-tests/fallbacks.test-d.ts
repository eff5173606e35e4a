import { expectError, expectType } from "tsd";
import { einsum, zeros, type DTypeName, type EinsumShape, type Tensor } from "typed-einsum";

declare const size: number;
declare const equation: string;
declare const loose: Tensor<number[]>;
declare const operands: Tensor<[2, 3]>[];

// A dimension typed `number` stays `number`, with no error.
expectType<Tensor<[number, 4], "float64">>(einsum("ij,jk->ik", zeros([size, 3]), zeros([3, 4])));
expectType<Tensor<[2, 4], "float64">>(einsum("ij,jk->ik", zeros([2, size]), zeros([3, 4])));
expectType<[number]>({} as EinsumShape<"ij->j", [[2, number]]>);

// An operand of unknown rank, an operand list of unknown length or an equation typed `string`: number[].
expectType<Tensor<number[], "float64">>(einsum("ij,jk->ik", zeros([2, 3]), loose));
expectType<Tensor<number[], "float64">>(einsum("ij->ji", ...operands));
expectType<Tensor<number[], "float64">>(einsum(equation, zeros([2, 3])));
const plain = { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] };
expectType<Tensor<number[], "float64">>(einsum("ij->ji", plain));
// Written inline, a plain operand's shape is read as a literal.
expectType<Tensor<[3, 2], "float64">>(einsum("ij->ji", { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }));
// The grammar and the operand count are still checked.
expectError(einsum("i1->i", loose));
expectError(einsum("ij,jk->ik", loose));

// The sublist form is typed loosely.
expectType<Tensor<number[], DTypeName>>(einsum(zeros([2, 3]), [0, 1], [1, 0]));
expectType<Tensor<number[], DTypeName>>(einsum(zeros([2, 3]), [0, 1], zeros([3, 4]), [1, 2], [0, 2], { optimize: "dp" }));

// ---- boundary types ------------------------------------------------------------------------------------------
declare const anyEquation: any;
declare const neverEquation: never;
declare const anyOperand: any;
expectType<Tensor<number[], "float64">>(einsum(anyEquation, zeros([2, 3])));
expectType<Tensor<number[], "float64">>(einsum(neverEquation, zeros([2, 3])));
expectType<Tensor<number[], DTypeName>>(einsum("ij->ji", anyOperand));
expectType<number[]>({} as EinsumShape<"ij->ji", [number[]]>);
expectType<number[]>({} as EinsumShape<string, [[2, 3]]>);
