import { describe, expect, it } from "vitest";
import { contractLabelled } from "../../src/kernels/contract-pair.js";
import { classifyPair } from "../../src/kernels/pairwise-classes.js";
import { setGemmBackend, type GemmBackend } from "../../src/kernels/gemm/gemm.js";
import { generator, mismatch, randomData, referenceEinsum, type DType } from "./naive.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const dtypes: readonly DType[] = ["float64", "float32", "int32"];
const backends: readonly GemmBackend[] = ["wasm", "typescript"];

/** Equations over single letters, and the size of every letter. */
const named: [string, Record<string, number>][] = [
  ["ik,kj->ij", { i: 33, k: 17, j: 21 }], // contraction
  ["ki,kj->ij", { i: 33, k: 17, j: 21 }], // transposed left
  ["ik,jk->ij", { i: 33, k: 17, j: 21 }], // transposed right
  ["ik,kj->ji", { i: 33, k: 17, j: 21 }], // transposed result
  ["ki,jk->ji", { i: 9, k: 65, j: 15 }],
  ["bij,bjk->bik", { b: 3, i: 17, j: 9, k: 16 }], // batch
  ["bqd,bkd->bqk", { b: 2, q: 19, k: 23, d: 8 }],
  ["ibj,jbk->kbi", { b: 3, i: 7, j: 64, k: 9 }], // batch in the middle, result permuted
  ["ij,j->i", { i: 65, j: 63 }], // matrix-vector
  ["j,ji->i", { i: 65, j: 63 }],
  ["i,i->", { i: 129 }], // dot
  ["bi,bi->b", { b: 5, i: 33 }], // batched dot
  ["i,j->ij", { i: 17, j: 15 }], // outer
  ["i,j->ji", { i: 17, j: 15 }],
  ["bi,bj->bij", { b: 3, i: 7, j: 9 }], // batched outer
  ["i,i->i", { i: 100 }], // Hadamard
  ["ij,ji->ij", { i: 7, j: 9 }], // Hadamard of a transpose
  ["abc,cab->bca", { a: 3, b: 5, c: 4 }], // Hadamard, every view permuted
  ["iaj,iaj->iaj", { i: 6, a: 1, j: 5 }], // Hadamard with a size-1 label between contiguous ones
  ["ij,ij->ij", { i: 300, j: 257 }], // large Hadamard
  ["ij,ji->ij", { i: 37, j: 53 }], // Hadamard of a larger transpose
  ["abc,cba->abc", { a: 5, b: 19, c: 33 }], // every axis reversed
  ["ab,ba->ba", { a: 40, b: 17 }], // the left operand read across its rows
  ["ijk,jl->il", { i: 9, j: 17, k: 5, l: 33 }], // summed only on the left
  ["ij,jkl->ik", { i: 9, j: 17, k: 5, l: 3 }], // summed only on the right
  ["ab,cd->", { a: 3, b: 4, c: 5, d: 6 }], // everything summed on both sides
  ["ab,cd->ca", { a: 3, b: 4, c: 5, d: 6 }],
  [",->", {}], // scalars
  [",ij->ji", { i: 3, j: 4 }],
  ["ijab,jkba->ki", { i: 9, j: 7, a: 3, b: 5, k: 11 }], // several contracted labels in different orders
  ["ik,kj->ij", { i: 0, k: 17, j: 21 }], // empty
  ["ik,kj->ij", { i: 5, k: 0, j: 21 }], // empty depth: zeros
  ["ik,kj->ij", { i: 1, k: 1, j: 1 }],
  ["ik,kj->ij", { i: 64, k: 64, j: 64 }],
  ["ik,kj->ij", { i: 129, k: 300, j: 17 }],
];

function labelsOf(term: string, letters: string): number[] {
  return [...term].map((letter) => letters.indexOf(letter));
}

