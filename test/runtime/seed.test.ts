import { describe, expect, it } from "vitest";
import { einsum } from "typed-einsum";
import { attention, mocoLogits, printedBatchInputs, sectionThreeGradients, seedExamples, treeQnTransition } from "../../demo/seed-examples.js";

/** PyTorch's printout with the line breaks and column padding folded away, as the article's text shows it. */
const folded = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The numbers of a printed tensor, in order. */
const numbersIn = (text: string): number[] => (text.match(/-?\d+(\.\d+)?(e[-+]\d+)?/g) ?? []).map(Number);

describe("the article's examples", () => {
  const exact = seedExamples.filter((example) => example.printed !== undefined && example.section !== "2.11");
  it.each(exact.map((example) => [example.section, example] as const))("%s prints what the article printed", (_, example) => {
    expect(folded(String(example.run()))).toBe(example.printed);
  });

  it("2.11 matches the article's batch product to the precision of its printed inputs", () => {
    const example = seedExamples.find((candidate) => candidate.section === "2.11");
    const result = example?.run();
    expect(result?.shape).toEqual([3, 2, 3]);
    const printed = numbersIn(example?.printed ?? "");
    expect(printed).toHaveLength(18);
    printed.forEach((value, index) => expect(Math.abs((result?.data[index] ?? Number.NaN) - value)).toBeLessThan(5e-4));
  });

  it.each(seedExamples.filter((example) => example.printedShape !== undefined).map((example) => [example.section, example] as const))(
    "%s has the shape the article printed",
    (_, example) => {
      expect(example.run().shape).toEqual(example.printedShape);
    },
  );
});

describe("the article's neural examples compute what they claim", () => {
  it("2.11's inputs were not changed by the product", () => {
    const before = Array.from(printedBatchInputs.a.data);
    einsum("ijk,ikl->ijl", [printedBatchInputs.a, printedBatchInputs.b]);
    expect(Array.from(printedBatchInputs.a.data)).toEqual(before);
  });

  it("TreeQN's einsum applies every transition W[a] to every state, and the residual stays within tanh's range", () => {
    const { zl, W, transformed, out } = treeQnTransition(10);
    expect(out.shape).toEqual([2, 5, 3]);
    for (let b = 0; b < 2; b++) {
      for (let a = 0; a < 5; a++) {
        for (let i = 0; i < 3; i++) {
          let sum = 0;
          for (let k = 0; k < 3; k++) sum += (zl.data[b * 3 + k] ?? 0) * (W.data[a * 9 + k * 3 + i] ?? 0);
          const at = b * 15 + a * 3 + i;
          expect(transformed.data[at]).toBeCloseTo(sum, 12);
          expect(Math.abs((out.data[at] ?? Number.NaN) - (zl.data[b * 3 + i] ?? 0))).toBeLessThan(1);
        }
      }
    }
  });

  it("attention weights are a distribution over the sequence", () => {
    const { at, rt } = attention(20);
    expect(at.shape).toEqual([3, 5]);
    expect(rt.shape).toEqual([3, 7]);
    for (let row = 0; row < 3; row++) {
      const weights = Array.from(at.data.subarray(row * 5, row * 5 + 5));
      expect(weights.every((weight) => weight > 0)).toBe(true);
      expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    }
  });

  it("MoCo's einsum logits equal the bmm and mm forms of its pseudo-code", () => {
    const N = 4;
    const C = 8;
    const K = 6;
    const { q, k, queue, positive, negative, logits } = mocoLogits(30);
    // l_pos = bmm(q.view(N,1,C), k.view(N,C,1)): one row-by-column product per sample.
    const bmm = einsum("nxc,ncy->nxy", q.reshape([N, 1, C]), k.reshape([N, C, 1]));
    expect(Array.from(positive.data)).toEqual(Array.from(bmm.data));
    // l_neg = mm(q.view(N,C), queue.view(C,K)), written out as loops.
    for (let n = 0; n < N; n++) {
      for (let column = 0; column < K; column++) {
        let sum = 0;
        for (let c = 0; c < C; c++) sum += (q.data[n * C + c] ?? 0) * (queue.data[c * K + column] ?? 0);
        expect(negative.data[n * K + column]).toBeCloseTo(sum, 12);
      }
    }
    expect(logits.shape).toEqual([N, 1 + K]);
    expect(logits.data[0]).toBe(positive.data[0]);
    expect(logits.data[1]).toBe(negative.data[0]);
  });

  it("back-propagates section 3's examples to their parameters, with MoCo's gradient as its formula gives", () => {
    const { treeQn, attentionW, moco } = sectionThreeGradients();
    expect(treeQn.W?.shape).toEqual([5, 3, 3]);
    expect(treeQn.b?.shape).toEqual([5, 3]);
    expect(attentionW?.shape).toEqual([7, 7]);
    // d Σ logits / d q[n, c] = k[n, c] + Σ_j queue[c, j]
    const { k, queue } = mocoLogits(30);
    for (let n = 0; n < 4; n++) {
      for (let c = 0; c < 8; c++) {
        let expected = k.data[n * 8 + c] ?? 0;
        for (let j = 0; j < 6; j++) expected += queue.data[c * 6 + j] ?? 0;
        expect(moco?.data[n * 8 + c]).toBeCloseTo(expected, 12);
      }
    }
  });
});
