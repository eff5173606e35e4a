import { expectError, expectType } from "tsd";
import { einsum, zeros, type Tensor, type ValidateEquation } from "typed-einsum";
import type { WriteAtColumn, WriteOutputEllipsisMissing, WriteSizeMismatch } from "../src/messages.js";

// After the '->', the equation's parameter type also holds what may be typed next: the equation followed by each
// input label not yet in the output, by '...' when the inputs have one, and, right after the '->', by the implicit
// output as a whole. The editor offers these inside the string.

// right after the '->': every input label, and the implicit output
expectType<"ij,jk->" | "ij,jk->i" | "ij,jk->j" | "ij,jk->k" | "ij,jk->ik">(
  {} as ValidateEquation<"ij,jk->", [[2, 3], [3, 4]]>,
);
expectType<"bk,aki->" | "bk,aki->a" | "bk,aki->b" | "bk,aki->i" | "bk,aki->k" | "bk,aki->abi">(
  {} as ValidateEquation<"bk,aki->", [[2, 3], [5, 3, 3]]>,
);

// with an ellipsis standing for no dimension, the empty output is valid, and '...' is offered
expectType<"...ij,...jk->" | "...ij,...jk->i" | "...ij,...jk->j" | "...ij,...jk->k" | "...ij,...jk->..." | "...ij,...jk->...ik">(
  {} as ValidateEquation<"...ij,...jk->", [[2, 3], [3, 4]]>,
);

// with an ellipsis standing for dimensions, the empty output is refused (it needs a '...'), and the completions
// are offered beside the message
expectType<
  | WriteAtColumn<WriteOutputEllipsisMissing<1>, 13>
  | "...ij,...jk->i"
  | "...ij,...jk->j"
  | "...ij,...jk->k"
  | "...ij,...jk->..."
  | "...ij,...jk->...ik"
>({} as ValidateEquation<"...ij,...jk->", [[7, 2, 3], [7, 3, 4]]>);

// while the output is being typed: the labels not yet in it, and no implicit output
expectType<"ij,jk->i" | "ij,jk->ij" | "ij,jk->ik">({} as ValidateEquation<"ij,jk->i", [[2, 3], [3, 4]]>);
expectType<"bk,aki->bai" | "bk,aki->baik">({} as ValidateEquation<"bk,aki->bai", [[2, 3], [5, 3, 3]]>);
expectType<"a...b->b...a">({} as ValidateEquation<"a...b->b...a", [[2, 7, 3]]>);
expectType<"a...b->...a" | "a...b->...ab">({} as ValidateEquation<"a...b->...a", [[2, 7, 3]]>);

// spaces: the completions follow the text as typed
expectType<" i j , j k -> " | " i j , j k -> i" | " i j , j k -> j" | " i j , j k -> k" | " i j , j k -> ik">(
  {} as ValidateEquation<" i j , j k -> ", [[2, 3], [3, 4]]>,
);

// a completion, once chosen, type-checks
expectType<Tensor<[], "float64">>(einsum("ij,jk->", zeros([2, 3]), zeros([3, 4])));
expectType<Tensor<[2, 4], "float64">>(einsum("ij,jk->ik", zeros([2, 3]), zeros([3, 4])));
expectType<Tensor<[4, 2], "float64">>(einsum("ij,jk->ki", zeros([2, 3]), zeros([3, 4])));
expectType<Tensor<[5, 2, 3], "float64">>(einsum("bk,aki->abi", zeros([2, 3]), zeros([5, 3, 3])));
expectType<Tensor<[7, 2, 4], "float64">>(einsum("...ij,...jk->...ik", zeros([7, 2, 3]), zeros([7, 3, 4])));

// the union is linear in the labels: one entry per label, never one per order
type Twenty = ValidateEquation<"abcdefghij,klmnopqrst->", [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]>;
type CountOf<Union, Counted extends unknown[] = []> = [Union] extends [never]
  ? Counted["length"]
  : CountOf<Exclude<Union, LastOf<Union>>, [...Counted, 0]>;
type LastOf<Union> = (Union extends unknown ? (value: () => Union) => void : never) extends (value: infer Last) => void
  ? Last extends () => infer Member
    ? Member
    : never
  : never;
expectType<22>({} as CountOf<Twenty>); // the equation, 20 labels, the implicit output

// the completions never hide an error: a refused output keeps only its message
expectType<WriteSizeMismatch<"j", 0, 3, 1, 4>>({} as ValidateEquation<"ij,jk->", [[2, 3], [4, 5]]>);
expectError(einsum("ij,jk->", zeros([2, 3]), zeros([4, 5])));

// ---- boundary types ----------------------------------------------------------------------------------------------

// implicit mode offers nothing more
expectType<"ij,jk">({} as ValidateEquation<"ij,jk", [[2, 3], [3, 4]]>);
// an equation typed `string`, or operands of unknown rank: no completions, no error
expectType<string>({} as ValidateEquation<string, [[2, 3]]>);
expectType<"ij->">({} as ValidateEquation<"ij->", [number[]]>);
expectType<"ij->">({} as ValidateEquation<"ij->", number[][]>);
// a size typed `number` still offers the labels
expectType<"ij->" | "ij->i" | "ij->j" | "ij->ij">({} as ValidateEquation<"ij->", [[number, 3]]>);
// `never` and `any`
expectType<never>({} as ValidateEquation<never, [[2, 3]]>);
