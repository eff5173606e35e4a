import { describe, expect, it } from "vitest";
import { einsum, EinsumError, type EinsumErrorCode } from "../../src/index.js";
import { conformance } from "../fixtures/conformance.js";

/** The code each refusal in the conformance file must carry, keyed by its stated reason. */
const expectedCodes: Record<string, EinsumErrorCode> = {
  "size mismatch for shared label": "SIZE_MISMATCH",
  "output label not in any input": "OUTPUT_LABEL_UNKNOWN",
  "repeated output label": "OUTPUT_LABEL_REPEATED",
  "rank below subscript count": "RANK_MISMATCH",
  "rank above subscript count": "RANK_MISMATCH",
  "too few operands": "OPERAND_COUNT",
  "too many operands": "OPERAND_COUNT",
  "invalid character": "INVALID_CHARACTER",
  "repeated label with unequal sizes in one operand": "DIAGONAL_SIZE_MISMATCH",
  "two arrows": "MULTIPLE_ARROWS",
  "two ellipses in one operand": "REPEATED_ELLIPSIS",
  "malformed ellipsis": "MALFORMED_ELLIPSIS",
  "malformed arrow": "MALFORMED_ARROW",
  "size mismatch, same label order": "SIZE_MISMATCH",
  "mismatch in a chain": "SIZE_MISMATCH",
};

describe("NumPy conformance cases", () => {
  it.each(conformance.cases.map((testCase) => [`${testCase.id} ${testCase.eq}`, testCase] as const))(
    "%s",
    (_, testCase) => {
      const inputs = testCase.operands.map((operand) => ({ shape: operand.shape, data: [...operand.data] }));
      const snapshots = inputs.map((operand) => [...operand.data]);
      const result = einsum(testCase.eq, ...inputs);
      expect(result.shape).toEqual(testCase.expected.shape);
      const actual = Array.from(result.data);
      if (testCase.exact) {
        expect(actual).toEqual(testCase.expected.data);
      } else {
        testCase.expected.data.forEach((value, index) => {
          const got = actual[index] ?? Number.NaN;
          expect(Math.abs(got - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
        });
        expect(actual).toHaveLength(testCase.expected.data.length);
      }
      expect(inputs.map((operand) => operand.data)).toEqual(snapshots);
    },
  );
});

describe("NumPy refusals", () => {
  it.each(conformance.errors.map((entry) => [`${entry.eq} (${entry.why})`, entry] as const))("%s", (_, entry) => {
    const operands = entry.shapes.map((shape) => ({
      shape,
      data: new Float64Array(shape.reduce((size, dimension) => size * dimension, 1)),
    }));
    const code = expectedCodes[entry.why];
    expect(code, `a code for '${entry.why}'`).toBeDefined();
    let thrown: unknown;
    try {
      einsum(entry.eq, ...operands);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EinsumError);
    expect((thrown as EinsumError).code).toBe(code);
  });
});
