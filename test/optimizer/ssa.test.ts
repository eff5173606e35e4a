import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/optimizer/random.js";
import { linearToSsa, ssaToLinear } from "../../src/optimizer/ssa.js";

/** The linear format by its definition: remove the positions from a list, append the result. */
function naiveLinear(ssa: readonly (readonly number[])[], count: number): number[][] {
  const current = Array.from({ length: count }, (_, id) => id);
  return ssa.map((step, index) => {
    const positions = step.map((id) => current.indexOf(id));
    for (const id of step) current.splice(current.indexOf(id), 1);
    current.push(count + index);
    return positions;
  });
}

function randomSsa(count: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const alive = Array.from({ length: count }, (_, id) => id);
  const ssa: number[][] = [];
  while (alive.length > 1) {
    const arity = Math.min(alive.length, random() < 0.2 ? 3 : 2);
    const step: number[] = [];
    for (let taken = 0; taken < arity; taken++) step.push(...alive.splice(Math.floor(random() * alive.length), 1));
    ssa.push(step);
    alive.push(count + ssa.length - 1);
  }
  return ssa;
}

describe("SSA and linear paths", () => {
  it.each([2, 3, 7, 40, 333])("converts random paths over %i operands both ways, as the definition does", (count) => {
    for (let seed = 1; seed <= 5; seed++) {
      const ssa = randomSsa(count, seed * count);
      const linear = ssaToLinear(ssa, count);
      expect(linear).toEqual(naiveLinear(ssa, count));
      expect(linearToSsa(linear, count)).toEqual(ssa);
    }
  });

  it("converts a path of 100,000 steps in linear-logarithmic time", () => {
    const count = 100_001;
    const chain = Array.from({ length: count - 1 }, (_, step) => [step === 0 ? 0 : count + step - 1, step + 1]);
    const linear = ssaToLinear(chain, count);
    expect(linear[0]).toEqual([0, 1]);
    expect(linear[1]).toEqual([count - 2, 0]);
    expect(linear[linear.length - 1]).toEqual([1, 0]);
    expect(linearToSsa(linear, count)).toEqual(chain);
  });
});
