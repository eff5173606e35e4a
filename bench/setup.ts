/**
 * Set-up cost against the number of operands: a chain of 2×2 matrices in the sublist form, contracted left to right
 * (`optimize: false`, so no search is timed), at growing lengths. Each row reports the time per operand and its
 * ratio to the shortest chain's, measured in the same run: a ratio near 1 is linear set-up, a ratio growing with
 * the length is not. Run with `npm run bench:setup`.
 */
import { einsum, tensor } from "../src/index.js";
import { bestTime } from "./timing.js";

const lengths = [1000, 3000, 10000, 30000];
const swap = tensor([[0, 1], [1, 0]]);

function chainArguments(count: number): unknown[] {
  const args: unknown[] = [];
  for (let index = 0; index < count; index++) args.push(swap, [index, index + 1]);
  args.push([0, count], { optimize: false });
  return args;
}

const untyped = einsum as unknown as (...args: unknown[]) => unknown;
// Warm the code up on a chain of another length first, so the first row does not pay for compilation.
for (let round = 0; round < 3; round++) untyped(...chainArguments(2000));
let baseline = 0;
console.log(`${"operands".padStart(9)}  ${"ms".padStart(9)}  ${"µs/operand".padStart(11)}  ratio to ${lengths[0]}`);
for (const count of lengths) {
  const args = chainArguments(count);
  const ms = bestTime(() => untyped(...args), 1000, 3);
  const perOperand = (ms * 1000) / count;
  if (baseline === 0) baseline = perOperand;
  console.log(
    `${String(count).padStart(9)}  ${ms.toFixed(1).padStart(9)}  ${perOperand.toFixed(2).padStart(11)}  ${(perOperand / baseline).toFixed(2)}`,
  );
}
