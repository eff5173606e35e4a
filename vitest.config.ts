import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "typed-einsum": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" },
  },
});
