// Finds a Chromium or Chrome binary on this machine and launches it headless through playwright-core.
// Browsers are not downloaded: the suite drives the system's (Debian: `apt-get install -y chromium`).
// Run directly (`node test-browser/chromium.mjs`), it says in one line whether a browser was found, and exits 1 when
// none was, so that `npm run test:browser` stops there instead of failing every test.
import { existsSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

export const installHint =
  "install one (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROME=/path/to/chrome";

/**
 * The browser binary to drive: `$CHROME` when set, else the first Chromium or Chrome on the PATH.
 * @returns {string | undefined}
 */
export function findChromium() {
  if (process.env.CHROME) return existsSync(process.env.CHROME) ? process.env.CHROME : undefined;
  const folders = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of candidates) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/**
 * Chromium's flags for a closed network: without the background-networking ones its own connections are refused
 * and slow the start down.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * Launches the system's Chromium headless, with a fresh profile (playwright-core makes a temporary user-data-dir).
 * @returns {Promise<import("playwright-core").Browser>}
 */
export async function launchChromium() {
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error(`No Chromium or Chrome found: ${installHint}.`);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 120_000 });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findChromium();
  if (found === undefined) {
    console.error(`No Chromium or Chrome found for the browser tests: ${installHint}.`);
    process.exit(1);
  }
  console.log(`Browser tests run in ${found}.`);
}
