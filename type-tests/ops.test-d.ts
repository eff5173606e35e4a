import { expectError, expectType } from "tsd";
import {
  add, cat, div, einsum, exp, expand, expandAs, log, mean, mul, neg, randn, relu, sigmoid, softmax, sub, sum, tanh, unsqueeze, zeros,
  type BroadcastShapes, type CatShape, type ExpandShape, type SumShape, type Tensor, type UnsqueezeShape,
} from "typed-einsum";
import type { WriteBroadcastMismatch, WriteCatShape, WriteDimOutOfRange, WriteExpandShape } from "../src/messages.js";
import type { Failure } from "../src/types/failure.js";

// Binary ops broadcast the NumPy way, at compile time.
expectType<Tensor<[2, 5, 3], "float64">>(add(zeros([2, 5, 3]), zeros([5, 3])));
expectType<Tensor<[2, 5, 3], "float64">>(add(zeros([2, 1, 3]), zeros([5, 1])));
expectType<Tensor<[4, 3], "float64">>(sub(zeros([1, 3]), zeros([4, 1])));
expectType<Tensor<[2, 3], "float64">>(mul(zeros([2, 3]), 2));
expectType<Tensor<[2, 3], "float64">>(div(2, zeros([2, 3])));
expectType<Tensor<[], "float64">>(add(zeros([]), zeros([])));
expectType<Tensor<[0, 3], "float64">>(add(zeros([0, 3]), zeros([3])));
expectError(add(zeros([2, 3]), zeros([4])));
expectError(mul(zeros([2, 3, 4]), zeros([5, 1, 4])));

// Dtypes follow PyTorch's promotion.
expectType<Tensor<[2], "int32">>(add(zeros([2], "int32"), zeros([2], "int32")));
expectType<Tensor<[2], "float32">>(add(zeros([2], "int32"), zeros([2], "float32")));
expectType<Tensor<[2], "float64">>(mul(zeros([2], "float32"), zeros([2])));
expectType<Tensor<[2], "int32">>(mul(zeros([2], "int32"), 3));
expectType<Tensor<[2], "float32">>(mul(zeros([2], "int32"), 0.5));
expectType<Tensor<[2], "float32">>(div(zeros([2], "int32"), zeros([2], "int32")));
expectType<Tensor<[2, 3], "float32">>(exp(zeros([2, 3], "int32")));
expectType<Tensor<[2, 3], "int32">>(relu(zeros([2, 3], "int32")));
expectType<Tensor<[2, 3], "float32">>(neg(zeros([2, 3], "float32")));
expectType<Tensor<[2, 3], "float64">>(log(zeros([2, 3])));
expectType<Tensor<[2, 3], "float64">>(sigmoid(zeros([2, 3])));
expectType<Tensor<[2, 3], "float64">>(tanh(zeros([2, 3])));

// Dimensions, negative ones counted from the end.
expectType<Tensor<[2, 1, 3], "float64">>(unsqueeze(zeros([2, 3]), 1));
expectType<Tensor<[2, 3, 1], "float64">>(unsqueeze(zeros([2, 3]), -1));
expectType<Tensor<[1, 2, 3], "float64">>(unsqueeze(zeros([2, 3]), -3));
expectType<Tensor<[1], "float64">>(unsqueeze(zeros([]), 0));
expectError(unsqueeze(zeros([2, 3]), 3));
expectError(unsqueeze(zeros([2, 3]), -4));
expectType<Tensor<[3, 5], "float64">>(softmax(zeros([3, 5]), 1));
expectType<Tensor<[3, 5], "float64">>(softmax(zeros([3, 5]), -2));
expectError(softmax(zeros([3, 5]), 2));
expectType<Tensor<[2, 4], "float64">>(sum(zeros([2, 3, 4]), 1));
expectType<Tensor<[1, 3, 1], "float64">>(sum(zeros([2, 3, 4]), [0, -1], true));
expectType<Tensor<[], "float64">>(sum(zeros([2, 3, 4])));
expectType<Tensor<[2], "int32">>(sum(zeros([2, 3], "int32"), 1));
expectType<Tensor<[3], "float32">>(mean(zeros([2, 3], "int32"), 0));
expectError(sum(zeros([2, 3]), 2));

