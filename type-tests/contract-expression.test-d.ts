import { expectError, expectType } from "tsd";
import { arange, contractExpression, randn, zeros, type Tensor } from "typed-einsum";

// The planned function gives the exact shape and the promoted dtype of its operands.
const chain = contractExpression("ab,bc,cd->ad", [64, 8], [8, 64], [64, 8]);
expectType<Tensor<[64, 8], "float64">>(chain(randn([64, 8]), randn([8, 64]), randn([64, 8])));
const product = contractExpression("ij,jk->ik", [2, 3], [3, 4], { optimize: "greedy" });
expectType<Tensor<[2, 4], "int32">>(product(arange(6).reshape([2, 3]), arange(12).reshape([3, 4])));
expectType<Tensor<[2, 4], "float32">>(product(zeros([2, 3], "float32"), arange(12).reshape([3, 4])));

// The equation is checked against the planned shapes, in the run time's words.
expectError(contractExpression("ij,jk->ik", [2, 3], [4, 4]));
expectError(contractExpression("ij->ik", [2, 3]));

// Operands of other shapes, or too few of them, do not compile.
expectError(chain(zeros([64, 8]), zeros([8, 65]), zeros([65, 8])));
expectError(chain(zeros([64, 8]), zeros([8, 64])));

// Boundary types: a string equation or shapes of unknown rank fall back to number[].
declare const equation: string;
declare const shape: number[];
expectType<Tensor<number[], "float64">>(contractExpression(equation, [2, 3])(zeros([2, 3])));
expectType<Tensor<number[], "float64">>(contractExpression("ij->ji", shape)(zeros([2, 3]) as Tensor<number[]>));