function run(
  dtype: DType,
  left: number[],
  right: number[],
  keep: number[],
  sizes: number[],
  random: () => number,
): string | undefined {
  const leftData = randomData(dtype, left.reduce((x, label) => x * sizes[label]!, 1), random);
  const rightData = randomData(dtype, right.reduce((x, label) => x * sizes[label]!, 1), random);
  const leftBefore = leftData.slice();
  const rightBefore = rightData.slice();
  const result = contractLabelled({ data: leftData, labels: left }, { data: rightData, labels: right }, keep, sizes);
  const expected = referenceEinsum(
    [
      { data: leftData, shape: left.map((label) => sizes[label]!), labels: left },
      { data: rightData, shape: right.map((label) => sizes[label]!), labels: right },
    ],
    keep,
    sizes,
    dtype === "int32",
  );
  if (result.data.constructor !== leftData.constructor) return "the result has another dtype";
  if (JSON.stringify(result.labels) !== JSON.stringify(keep)) return `labels ${result.labels}`;
  if (String(leftData) !== String(leftBefore) || String(rightData) !== String(rightBefore)) return "an input was written";
  const terms = [...left, ...right].filter((label) => !keep.includes(label)).reduce((x, l) => x * sizes[l]!, 1);
  return mismatch(result.data, expected, dtype, terms);
}

describe("contractLabelled against a naive reference", sharedMachineTimeout, () => {
  for (const backend of backends) {
    for (const dtype of dtypes) {
      it(`${dtype}, ${backend} kernel: every pairwise class`, () => {
        setGemmBackend(backend);
        try {
          const random = generator(5);
          for (const [equation, letterSizes] of named) {
            const letters = Object.keys(letterSizes).join("");
            const [inputs, output] = equation.split("->") as [string, string];
            const [leftTerm, rightTerm] = inputs.split(",") as [string, string];
            const sizes = [...letters].map((letter) => letterSizes[letter]!);
            const failure = run(
              dtype,
              labelsOf(leftTerm, letters),
              labelsOf(rightTerm, letters),
              labelsOf(output, letters),
              sizes,
              random,
            );
            expect(failure, `${equation} ${JSON.stringify(letterSizes)}`).toBeUndefined();
          }
        } finally {
          setGemmBackend("wasm");
        }
      });

      it(`${dtype}, ${backend} kernel: random label sets, layouts and kept orders`, () => {
        setGemmBackend(backend);
        try {
          const random = generator(backend.length * 31 + dtype.length);
          const extents = [0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 17];
          for (let trial = 0; trial < 200; trial++) {
            const count = 1 + Math.floor(random() * 6);
            const sizes = Array.from({ length: count }, () => extents[Math.floor(random() * extents.length)]!);
            if (random() < 0.8) for (let l = 0; l < count; l++) if (sizes[l] === 0) sizes[l] = 6;
            const labels = sizes.map((_, label) => label);
            const left = labels.filter(() => random() < 0.6).sort(() => random() - 0.5);
            const right = labels.filter(() => random() < 0.6).sort(() => random() - 0.5);
            const keep = [...new Set([...left, ...right])].filter(() => random() < 0.5).sort(() => random() - 0.5);
            const failure = run(dtype, left, right, keep, sizes, random);
            expect(failure, `${left} , ${right} -> ${keep} with sizes ${sizes}`).toBeUndefined();
          }
        } finally {
          setGemmBackend("wasm");
        }
      });
    }
  }
});

describe("signed zeros", sharedMachineTimeout, () => {
  it("writes a zero product as +0, as a sum starting from zero does", () => {
    const zero = Float64Array.of(0);
    const negative = Float64Array.of(-3);
    for (const keep of [[0, 1], [0]]) {
      const right = keep.length === 2 ? { data: negative, labels: [1] } : { data: negative, labels: [0] };
      const result = contractLabelled({ data: zero, labels: [0] }, right, keep, [1, 1]);
      expect(Object.is(result.data[0], 0), `keep ${keep}`).toBe(true);
    }
  });
});

describe("classifyPair", sharedMachineTimeout, () => {
  it("sorts every label into its role", () => {
    // left b i k s, right b k j t, keep j b i
    expect(classifyPair([0, 1, 2, 3], [0, 2, 4, 5], [4, 0, 1])).toEqual({
      batch: [0],
      keptLeft: [1],
      keptRight: [4],
      contracted: [2],
      summedLeft: [3],
      summedRight: [5],
    });
  });
});
