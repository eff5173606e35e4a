// Checks the declarations emitted for type-tests/declarations/consumer.ts (by `tsc -p type-tests/declarations`):
// every type they name from typed-einsum must come through the package's entry point, `import("typed-einsum")`.
// A path into dist/ means a type of a public signature that index.ts does not export; a consumer that installed
// the package would get TS2742 or TS2883 there.
import { readFileSync } from "node:fs";

const emitted = readFileSync(new URL("../../.declarations-build/consumer.d.ts", import.meta.url), "utf8");
const specifiers = [...emitted.matchAll(/import\("([^"]+)"\)/g)].map((match) => match[1]);
const stray = [...new Set(specifiers.filter((specifier) => specifier !== "typed-einsum"))];
if (stray.length > 0) {
  console.error(`declarations name types outside the entry point: ${stray.join(", ")}`);
  process.exit(1);
}
if (!specifiers.includes("typed-einsum")) {
  console.error("the emitted declarations name no typed-einsum type: the consumer no longer exercises them");
  process.exit(1);
}
console.log(`declaration emit: ${specifiers.length} types named, all through "typed-einsum"`);
