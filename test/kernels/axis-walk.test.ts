import { describe, expect, it } from "vitest";
import { walkAxes } from "../../src/kernels/axis-walk.js";

describe("walkAxes", () => {
  it("visits every index, the first axis fastest, with both offsets scaled", () => {
    const visits: [number, number][] = [];
    const axes = [
      { extent: 2, inStride: 1, outStride: 3 },
      { extent: 3, inStride: 2, outStride: 1 },
      { extent: 2, inStride: 6, outStride: 6 },
    ];
    expect(walkAxes(axes, (read, write) => void visits.push([read, write]), 2)).toBe(true);
    const expected: [number, number][] = [];
    for (let k = 0; k < 2; k++) {
      for (let j = 0; j < 3; j++) for (let i = 0; i < 2; i++) expected.push([2 * (i + 2 * j + 6 * k), 2 * (3 * i + j + 6 * k)]);
    }
    expect(visits).toEqual(expected);
  });

  it("visits once at 0 with no axes, never with an empty one", () => {
    const visits: number[][] = [];
    walkAxes([], (read, write) => void visits.push([read, write]));
    expect(visits).toEqual([[0, 0]]);
    walkAxes([{ extent: 0, inStride: 1, outStride: 1 }], (read, write) => void visits.push([read, write]));
    expect(visits).toEqual([[0, 0]]);
  });

  it("stops at the first visit that returns false", () => {
    let visits = 0;
    const done = walkAxes([{ extent: 10, inStride: 1, outStride: 1 }], () => ++visits < 4);
    expect(done).toBe(false);
    expect(visits).toBe(4);
  });
});
