import { expectError, expectType } from "tsd";
import { einsum, zeros, type ValidateEquation } from "typed-einsum";
import type {
  WriteAtColumn,
  WriteDiagonalSizeMismatch,
  WriteDidYouMean,
  WriteEllipsisBroadcast,
  WriteInvalidCharacter,
  WriteMalformedArrow,
  WriteMalformedEllipsis,
  WriteOperandCount,
  WriteOutputEllipsisMissing,
  WriteRankBelowEllipsis,
  WriteRankMismatch,
  WriteRepeatedEllipsis,
  WriteRepeatedOutputLabel,
  WriteSecondArrow,
  WriteSizeMismatch,
  WriteUnknownOutputLabel,
} from "../src/messages.js";

// Every refusal is a type error on the equation, and the equation's parameter type is the run time's message,
// written by the same template-literal type the run time's writer returns.

// a character that is not a label
expectError(einsum("i1,1j->ij", zeros([2, 3]), zeros([3, 4])));
expectType<WriteInvalidCharacter<"1", 1>>({} as ValidateEquation<"i1,1j->ij", [[2, 3], [3, 4]]>);
expectType<WriteInvalidCharacter<",", 5>>({} as ValidateEquation<"ij->i,j", [[2, 3]]>);
expectType<WriteInvalidCharacter<"!", 7>>({} as ValidateEquation<"ab, cd !", [[2, 3], [3, 4]]>);

// a second arrow
expectError(einsum("ij->j->i", zeros([2, 3])));
expectType<WriteSecondArrow<5>>({} as ValidateEquation<"ij->j->i", [[2, 3]]>);

// a malformed arrow
expectError(einsum("ij-ji", zeros([2, 3])));
expectType<WriteMalformedArrow<2>>({} as ValidateEquation<"ij-ji", [[2, 3]]>);
expectType<WriteMalformedArrow<2>>({} as ValidateEquation<"ij>ji", [[2, 3]]>);

// a malformed ellipsis
expectError(einsum("i..j->ij", zeros([2, 3, 4])));
expectType<WriteMalformedEllipsis<1>>({} as ValidateEquation<"i..j->ij", [[2, 3, 4]]>);
expectType<WriteMalformedEllipsis<6>>({} as ValidateEquation<"ij->ij.", [[2, 3]]>);

// a repeated ellipsis, in an operand and in the output
expectError(einsum("i...j...->ij", zeros([2, 3, 4, 5])));
expectType<WriteRepeatedEllipsis<"operand 0", 5>>({} as ValidateEquation<"i...j...->ij", [[2, 3, 4, 5]]>);
expectType<WriteRepeatedEllipsis<"operand 1", 6>>({} as ValidateEquation<"i,j......", [[2], [3]]>);
expectType<WriteRepeatedEllipsis<"the output", 9>>({} as ValidateEquation<"ab->a...b...", [[2, 3]]>);

// the operand count
expectError(einsum("ij,jk->ik", zeros([2, 3])));
expectType<WriteAtColumn<WriteOperandCount<2, 1>, 5>>({} as ValidateEquation<"ij,jk->ik", [[2, 3]]>);
expectError(einsum("ij->ij", zeros([2, 3]), zeros([3, 4])));
expectType<WriteAtColumn<WriteOperandCount<1, 2>, 2>>({} as ValidateEquation<"ij->ij", [[2, 3], [3, 4]]>);

// a rank that differs from the term's labels
expectError(einsum("ijk->ij", zeros([2, 3])));
expectType<WriteRankMismatch<0, 2, "ijk", 3>>({} as ValidateEquation<"ijk->ij", [[2, 3]]>);
expectType<WriteRankMismatch<0, 3, "ij", 2>>({} as ValidateEquation<"ij->ij", [[2, 3, 4]]>);
expectType<WriteRankMismatch<1, 1, "jk", 2>>({} as ValidateEquation<"ij, j k", [[2, 3], [3]]>);
expectType<WriteRankMismatch<0, 1, "", 0>>({} as ValidateEquation<",i", [[2], [3]]>);

// a rank below the labels of a term with an ellipsis
expectError(einsum("...ij", zeros([2])));
expectType<WriteRankBelowEllipsis<0, 1, "...ij", 2>>({} as ValidateEquation<"...ij", [[2]]>);
expectType<WriteRankBelowEllipsis<1, 1, "i...j", 2>>({} as ValidateEquation<"i,i...j", [[2], [2]]>);

