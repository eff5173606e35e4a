import { sectionThreeGradients, seedExamples } from "./seed-examples.js";

/** Prints every example of the article as the article shows it: the PyTorch line, then the result. */
for (const example of seedExamples) {
  const result = example.run();
  console.log(`${example.section}. ${example.title}`);
  console.log(`>>> ${example.pytorch}`);
  if (example.printedShape !== undefined) console.log(`torch.Size([${result.shape.join(", ")}])`);
  if (example.printedShape === undefined || result.size <= 50) console.log(String(result));
  console.log();
}

/** Section 3's parameters require grad: back-propagating each result's sum gives every parameter its gradient. */
const { treeQn, attentionW, moco } = sectionThreeGradients();
console.log("Gradients of the sums of section 3's results");
console.log(`TreeQN      W.grad  ${treeQn.W?.shape.join("×")}   b.grad ${treeQn.b?.shape.join("×")}`);
console.log(`attention  WY.grad  ${attentionW?.shape.join("×")}`);
console.log(`MoCo        q.grad  ${moco?.shape.join("×")}`);
console.log(String(moco));
console.log();
