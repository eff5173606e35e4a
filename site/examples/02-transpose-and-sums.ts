// 2.1–2.4 Transpose, sum, column sum, row sum
import { arange, einsum } from "typed-einsum";

const a = arange(6).reshape([2, 3]); // Tensor<[2, 3], "int32">
console.log(a);

// 2.1 Matrix transpose: torch.einsum('ij->ji', [a])
console.log(einsum("ij->ji", [a]));
// 2.2 Sum: torch.einsum('ij->', [a])
console.log(einsum("ij->", [a]));
// 2.3 Column sum: torch.einsum('ij->j', [a])
console.log(einsum("ij->j", [a]));
// 2.4 Row sum: torch.einsum('ij->i', [a])
console.log(einsum("ij->i", [a]));