// unequal sizes for one label
expectError(einsum("ij,jk->ik", zeros([2, 3]), zeros([4, 5])));
expectType<WriteSizeMismatch<"j", 0, 3, 1, 4>>({} as ValidateEquation<"ij,jk->ik", [[2, 3], [4, 5]]>);
expectType<WriteSizeMismatch<"c", 1, 4, 2, 5>>({} as ValidateEquation<"ab,bc,cd->ad", [[2, 3], [3, 4], [5, 6]]>);
expectType<WriteSizeMismatch<"j", 1, 3, 2, 4>>({} as ValidateEquation<"ij,jk,jl", [[2, 1], [3, 4], [4, 5]]>);

// unequal sizes under a label repeated in one operand
expectError(einsum("ii->i", zeros([2, 3])));
expectType<WriteDiagonalSizeMismatch<"i", 0, 2, 3>>({} as ValidateEquation<"ii->i", [[2, 3]]>);
expectType<WriteDiagonalSizeMismatch<"k", 1, 1, 3>>({} as ValidateEquation<"i,kk", [[2], [1, 3]]>);

// ellipsis dimensions that do not broadcast
expectError(einsum("...,...->...", zeros([2, 3]), zeros([4, 3])));
expectType<WriteEllipsisBroadcast<0, 2, 1, 4>>({} as ValidateEquation<"...,...->...", [[2, 3], [4, 3]]>);
expectType<WriteEllipsisBroadcast<0, 5, 1, 4>>({} as ValidateEquation<"i...j,...->...ij", [[2, 5, 1, 3], [7, 4, 1]]>);
expectType<WriteEllipsisBroadcast<1, 3, 2, 2>>({} as ValidateEquation<"...,...,...", [[1], [3], [2]]>);

// an output label absent from the inputs, with a hint when the other case is an input label
expectError(einsum("ij->ik", zeros([2, 3])));
expectType<WriteAtColumn<WriteUnknownOutputLabel<"k">, 5>>({} as ValidateEquation<"ij->ik", [[2, 3]]>);
expectType<WriteDidYouMean<WriteAtColumn<WriteUnknownOutputLabel<"J">, 5>, "j">>({} as ValidateEquation<"ij->iJ", [[2, 3]]>);

// an output label repeated
expectError(einsum("ij->ii", zeros([2, 2])));
expectType<WriteAtColumn<WriteRepeatedOutputLabel<"i">, 5>>({} as ValidateEquation<"ij->ii", [[2, 2]]>);

// the ellipsis stands for dimensions but the explicit output has no `...`
expectError(einsum("...ij->ij", zeros([5, 2, 3])));
expectType<WriteAtColumn<WriteOutputEllipsisMissing<1>, 7>>({} as ValidateEquation<"...ij->ij", [[5, 2, 3]]>);
expectType<WriteAtColumn<WriteOutputEllipsisMissing<2>, 6>>({} as ValidateEquation<"i...->i", [[2, 3, 4]]>);

// The first mistake is the one reported, in the run time's order: grammar, count, ranks, ellipsis, sizes, output.
expectType<WriteInvalidCharacter<"1", 4>>({} as ValidateEquation<"i->i1", [[2, 3]]>);
expectType<WriteRankMismatch<1, 1, "jk", 2>>({} as ValidateEquation<"ij,jk->ik", [[2, 3], [4]]>);
expectType<WriteSizeMismatch<"j", 0, 3, 1, 4>>({} as ValidateEquation<"ij,jk->iX", [[2, 3], [4, 5]]>);
expectType<WriteSizeMismatch<"j", 0, 3, 1, 4>>({} as ValidateEquation<"ij,jj", [[2, 3], [4, 5]]>);
expectType<WriteDiagonalSizeMismatch<"j", 1, 3, 5>>({} as ValidateEquation<"ij,jj", [[2, 3], [3, 5]]>);

// ---- boundary types ------------------------------------------------------------------------------------------
expectType<any>({} as ValidateEquation<any, [[2, 3]]>);
expectType<never>({} as ValidateEquation<never, [[2, 3]]>);
expectType<string>({} as ValidateEquation<string, [[2, 3]]>);
expectType<"ij,jk->ik">({} as ValidateEquation<"ij,jk->ik", [number[], [4, 5]]>);
// A grammar mistake shows even when the ranks are unknown; the operand count too.
expectType<WriteInvalidCharacter<"1", 1>>({} as ValidateEquation<"i1", [number[]]>);
expectType<WriteAtColumn<WriteOperandCount<2, 1>, 3>>({} as ValidateEquation<"i,j", [number[]]>);
