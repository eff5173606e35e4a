import { mean, mul, noGrad, sub, type Tensor } from "typed-einsum";
import { attentionInputs, attentionParameters, attentionStep } from "./seed-examples.js";

/**
 * Fits the attention step of section 3.2 to a target with plain gradient descent: a teacher's parameters make the
 * target output, and a student, started from other parameters, learns to reproduce it from the same inputs. Prints
 * the loss falling, with a progress line.
 */
const inputs = attentionInputs(20);
const target: Tensor<[3, 7]> = noGrad(() => attentionStep(attentionParameters(40), inputs).rt);
const student = attentionParameters(20);
const parameters = Object.values(student);
const steps = 300;
const learningRate = 0.2;

/** The mean squared error between the student's output and the target. */
function loss(): Tensor<[], "float64"> {
  const difference: Tensor<[3, 7]> = sub(attentionStep(student, inputs).rt, target);
  return mean(mul(difference, difference));
}

const progress = (step: number): string => {
  const filled = Math.round((step / steps) * 30);
  return `[${"#".repeat(filled)}${".".repeat(30 - filled)}] ${String(step).padStart(3)}/${steps}`;
};

const first = noGrad(loss).item();
console.log(`Fitting the attention step's ${parameters.length} parameters to a target by gradient descent`);
console.log(`${progress(0)}  loss ${first.toFixed(6)}`);
let last = first;
for (let step = 1; step <= steps; step++) {
  const value = loss();
  value.backward();
  for (const parameter of parameters) {
    const gradient = parameter.grad;
    if (gradient === null) continue;
    for (let index = 0; index < parameter.data.length; index++) {
      parameter.data[index] = (parameter.data[index] ?? 0) - learningRate * (gradient.data[index] ?? 0);
    }
    parameter.grad = null;
  }
  last = value.item();
  if (step % 30 === 0) console.log(`${progress(step)}  loss ${last.toFixed(6)}`);
}
console.log(`loss fell from ${first.toFixed(6)} to ${noGrad(loss).item().toFixed(6)} (${(first / noGrad(loss).item()).toFixed(1)}× lower)`);
