import { expectError, expectType } from "tsd";
import { arange, randn, zeros, type Tensor } from "typed-einsum";
import type { WriteReshapeSize } from "../src/messages.js";

// reshape keeps the literal shape, and checks the size when both shapes are literal.
expectType<Tensor<[2, 3], "int32">>(arange(6).reshape([2, 3]));
expectType<Tensor<[3, 2], "int32">>(arange(6).reshape([2, 3]).reshape([3, 2]));
expectType<Tensor<[6], "float64">>(zeros([1, 2, 3]).reshape([6]));
expectType<Tensor<[], "float64">>(zeros([1, 1]).reshape([]));
expectType<Tensor<[0, 5], "float64">>(zeros([0]).reshape([0, 5]));
expectType<Tensor<[1024, 3072], "float64">>(randn([1024, 1024, 3]).reshape([1024, 3072]));

expectError(arange(6).reshape([4, 2]));
expectError(zeros([2, 3]).reshape([7]));
expectError(zeros([1024, 1024]).reshape([1024, 1023]));

// The refusal's text is the run time's message.
const a23 = zeros([2, 3]);
expectType<WriteReshapeSize<[2, 3], 6, readonly [4, 2], 8>>(
  {} as Parameters<typeof a23.reshape<readonly [4, 2]>>[0],
);

// ---- boundary types ------------------------------------------------------------------------------------------
declare const size: number;
declare const sizes: number[];
declare const loose: Tensor<number[]>;
declare const anything: any;
expectType<Tensor<[4, 2], "int32">>(arange(size).reshape([4, 2]));
expectType<Tensor<[2, number], "int32">>(arange(6).reshape([2, size]));
expectType<Tensor<number[], "int32">>(arange(6).reshape(sizes));
expectType<Tensor<[4, 2], "float64">>(loose.reshape([4, 2]));
expectType<Tensor<any[], "float64">>(zeros([2, 3]).reshape(anything));
