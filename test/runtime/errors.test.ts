import { describe, expect, it } from "vitest";
import { arange, EinsumError, ones, tensor, zeros, type EinsumErrorCode } from "typed-einsum";
import * as messages from "../../src/messages.js";
import { thrownBy } from "../fixtures/thrown-by.js";
import { counting, untypedEinsum } from "../fixtures/untyped.js";


interface EquationRefusal {
  readonly equation: string;
  readonly shapes: readonly (readonly number[])[];
  readonly code: EinsumErrorCode;
  readonly headline: string;
  readonly position: number;
}

const refusals: readonly EquationRefusal[] = [
  { equation: "ij,jk->ik", shapes: [[2, 3]], code: "OPERAND_COUNT", headline: messages.writeAtColumn(messages.writeOperandCount(2, 1), 5), position: 5 },
  { equation: "ij", shapes: [[2, 3], [3]], code: "OPERAND_COUNT", headline: messages.writeAtColumn(messages.writeOperandCount(1, 2), 2), position: 2 },
  { equation: "ijk->ij", shapes: [[2, 3]], code: "RANK_MISMATCH", headline: messages.writeRankMismatch(0, 2, "ijk", 3), position: 0 },
  { equation: "i,j k->k", shapes: [[2], [2, 3, 4]], code: "RANK_MISMATCH", headline: messages.writeRankMismatch(1, 3, "jk", 2), position: 2 },
  { equation: "...ijk", shapes: [[2, 3]], code: "RANK_MISMATCH", headline: messages.writeRankBelowEllipsis(0, 2, "...ijk", 3), position: 0 },
  { equation: "ij,jk->ik", shapes: [[2, 3], [4, 5]], code: "SIZE_MISMATCH", headline: messages.writeSizeMismatch("j", 0, 3, 1, 4), position: 3 },
  { equation: "ab,bc,cd->ad", shapes: [[2, 3], [3, 4], [5, 6]], code: "SIZE_MISMATCH", headline: messages.writeSizeMismatch("c", 1, 4, 2, 5), position: 6 },
  { equation: "ij,ij", shapes: [[1, 3], [2, 4]], code: "SIZE_MISMATCH", headline: messages.writeSizeMismatch("j", 0, 3, 1, 4), position: 4 },
  { equation: "ii->i", shapes: [[2, 3]], code: "DIAGONAL_SIZE_MISMATCH", headline: messages.writeDiagonalSizeMismatch("i", 0, 2, 3), position: 1 },
  { equation: "ii", shapes: [[1, 3]], code: "DIAGONAL_SIZE_MISMATCH", headline: messages.writeDiagonalSizeMismatch("i", 0, 1, 3), position: 1 },
  { equation: "...i,...i", shapes: [[2, 3], [4, 3]], code: "ELLIPSIS_BROADCAST", headline: messages.writeEllipsisBroadcast(0, 2, 1, 4), position: 5 },
  { equation: "ij->ik", shapes: [[2, 3]], code: "OUTPUT_LABEL_UNKNOWN", headline: messages.writeAtColumn(messages.writeUnknownOutputLabel("k"), 5), position: 5 },
  { equation: "ij->iJ", shapes: [[2, 3]], code: "OUTPUT_LABEL_UNKNOWN", headline: messages.writeDidYouMean(messages.writeAtColumn(messages.writeUnknownOutputLabel("J"), 5), "j"), position: 5 },
  { equation: "ij->ii", shapes: [[2, 2]], code: "OUTPUT_LABEL_REPEATED", headline: messages.writeAtColumn(messages.writeRepeatedOutputLabel("i"), 5), position: 5 },
  { equation: "i1,1j->ij", shapes: [[2, 3], [3, 4]], code: "INVALID_CHARACTER", headline: messages.writeInvalidCharacter("1", 1), position: 1 },
  { equation: "ij->i,j", shapes: [[2, 3]], code: "INVALID_CHARACTER", headline: messages.writeInvalidCharacter(",", 5), position: 5 },
  { equation: "ij->j->i", shapes: [[2, 3]], code: "MULTIPLE_ARROWS", headline: messages.writeSecondArrow(5), position: 5 },
  { equation: "ij-ji", shapes: [[2, 3]], code: "MALFORMED_ARROW", headline: messages.writeMalformedArrow(2), position: 2 },
  { equation: "ij- >ji", shapes: [[2, 3]], code: "MALFORMED_ARROW", headline: messages.writeMalformedArrow(2), position: 2 },
  { equation: "ij>ji", shapes: [[2, 3]], code: "MALFORMED_ARROW", headline: messages.writeMalformedArrow(2), position: 2 },
  { equation: "i..j->ij", shapes: [[2, 3, 4]], code: "MALFORMED_ELLIPSIS", headline: messages.writeMalformedEllipsis(1), position: 1 },
  { equation: "i. ..->i", shapes: [[2, 3]], code: "MALFORMED_ELLIPSIS", headline: messages.writeMalformedEllipsis(1), position: 1 },
  { equation: "i...j...->ij", shapes: [[2, 3, 4, 5]], code: "REPEATED_ELLIPSIS", headline: messages.writeRepeatedEllipsis("operand 0", 5), position: 5 },
  { equation: "...i->......i", shapes: [[2, 3]], code: "REPEATED_ELLIPSIS", headline: messages.writeRepeatedEllipsis("the output", 9), position: 9 },
  { equation: "...i->i", shapes: [[2, 3]], code: "OUTPUT_ELLIPSIS_MISSING", headline: messages.writeAtColumn(messages.writeOutputEllipsisMissing(1), 6), position: 6 },
];