// expand, expandAs and cat.
expectType<Tensor<[4, 3], "float64">>(expand(zeros([1, 3]), [4, -1]));
expectType<Tensor<[2, 4, 3], "float64">>(expand(zeros([4, 1]), [2, 4, 3]));
expectError(expand(zeros([2, 3]), [4, 4]));
expectType<Tensor<[2, 3], "float64">>(expandAs(zeros([3]), zeros([2, 3])));
expectType<Tensor<[4, 7], "float64">>(cat([zeros([4, 1]), zeros([4, 6])], 1));
expectType<Tensor<[5, 2], "float32">>(cat([zeros([2, 2], "float32"), zeros([3, 2], "int32")], 0));
expectType<Tensor<[4, 7], "float64">>(cat([zeros([4, 1]), zeros([4, 6])], -1));
expectError(cat([zeros([4, 1]), zeros([3, 2])], 1));
expectError(cat([zeros([4, 1]), zeros([4, 2])], 2));

// The refusals' text is the run time's message.
expectType<Failure<WriteBroadcastMismatch<[2, 3], [4], -1, 3, 4>>>({} as BroadcastShapes<[2, 3], [4]>);
expectType<Failure<WriteBroadcastMismatch<[2, 3, 4], [5, 1, 4], -3, 2, 5>>>({} as BroadcastShapes<[2, 3, 4], [5, 1, 4]>);
expectType<Failure<WriteDimOutOfRange<3, 2, -3, 2>>>({} as UnsqueezeShape<[2, 3], 3>);
expectType<Failure<WriteDimOutOfRange<2, 2, -2, 1>>>({} as SumShape<[2, 3], 2, false>);
expectType<Failure<WriteExpandShape<[2, 3], [4, 4], -1>>>({} as ExpandShape<[2, 3], [4, 4]>);
expectType<Failure<WriteCatShape<1, [3, 2], [4, 1], 1>>>({} as CatShape<[[4, 1], [3, 2]], 1>);

// The article's examples keep exact shapes on every intermediate.
const zl = randn([2, 3]);
const W = randn([5, 3, 3], { requiresGrad: true });
const b = randn([5, 3]);
const transformed = einsum("bk,aki->bai", zl, W);
expectType<Tensor<[2, 5, 3], "float64">>(transformed);
expectType<Tensor<[2, 5, 3], "float64">>(add(unsqueeze(zl, 1), tanh(add(transformed, b))));

// Generic code: a symbolic size agrees with itself and with a 1 on its right, and stays symbolic.
function layer<B extends number>(x: Tensor<[B, 3]>, bias: Tensor<[3]>) {
  expectType<Tensor<[B, 3], "float64">>(add(x, x));
  expectType<Tensor<[B, 3], "float64">>(add(x, bias));
  expectType<Tensor<[B, 3], "float64">>(add(x, zeros([1, 3])));
  expectType<Tensor<[B, 3], "float64">>(tanh(x));
  expectType<Tensor<[B, 1, 3], "float64">>(unsqueeze(x, 1));
  expectType<Tensor<[B, 3, 1], "float64">>(unsqueeze(x, -1));
  expectType<Tensor<[B, 3], "float64">>(softmax(x, -1));
  expectType<Tensor<[B], "float64">>(sum(x, 1));
  expectType<Tensor<[B, 5, 3], "float64">>(add(unsqueeze(x, 1), zeros([5, 3])));
  return softmax(add(x, bias), 1);
}
expectType<Tensor<[7, 3], "float64">>(layer(zeros([7, 3]), zeros([3])));
function join<N extends number>(p: Tensor<[N, 1]>, r: Tensor<[N, 2]>) {
  expectType<Tensor<[N, 3], "float64">>(cat([p, r], 1));
}
join(zeros([4, 1]), zeros([4, 2]));
declare const unknownWidth: Tensor<[4, number]>;
expectType<Tensor<[4, number], "float64">>(cat([zeros([4, 1]), unknownWidth], 1));

// ---- boundary types ------------------------------------------------------------------------------------------
declare const loose: Tensor<number[]>;
declare const size: number;
declare const dim: number;
expectType<Tensor<number[], "float64">>(add(loose, zeros([2, 3])));
expectType<Tensor<[2, 3], "float64">>(add(zeros([size, 3]), zeros([2, 1])));
expectType<Tensor<[number, 3], "float64">>(add(zeros([size, 3]), zeros([size, 3])));
expectType<Tensor<number[], "float64">>(unsqueeze(zeros([2, 3]), dim));
expectType<Tensor<number[], "float64">>(unsqueeze(loose, 0));
expectType<Tensor<number[], "float64">>(sum(loose, 0));
expectType<Tensor<number[], "float64">>(cat([loose, loose], 0));
