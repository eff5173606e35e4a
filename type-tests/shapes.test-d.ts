import { expectType } from "tsd";
import { einsum, randn, zeros, type EinsumShape, type Tensor } from "typed-einsum";

const zl = randn([2, 3], { seed: 1 });
const W = randn([5, 3, 3], { seed: 2 });

// The three equation call forms give the exact shape.
expectType<Tensor<[2, 5, 3], "float64">>(einsum("bk,aki->bai", zl, W));
expectType<Tensor<[2, 5, 3], "float64">>(einsum("bk,aki->bai", [zl, W]));
expectType<Tensor<[2, 5, 3], "float64">>(einsum("bk,aki->bai", zl, W, { optimize: "greedy" }));
expectType<Tensor<[2, 5, 3], "float64">>(einsum("bk,aki->bai", [zl, W], { optimize: false, memoryLimit: 1e6 }));

// The public type function.
expectType<[2, 5, 3]>({} as EinsumShape<"bk,aki->bai", [[2, 3], [5, 3, 3]]>);
expectType<[2, 4]>({} as EinsumShape<"ij,jk->ik", [[2, 3], [3, 4]]>);
expectType<[3, 2]>({} as EinsumShape<"ij->ji", [[2, 3]]>);
expectType<[2]>({} as EinsumShape<"ij->i", [[2, 3]]>);
expectType<[]>({} as EinsumShape<"ij->", [[2, 3]]>);
expectType<[3, 4, 2]>({} as EinsumShape<"ijk->jki", [[2, 3, 4]]>);
expectType<[2, 11, 13, 17, 19]>({} as EinsumShape<"pqrs,tuqvr->pstuv", [[2, 5, 7, 11], [13, 17, 5, 19, 7]]>);
expectType<[2, 5]>({} as EinsumShape<"ik,jkl,il->ij", [[2, 3], [5, 3, 4], [2, 4]]>);

// Readonly shapes (from `as const` or const type parameters) work the same.
expectType<[3, 2]>({} as EinsumShape<"ij->ji", readonly [readonly [2, 3]]>);
expectType<Tensor<[2], "float64">>(einsum("ij,j->i", { shape: [2, 2], data: [1, 2, 3, 4] } as const, zeros([2])));

// A refused equation has no shape.
expectType<never>({} as EinsumShape<"ij,jk->ik", [[2, 3], [4, 5]]>);

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<number[]>({} as EinsumShape<any, [[2, 3]]>);
expectType<never>({} as EinsumShape<never, [[2, 3]]>);
expectType<number[]>({} as EinsumShape<string, [[2, 3]]>);
expectType<number[]>({} as EinsumShape<"ij->ji", [number[]]>);
expectType<number[]>({} as EinsumShape<"ij->ji", any>);
expectType<never>({} as EinsumShape<"ij->ji", never>);
