// 2.5–2.10 Matrix-vector, matrix-matrix, dot, Hadamard and outer products
import { arange, einsum } from "typed-einsum";

const a = arange(6).reshape([2, 3]);

// 2.5 Matrix-vector multiplication: torch.einsum('ik,k->i', [a, b])
console.log(einsum("ik,k->i", [a, arange(3)]));
// 2.6 Matrix-matrix multiplication: torch.einsum('ik,kj->ij', [a, b])
console.log(einsum("ik,kj->ij", [a, arange(15).reshape([3, 5])]));
// 2.7 Dot product of vectors: torch.einsum('i,i->', [a, b])
console.log(einsum("i,i->", [arange(3), arange(3, 6)]));
// 2.8 Dot product of matrices: torch.einsum('ij,ij->', [a, b])
console.log(einsum("ij,ij->", [a, arange(6, 12).reshape([2, 3])]));
// 2.9 Hadamard product: torch.einsum('ij,ij->ij', [a, b])
console.log(einsum("ij,ij->ij", [a, arange(6, 12).reshape([2, 3])]));
// 2.10 Outer product: torch.einsum('i,j->ij', [a, b])
console.log(einsum("i,j->ij", [arange(3), arange(3, 7)]));
