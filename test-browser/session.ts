import type { Browser, Page } from "playwright-core";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium.mjs";
import { serveStatic } from "../site/serve.mjs";

/** The repository's root, which the suite's server serves (dist/, site/dist/, test-browser/pages/). */
export const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

/** One headless Chromium and one static server for a test file; pages opened through it record their errors. */
export interface BrowserSession {
  readonly baseUrl: string;
  /**
   * Opens a fresh page (its own context) at `path` on the server, or at a `file:` URL, recording uncaught page
   * errors and console errors.
   */
  open(path: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenedPage {
  readonly page: Page;
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

/**
 * Starts the server and the browser. A request's URL with `plain` in its query is served without the cross-origin
 * isolation headers; every other one with them.
 */
export async function startBrowserSession(): Promise<BrowserSession> {
  const server = await serveStatic({ root: repositoryRoot, isolate: (url) => !url.searchParams.has("plain") });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    baseUrl: server.url,
    async open(path) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      const consoleErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(String(error.stack ?? error)));
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      await page.goto(path.startsWith("file:") ? path : new URL(path, server.url).href);
      return { page, pageErrors, consoleErrors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Starts a session before the file's tests and closes it after them; call the result inside a test. */
export function useBrowserSession(): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(() => session?.close());
  return () => {
    if (session === undefined) throw new Error("the browser session did not start");
    return session;
  };
}
