import { defineConfig } from "vitest/config";

// The real-browser suite (`npm run test:browser`): headless Chromium through playwright-core, one file at a time.
// Separate from `npm test`'s unit tests, which need no browser.
export default defineConfig({
  test: {
    include: ["test-browser/**/*.test.ts"],
    fileParallelism: false,
    // Starting Chromium and loading the editor take seconds on a loaded two-core machine: generous, not tight.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-browser-results.json" },
  },
});
