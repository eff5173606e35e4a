import { expectType } from "tsd";
import { arange, ones, randn, tensor, zeros, type Tensor } from "typed-einsum";

// Shapes come from the values.
expectType<Tensor<[2, 3], "float64">>(tensor([[1, 2, 3], [4, 5, 6]]));
expectType<Tensor<[3], "float64">>(tensor([1, 2, 3]));
expectType<Tensor<[], "float64">>(tensor(5));
expectType<Tensor<[1, 2, 2], "float64">>(tensor([[[1, 2], [3, 4]]]));
expectType<Tensor<[1, 2], "int32">>(tensor([[1, 2]], { dtype: "int32" }));
// Or from the shape given with flat data, whose typed array decides the dtype.
expectType<Tensor<[2, 3], "float64">>(tensor([1, 2, 3, 4, 5, 6], [2, 3]));
expectType<Tensor<[2, 3], "int32">>(tensor(new Int32Array(6), [2, 3]));
expectType<Tensor<[3], "float32">>(tensor(new Float32Array(3), [3]));
expectType<Tensor<[3], "float32">>(tensor([1, 2, 3], [3], "float32"));
expectType<Tensor<[2, 3], "float64">>(zeros([2, 3]));
expectType<Tensor<[4], "int32">>(zeros([4], "int32"));
expectType<Tensor<[2], "float64">>(ones([2]));
expectType<Tensor<[3, 2, 5], "float64">>(randn([3, 2, 5], { seed: 7 }));
expectType<Tensor<[3, 2], "float32">>(randn([3, 2], { seed: 7, dtype: "float32" }));

// arange: the length is part of the type when the bounds are whole-number literals.
expectType<Tensor<[6], "int32">>(arange(6));
expectType<Tensor<[0], "int32">>(arange(0));
expectType<Tensor<[3], "int32">>(arange(3, 6));
expectType<Tensor<[0], "int32">>(arange(5, 2));
expectType<Tensor<[1000], "int32">>(arange(1000, 2000));
expectType<Tensor<[0], "int32">>(arange(-3));
expectType<Tensor<[number], "int32">>(arange(2.5));
expectType<Tensor<[number], "int32">>(arange(-2, 3));

// Hover shows the evaluated shape, not an alias.
const matrix = zeros([2, 3]);
expectType<[2, 3]>(matrix.shape);
expectType<2>(matrix.rank);

// ---- boundary types ------------------------------------------------------------------------------------------
declare const size: number;
declare const sizes: number[];
declare const anything: any;
expectType<Tensor<[number], "int32">>(arange(size));
expectType<Tensor<[number], "int32">>(arange(1, size));
expectType<Tensor<number[], "float64">>(zeros(sizes));
expectType<Tensor<[2, number], "float64">>(zeros([2, size]));
expectType<Tensor<[number], "float64">>(tensor(sizes));
expectType<Tensor<any[], "float64">>(zeros(anything));