describe("equations NumPy refuses", () => {
  it.each(refusals.map((refusal) => [`${refusal.equation} ${JSON.stringify(refusal.shapes)}`, refusal] as const))(
    "%s",
    (_, refusal) => {
      const operands = refusal.shapes.map(counting);
      const snapshots = operands.map((operand) => Array.from(operand.data));
      const error = thrownBy(() => untypedEinsum(refusal.equation, ...operands));
      expect(error.code).toBe(refusal.code);
      expect(error.headline).toBe(refusal.headline);
      expect(error.position).toBe(refusal.position);
      expect(error.equation).toBe(refusal.equation);
      expect(error.message).toBe(`${refusal.headline}\n  ${refusal.equation}\n  ${" ".repeat(refusal.position)}^`);
      expect(operands.map((operand) => Array.from(operand.data))).toEqual(snapshots);
    },
  );

  it("prints the caret under the offending label", () => {
    const error = thrownBy(() => untypedEinsum("ij,jk->ik", zeros([2, 3]), zeros([4, 5])));
    expect(`${error.name}: ${error.message}`).toBe(
      "EinsumError: label 'j' has size 3 in operand 0 but 4 in operand 1\n  ij,jk->ik\n     ^",
    );
  });
});

describe("operands and tensors that are not what they claim", () => {
  it("data that does not fill the shape", () => {
    const error = thrownBy(() => tensor([1, 2, 3], [2, 2]));
    expect(error.code).toBe("DATA_LENGTH");
    expect(error.message).toBe(messages.writeDataLength(3, [2, 2], 4));
    const plain = thrownBy(() => untypedEinsum("i->", { shape: [2], data: [1] }));
    expect(plain.message).toBe(messages.writeDataLength(1, [2], 2));
  });

  it("sizes that are not whole numbers from 0", () => {
    expect(thrownBy(() => zeros([2, -1])).message).toBe(messages.writeInvalidShape("2, -1", 1));
    expect(thrownBy(() => zeros([1.5])).code).toBe("INVALID_SHAPE");
    expect(thrownBy(() => untypedEinsum("i", { shape: [Number.NaN], data: [] })).code).toBe("INVALID_SHAPE");
  });

  it("a reshape to another size", () => {
    const error = thrownBy(() => arange(6).reshape([4, 2] as number[]));
    expect(error.code).toBe("RESHAPE_SIZE");
    expect(error.message).toBe(messages.writeReshapeSize([6], 6, [4, 2], 8));
  });

  it("item() of more than one element", () => {
    expect(thrownBy(() => ones([2, 3]).item()).message).toBe(messages.writeNotScalar([2, 3]));
  });

  it("ragged nested arrays and non-numbers", () => {
    expect(thrownBy(() => tensor([[1, 2], [3]] as number[][])).message).toBe(messages.writeRaggedArray(1, 2, 1));
    expect(thrownBy(() => tensor(["a"] as unknown as number[])).message).toBe(messages.writeNotANumber("'a'"));
  });

  it("an unknown dtype", () => {
    expect(thrownBy(() => zeros([2], "int64" as "int32")).message).toBe(messages.writeInvalidDType("int64"));
  });

  it("an operand that is not a tensor", () => {
    expect(thrownBy(() => untypedEinsum("i,i", zeros([2]), 5)).message).toBe(messages.writeInvalidOperand(1));
    expect(thrownBy(() => untypedEinsum("i", { shape: [2], data: "ab" })).code).toBe("INVALID_OPERAND");
  });

  it("a sublist label that is not a whole number", () => {
    expect(thrownBy(() => untypedEinsum(zeros([2]), [-1])).message).toBe(messages.writeSublistLabel(0, "-1"));
    expect(thrownBy(() => untypedEinsum(zeros([2, 2]), [0, "x"])).message).toBe(messages.writeSublistLabel(0, "'x'"));
  });
});
