import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "typed-einsum": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    // No test asserts speed; a timeout only catches a hang. The suite must pass on a 2-core machine shared with
    // other work, where a test that takes 1 s alone can take 10 s, so the limits are set far above any test's need.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" },
  },
});
