import { describe, expect, it } from "vitest";
import { useBrowserSession } from "./session.js";

/** What test-browser/pages/measure-threads.js reports. */
interface ThreadsReport {
  crossOriginIsolated: boolean;
  float64: { same: boolean; itemsRunByWorkers: number };
  float32: { same: boolean; itemsRunByWorkers: number };
  pool: { host: string; canWait: boolean; workers: number } | null;
  error?: string;
}

// A string, not a function: the test runner rewrites `import()` inside the test file's own functions.
const measureOnPage = `import("/test-browser/pages/measure-threads.js").then((module) => module.measure())`;

const measureInWorker = () =>
  new Promise((resolve) => {
    const worker = new Worker("/test-browser/pages/measure-threads-worker.js", { type: "module" });
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => resolve({ error: String(event.message) });
  });

const cases = [
  {
    name: "a cross-origin isolated page shares products with Web Workers on its main thread, spinning, with equal results",
    path: "test-browser/pages/blank.html",
    measure: measureOnPage,
    isolated: true,
    pool: { host: "web", canWait: false },
  },
  {
    name: "a dedicated worker of an isolated page shares products with Web Workers and waits on them, with equal results",
    path: "test-browser/pages/blank.html",
    measure: measureInWorker,
    isolated: true,
    pool: { host: "web", canWait: true },
  },
  {
    name: "a page that is not isolated has no pool and runs `threads` on one thread with the same results",
    path: "test-browser/pages/blank.html?plain",
    measure: measureOnPage,
    isolated: false,
    pool: null,
  },
];

describe("threads in a real browser (the built package, dist/)", () => {
  const session = useBrowserSession();

  for (const { name, path, measure, isolated, pool } of cases) {
    it(name, async () => {
      const { page, pageErrors } = await session().open(path);
      const report = (await page.evaluate(measure)) as ThreadsReport;
      console.log(`${name}:`, JSON.stringify(report));
      expect(report.error).toBeUndefined();
      expect(report.crossOriginIsolated).toBe(isolated);
      if (pool === null) expect(report.pool).toBeNull();
      else expect(report.pool).toMatchObject(pool);
      for (const dtype of ["float64", "float32"] as const) {
        expect(report[dtype].same, dtype).toBe(true);
        if (isolated) expect(report[dtype].itemsRunByWorkers, dtype).toBeGreaterThan(0);
        else expect(report[dtype].itemsRunByWorkers, dtype).toBe(0);
      }
      expect(pageErrors).toEqual([]);
    });
  }
});
