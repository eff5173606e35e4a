// The column of a mistake in the equation, in words: counted from 1 at the equation's first character, so one more
// than the index the error keeps in `position`. Expected texts are written by hand; the calls check that the run
// time says the column of the character its caret points at.
import { describe, expect, it } from "vitest";
import { zeros } from "typed-einsum";
import * as messages from "../../src/messages.js";
import { thrownBy } from "../fixtures/thrown-by.js";
import { untypedEinsum } from "../fixtures/untyped.js";

describe("the writers of located messages", () => {
  it("count columns from 1", () => {
    expect(messages.column(0)).toBe(1);
    expect(messages.column(199)).toBe(200);
    expect(messages.column(1999)).toBe(2000);
  });

  it("say the column of a grammar mistake", () => {
    expect(messages.writeInvalidCharacter("#", 4)).toBe("invalid character '#' at column 5: labels are the letters a-z and A-Z");
    expect(messages.writeSecondArrow(5)).toBe("the equation has a second '->' at column 6");
    expect(messages.writeMalformedArrow(2)).toBe("the arrow at column 3 is malformed: write '->'");
    expect(messages.writeMalformedEllipsis(1)).toBe("the '.' at column 2 is not part of an ellipsis '...'");
    expect(messages.writeRepeatedEllipsis("operand 0", 5)).toBe("operand 0 has a second ellipsis '...' at column 6");
  });

  it("place the other mistakes of the equation at a column", () => {
    expect(messages.writeAtColumn(messages.writeRepeatedOutputLabel("i"), 8)).toBe(
      "output label 'i' appears more than once, at column 9",
    );
    expect(messages.writeAtColumn(messages.writeOperandCount(2, 1), 5)).toBe(
      "the equation has 2 input terms but the call gives 1 operand, at column 6",
    );
    expect(messages.writeDidYouMean(messages.writeAtColumn(messages.writeUnknownOutputLabel("K"), 9), "k")).toBe(
      "output label 'K' does not appear in any input, at column 10; did you mean 'k'?",
    );
  });

  it("say an index, not a column, for a sublist", () => {
    expect(messages.writeRepeatedSublistEllipsis("operand 0", 2)).toBe("the sublist of operand 0 has a second ellipsis '...' at index 2");
  });
});

/** Mistakes of the equation, each with the column of the character at fault, counted by hand. */
const located: readonly (readonly [equation: string, shapes: readonly (readonly number[])[], column: number, message: string])[] = [
  ["ij,j#->i", [[2, 3], [3, 4]], 5, "invalid character '#' at column 5: labels are the letters a-z and A-Z"],
  ["ij->j->i", [[2, 3]], 6, "the equation has a second '->' at column 6"],
  ["ij -ji", [[2, 3]], 4, "the arrow at column 4 is malformed: write '->'"],
  ["i..j->ij", [[2, 3, 4]], 2, "the '.' at column 2 is not part of an ellipsis '...'"],
  ["ij,jk->ik", [[2, 3]], 6, "the equation has 2 input terms but the call gives 1 operand, at column 6"],
  ["ij->i z", [[2, 3]], 7, "output label 'z' does not appear in any input, at column 7"],
  ["ij->i J", [[2, 3]], 7, "output label 'J' does not appear in any input, at column 7; did you mean 'j'?"],
  ["ij, jk -> k i k", [[2, 3], [3, 4]], 15, "output label 'k' appears more than once, at column 15"],
  ["...ij->  ij", [[5, 2, 3]], 8, "the ellipsis stands for 1 dimension but the output has no '...', at column 8"],
  [`${" ".repeat(300)}i#`, [[2]], 302, "invalid character '#' at column 302: labels are the letters a-z and A-Z"],
];

describe("the run time's messages of equation mistakes", () => {
  it.each(located)("%s says column %i", (equation, shapes, column, message) => {
    const error = thrownBy(() => untypedEinsum(equation, ...shapes.map((shape) => zeros(shape))));
    expect(error.headline).toBe(message);
    expect(error.position).toBe(column - 1);
  });
});

describe("the sublist form beyond the 52 letters", () => {
  // Its labels are named #52, #53, …, and its errors show the equation it stands for, `#100 #60,#60 #75->…`: the
  // caret and the column point at the label there.
  it("says the column of an unknown output label", () => {
    const error = thrownBy(() => untypedEinsum(zeros([2, 3]), [100, 60], zeros([3, 4]), [60, 75], [100, 99]));
    expect(error.message).toBe("output label '#99' does not appear in any input, at column 24\n  #100 #60,#60 #75->#100 #99\n                         ^");
  });

  it("puts the caret of a size mismatch under the label of the later operand", () => {
    const error = thrownBy(() => untypedEinsum(zeros([2, 3]), [100, 60], zeros([4, 4]), [60, 75]));
    expect(error.headline).toBe("label '#60' has size 3 in operand 0 but 4 in operand 1");
    expect(error.position).toBe("#100 #60,".length);
  });
});
