import { expect } from "vitest";
import { naiveEinsum } from "../fixtures/naive-einsum.js";

/**
 * The exact gradient of `Σ cotangent · einsum(operands)` with respect to one operand, from the definition: einsum
 * is linear in each operand, so the gradient's element e is the naive einsum with that operand replaced by the
 * unit tensor at e.
 */
export function referenceGradient(
  equation: string,
  operands: readonly { shape: number[]; data: number[] }[],
  position: number,
  cotangent: readonly number[],
): number[] {
  const own = operands[position]!;
  return own.data.map((_, element) => {
    const unit = own.data.map((__, at) => (at === element ? 1 : 0));
    const replaced = operands.map((operand, at) => (at === position ? { shape: operand.shape, data: unit } : operand));
    const result = naiveEinsum(equation, replaced);
    return result.data.reduce((sum, value, at) => sum + value * (cotangent[at] ?? 0), 0);
  });
}

/** Expects each value within 1e-9 of the expected one, relative to its magnitude (or absolute below 1). */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], context: string): void {
  expect(actual.length, context).toBe(expected.length);
  expected.forEach((value, index) => {
    const scale = Math.max(1, Math.abs(value));
    expect(Math.abs((actual[index] ?? Number.NaN) - value) / scale, `${context} at ${index}: ${actual[index]} vs ${value}`).toBeLessThan(1e-9);
  });
}
