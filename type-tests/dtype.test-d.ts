import { expectType } from "tsd";
import { arange, einsum, ones, tensor, zeros, type DTypeName, type Tensor } from "typed-einsum";

const i = arange(3);
const f32 = ones([3], "float32");
const f64 = ones([3]);

// PyTorch's promotion: float64 wins, then float32, then int32.
expectType<Tensor<[], "int32">>(einsum("i,i->", i, i));
expectType<Tensor<[], "float32">>(einsum("i,i->", i, f32));
expectType<Tensor<[], "float32">>(einsum("i,i->", f32, i));
expectType<Tensor<[], "float64">>(einsum("i,i->", f32, f64));
expectType<Tensor<[], "float64">>(einsum("i,i->", i, f64));
expectType<Tensor<[], "float32">>(einsum("i->", f32));
expectType<Tensor<[], "float64">>(einsum("i,i,i->", i, f32, f64));
expectType<Tensor<[3], "int32">>(einsum("i,i->i", [i, i]));

// Plain { shape, data } operands: the data decide (plain numbers are float64).
expectType<Tensor<[3], "float32">>(einsum("i->i", { shape: [3], data: new Float32Array(3) } as const));
expectType<Tensor<[3], "int32">>(einsum("i->i", { shape: [3], data: new Int32Array(3) } as const));
expectType<Tensor<[3], "float64">>(einsum("i->i", { shape: [3], data: [1, 2, 3] } as const));
expectType<Tensor<[3], "float64">>(einsum("i->i", { shape: [3], data: new Float64Array(3) } as const));
expectType<Tensor<[2], "float32">>(einsum("ij,j->i", tensor(new Int32Array(4), [2, 2]), { shape: [2], data: new Float32Array(2) } as const));

// ---- boundary types ------------------------------------------------------------------------------------------
declare const anyDType: Tensor<[3], DTypeName>;
declare const anything: any;
declare const neverOperand: never;
declare const loose: Tensor<number[], "int32">;
expectType<Tensor<[], DTypeName>>(einsum("i->", anyDType));
expectType<Tensor<[], "float64">>(einsum("i,i->", anyDType, f64));
expectType<Tensor<number[], DTypeName>>(einsum("i->", anything));
expectType<Tensor<number[], DTypeName>>(einsum("i->", neverOperand));
expectType<Tensor<number[], "int32">>(einsum("i->", loose));
expectType<Tensor<[2, 3], "float64">>(einsum("ij", zeros([2, 3])));
