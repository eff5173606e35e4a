import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserSession, type BrowserSession } from "./session.js";

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

describe("threads in a real browser (the built package, dist/)", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(() => session?.close());

  it("a cross-origin isolated page shares products with Web Workers on its main thread, spinning, with equal results", async () => {
    const { page, pageErrors } = await session.open("test-browser/pages/blank.html");
    const report = (await page.evaluate(measureOnPage)) as ThreadsReport;
    console.log("isolated page:", JSON.stringify(report));
    expect(report.error).toBeUndefined();
    expect(report.crossOriginIsolated).toBe(true);
    expect(report.pool).toMatchObject({ host: "web", canWait: false });
    for (const dtype of ["float64", "float32"] as const) {
      expect(report[dtype].same, dtype).toBe(true);
      expect(report[dtype].itemsRunByWorkers, dtype).toBeGreaterThan(0);
    }
    expect(pageErrors).toEqual([]);
  });

  it("a dedicated worker of an isolated page shares products with Web Workers and waits on them, with equal results", async () => {
    const { page, pageErrors } = await session.open("test-browser/pages/blank.html");
    const report = (await page.evaluate(measureInWorker)) as ThreadsReport;
    console.log("worker of an isolated page:", JSON.stringify(report));
    expect(report.error).toBeUndefined();
    expect(report.pool).toMatchObject({ host: "web", canWait: true });
    for (const dtype of ["float64", "float32"] as const) {
      expect(report[dtype].same, dtype).toBe(true);
      expect(report[dtype].itemsRunByWorkers, dtype).toBeGreaterThan(0);
    }
    expect(pageErrors).toEqual([]);
  });

  it("a page that is not isolated has no pool and runs `threads` on one thread with the same results", async () => {
    const { page, pageErrors } = await session.open("test-browser/pages/blank.html?plain");
    const report = (await page.evaluate(measureOnPage)) as ThreadsReport;
    console.log("page that is not isolated:", JSON.stringify(report));
    expect(report.error).toBeUndefined();
    expect(report.crossOriginIsolated).toBe(false);
    expect(report.pool).toBeNull();
    for (const dtype of ["float64", "float32"] as const) {
      expect(report[dtype].same, dtype).toBe(true);
      expect(report[dtype].itemsRunByWorkers, dtype).toBe(0);
    }
    expect(pageErrors).toEqual([]);
  });
});
