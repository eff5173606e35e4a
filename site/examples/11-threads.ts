// Threads on a cross-origin isolated page
import { einsum, randn } from "typed-einsum";

// With the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp the page
// is cross-origin isolated, and large products may share their work with Web Workers. Without them `threads` runs
// on one thread, with the same result.
console.log("cross-origin isolated:", crossOriginIsolated);
const a = randn([384, 384], { seed: 1 });
const b = randn([384, 384], { seed: 2 });
const one = einsum("ij,jk->ik", a, b);
const two = einsum("ij,jk->ik", a, b, { threads: 2 });
console.log("same result on two threads:", two.data.every((value, index) => value === one.data[index]));
