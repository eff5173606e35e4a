import { describe, expect, it } from "vitest";
import { EinsumError } from "../../src/einsum-error.js";
import { cachedNormalizeEquation, cachedNormalizeSublists, cachedSpecCount } from "../../src/execute/spec-cache.js";
import { normalizeEquation } from "../../src/parse/normalize.js";
import { normalizeSublists } from "../../src/parse/sublists.js";

describe("the normalized-spec cache", () => {
  it("gives what normalizeEquation gives, and the same object for the same equation and shapes", () => {
    const first = cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 4]]);
    expect(first).toEqual(normalizeEquation("ij,jk->ik", [[2, 3], [3, 4]]));
    expect(cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 4]])).toBe(first);
    cachedNormalizeEquation("ii->", [[5, 5]]);
    expect(cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 4]])).toBe(first);
    expect(cachedSpecCount()).toBeGreaterThanOrEqual(2);
  });

  it("tells apart calls that differ only in shapes or in how the shapes split", () => {
    const a = cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 4]]);
    const b = cachedNormalizeEquation("ij,jk->ik", [[2, 3], [3, 5]]);
    expect(b.sizes).toEqual(normalizeEquation("ij,jk->ik", [[2, 3], [3, 5]]).sizes);
    expect(a.sizes).not.toEqual(b.sizes);
    const c = cachedNormalizeEquation("...->...", [[2, 3]]);
    const d = cachedNormalizeEquation("...->...", [[23]]);
    expect(c.sizes).toEqual([2, 3]);
    expect(d.sizes).toEqual([23]);
  });

  it("throws for a bad call every time, also when its text looks like a stored key", () => {
    cachedNormalizeEquation("ij", [[2, 3]]);
    for (let round = 0; round < 2; round++) {
      expect(() => cachedNormalizeEquation("ij,jk->ik", [[2, 3], [4, 4]])).toThrow(EinsumError);
      expect(() => cachedNormalizeEquation("ij|2,3", [])).toThrow(EinsumError);
    }
  });

  it("hands out frozen specs, so no caller can change what the next one gets", () => {
    const spec = cachedNormalizeEquation("ab,bc->ac", [[2, 3], [3, 4]]);
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.sizes)).toBe(true);
    expect(Object.isFrozen(spec.inputs[0])).toBe(true);
    expect(Object.isFrozen(spec.output)).toBe(true);
  });

  it("gives a sublist call with new label arrays of the same content the same frozen spec, and tells apart the rest", () => {
    const first = cachedNormalizeSublists([[0, 1], [1, 60]], [0, 60], [[2, 3], [3, 4]]);
    expect(first).toEqual(normalizeSublists([[0, 1], [1, 60]], [0, 60], [[2, 3], [3, 4]]));
    expect(cachedNormalizeSublists([[0, 1], [1, 60]], [0, 60], [[2, 3], [3, 4]])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const implicit = cachedNormalizeSublists([[0, 1], [1, 60]], undefined, [[2, 3], [3, 4]]);
    expect(implicit).toEqual(normalizeSublists([[0, 1], [1, 60]], undefined, [[2, 3], [3, 4]]));
    expect(cachedNormalizeSublists([[0, 1], [1, 60]], [0, 60], [[2, 3], [3, 5]]).sizes).toEqual(
      normalizeSublists([[0, 1], [1, 60]], [0, 60], [[2, 3], [3, 5]]).sizes,
    );
    expect(cachedNormalizeSublists([[0, 1], [1, 2]], [0, 2], [[2, 3], [3, 4]]).labelNames).not.toEqual(first.labelNames);
    expect(cachedNormalizeSublists([[0, "..."]], ["...", 0], [[2, 3, 4]])).toEqual(normalizeSublists([[0, "..."]], ["...", 0], [[2, 3, 4]]));
    for (let round = 0; round < 2; round++) {
      expect(() => cachedNormalizeSublists([[0, 1], [1, 2]], [0, 2], [[2, 3], [4, 4]])).toThrow(EinsumError);
    }
  });
});
