import { describe, expect, it } from "vitest";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { randomProblem, seededRandom } from "../fixtures/random-problems.js";
import { untypedEinsum } from "../fixtures/untyped.js";

describe("random NumPy-valid problems against the definition", () => {
  const random = seededRandom(20261124);
  const problems = Array.from({ length: 400 }, (_, index) => ({ index, ...randomProblem(random, { integers: index % 2 === 0 }) }));

  it.each(problems.map((problem) => [`#${problem.index} ${problem.equation}`, problem] as const))("%s", (_, problem) => {
    const expected = naiveEinsum(problem.equation, problem.operands);
    for (const optimize of [false, "auto"] as const) {
      const result = untypedEinsum(problem.equation, ...problem.operands, { optimize });
      expect(result.shape).toEqual(expected.shape);
      const actual = Array.from(result.data);
      expected.data.forEach((value, at) =>
        expect(Math.abs((actual[at] ?? Number.NaN) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value))),
      );
      expect(actual).toHaveLength(expected.data.length);
    }
  });
});
