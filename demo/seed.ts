import { seedExamples } from "./seed-examples.js";

/** Prints every example of the article as the article shows it: the PyTorch line, then the result. */
for (const example of seedExamples) {
  const result = example.run();
  console.log(`${example.section}. ${example.title}`);
  console.log(`>>> ${example.pytorch}`);
  if (example.printedShape !== undefined) console.log(`torch.Size([${result.shape.join(", ")}])`);
  if (example.printedShape === undefined || result.size <= 50) console.log(String(result));
  console.log();
}
