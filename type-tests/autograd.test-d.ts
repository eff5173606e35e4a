import { expectError, expectType } from "tsd";
import { einsum, grad, mul, noGrad, ones, randn, sum, tensor, vjp, zeros, type Tensor } from "typed-einsum";

// The constructors take { dtype, requiresGrad }; the plain dtype string keeps working.
expectType<Tensor<[3], "float64">>(tensor(new Float64Array(3), [3], { requiresGrad: true }));
expectType<Tensor<[3], "float32">>(tensor(new Float32Array(3), [3], { requiresGrad: true }));
expectType<Tensor<[3], "float32">>(tensor([1, 2, 3], [3], { dtype: "float32", requiresGrad: true }));
expectType<Tensor<[3], "float32">>(tensor([1, 2, 3], [3], "float32"));
expectType<Tensor<[2, 2], "float64">>(tensor([[1, 2], [3, 4]], { requiresGrad: true }));
expectType<Tensor<[2], "float64">>(zeros([2], { requiresGrad: true }));
expectType<Tensor<[2], "float32">>(ones([2], { dtype: "float32", requiresGrad: true }));
expectType<Tensor<[5, 3, 3], "float64">>(randn([5, 3, 3], { seed: 1, requiresGrad: true }));

// grad has the leaf's own shape and dtype.
const W = randn([5, 3, 3], { seed: 1, requiresGrad: true });
const zl = randn([2, 3], { seed: 2 });
const out = einsum("bk,aki->bai", zl, W);
out.backward(tensor(new Float64Array(30), out.shape));
expectType<Tensor<[5, 3, 3], "float64"> | null>(W.grad);
expectType<Tensor<[3], "float32"> | null>(zeros([3], { dtype: "float32", requiresGrad: true }).grad);
expectType<boolean>(W.requiresGrad);
expectType<Tensor<[5, 3, 3], "float64">>(W.detach());
W.grad = null;
expectError((W.grad = zeros([5, 3, 3])));
sum(out).backward();
expectType<Tensor<[2, 5, 3], "float64">>(noGrad(() => einsum("bk,aki->bai", zl, W)));

// ---- boundary types ------------------------------------------------------------------------------------------
declare const loose: Tensor<number[]>;
expectType<Tensor<number[], "float64"> | null>(loose.grad);

// The functional forms keep every shape.
const [product, pullback] = vjp((a, b) => einsum("ij,jk->ik", a, b), zeros([2, 3]), zeros([3, 4]));
expectType<Tensor<[2, 4], "float64">>(product);
expectType<[Tensor<[2, 3], "float64">, Tensor<[3, 4], "float64">]>(pullback(ones([2, 4])));
const lossGradients = grad((x: Tensor<[3]>, y: Tensor<[2, 3], "float32">) => sum(mul(x, y)));
expectType<[Tensor<[3], "float64">, Tensor<[2, 3], "float32">]>(lossGradients(zeros([3]), zeros([2, 3], "float32")));
