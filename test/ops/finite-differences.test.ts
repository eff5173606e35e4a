import { describe, expect, it } from "vitest";
import {
  add, cat, div, einsum, exp, expand, expandAs, log, mean, mul, neg, relu, sigmoid, softmax, sub, sum, tanh, unsqueeze,
  type DTypeName, type Tensor,
} from "typed-einsum";
import { analyticGradients, numericGradients, seededInput, type CheckedInput } from "../fixtures/finite-difference.js";

type Loose = Tensor<readonly number[], DTypeName>;
// The ops' shape types are checked in type-tests/; here they run on loosely typed tensors.
const op = <Fn>(fn: Fn) => fn as unknown as (...args: unknown[]) => Loose;

interface Case {
  readonly name: string;
  readonly inputs: readonly CheckedInput[];
  readonly f: (inputs: Loose[]) => Loose;
}

const [x23, y23, y3, y13, y21, s0] = [
  seededInput([2, 3], 1),
  seededInput([2, 3], 2),
  seededInput([3], 3),
  seededInput([1, 3], 4),
  seededInput([2, 1], 5),
  seededInput([], 6),
];
const positive = seededInput([2, 3], 7, 2);
const awayFromZero: CheckedInput = { shape: [2, 3], data: x23.data.map((value) => (Math.abs(value) < 0.05 ? value + 0.2 : value)) };

const cases: Case[] = [
  { name: "add, same shapes", inputs: [x23, y23], f: ([a, b]) => op(add)(a, b) },
  { name: "add, broadcast on both sides", inputs: [y13, y21], f: ([a, b]) => op(add)(a, b) },
  { name: "add, a missing leading dimension", inputs: [x23, y3], f: ([a, b]) => op(add)(a, b) },
  { name: "add, a scalar tensor and a number", inputs: [x23, s0], f: ([a, b]) => op(add)(op(add)(a, b), 2) },
  { name: "sub, broadcast", inputs: [y3, x23], f: ([a, b]) => op(sub)(a, b) },
  { name: "mul, broadcast", inputs: [x23, y21], f: ([a, b]) => op(mul)(a, b) },
  { name: "mul, one tensor twice", inputs: [x23], f: ([a]) => op(mul)(a, a) },
  { name: "div, broadcast", inputs: [x23, { shape: [3], data: [1.5, -2, 3] }], f: ([a, b]) => op(div)(a, b) },
  { name: "a number divided by a tensor", inputs: [positive], f: ([a]) => op(div)(1, a) },
  { name: "neg", inputs: [x23], f: ([a]) => op(neg)(a) },
  { name: "exp", inputs: [x23], f: ([a]) => op(exp)(a) },
  { name: "log", inputs: [positive], f: ([a]) => op(log)(a) },
  { name: "tanh", inputs: [x23], f: ([a]) => op(tanh)(a) },
  { name: "sigmoid", inputs: [x23], f: ([a]) => op(sigmoid)(a) },
  { name: "relu", inputs: [awayFromZero], f: ([a]) => op(relu)(a) },
  { name: "softmax along the last dimension", inputs: [x23], f: ([a]) => op(softmax)(a, -1) },
  { name: "softmax along the first dimension", inputs: [seededInput([3, 2, 4], 8)], f: ([a]) => op(softmax)(a, 0) },
  { name: "softmax along a middle dimension", inputs: [seededInput([3, 2, 4], 9)], f: ([a]) => op(softmax)(a, 1) },
  { name: "sum of everything", inputs: [x23], f: ([a]) => op(sum)(a) },
  { name: "sum over one dimension", inputs: [seededInput([2, 3, 4], 10)], f: ([a]) => op(sum)(a, 1) },
  { name: "sum over two dimensions, kept", inputs: [seededInput([2, 3, 4], 11)], f: ([a]) => op(sum)(a, [0, -1], true) },
  { name: "mean over one dimension", inputs: [x23], f: ([a]) => op(mean)(a, 0) },
  { name: "mean of everything", inputs: [x23], f: ([a]) => op(mean)(a) },
  { name: "unsqueeze", inputs: [x23], f: ([a]) => op(mul)(op(unsqueeze)(a, 1), op(unsqueeze)(a, -1)) },
  { name: "expand", inputs: [y13], f: ([a]) => op(mul)(op(expand)(a, [4, 2, -1]), op(expand)(a, [4, 2, 3])) },
  { name: "expandAs", inputs: [y3, x23], f: ([a, b]) => op(mul)(op(expandAs)(a, b), b) },
  { name: "cat along the last dimension", inputs: [y21, x23], f: ([a, b]) => op(cat)([a, b, a], 1) },
  { name: "cat along the first dimension", inputs: [y13, x23], f: ([a, b]) => op(tanh)(op(cat)([a, b], 0)) },
  { name: "reshape", inputs: [x23], f: ([a]) => op(mul)(a!.reshape([3, 2] as never), a!.reshape([3, 2] as never)) },
  {
    name: "TreeQN's transition",
    inputs: [seededInput([2, 3], 12), seededInput([5, 3, 3], 13), seededInput([5, 3], 14)],
    f: ([zl, W, b]) => op(add)(op(unsqueeze)(zl, 1), op(tanh)(op(add)(op(einsum)("bk,aki->bai", zl, W), b))),
  },
  {
    name: "attention's weights",
    inputs: [seededInput([3, 5, 7], 15), seededInput([7], 16)],
    f: ([Mt, w]) => op(softmax)(op(einsum)("ijk,k->ij", op(tanh)(Mt), w), 1),
  },
];

describe("each op's gradient equals its central differences", () => {
  it.each(cases.map((testCase, index) => [testCase.name, testCase, index] as const))("%s", (_, testCase, index) => {
    const { gradients, cotangent } = analyticGradients(testCase.f, testCase.inputs, 100 + index);
    const numeric = numericGradients(testCase.f, testCase.inputs, cotangent);
    numeric.forEach((expected, which) => {
      expect(gradients[which]).toHaveLength(expected.length);
      expected.forEach((value, at) => {
        expect(Math.abs((gradients[which]?.[at] ?? Number.NaN) - value), `input ${which} at ${at}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(value)));
      });
    });
  });
});
