import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { writeSizeMismatch } from "../src/messages.js";
import { repositoryRoot, useBrowserSession, type OpenedPage } from "./session.js";

const screenshots = fileURLToPath(new URL("./screenshots/", import.meta.url));

/** The playground's address with `code` in its hash, as a shared link carries it (on the server, or a file: URL). */
function linkTo(code: string, page = "site/dist/index.html"): string {
  return `${page}#code=${Buffer.from(code, "utf8").toString("base64url")}`;
}

/** Waits until the diagnostics hook holds the check of the code (not the state before the checker answered). */
async function checked({ page }: OpenedPage): Promise<string> {
  await page.waitForSelector('[data-testid="diagnostics"][data-state="checked"]', { state: "attached", timeout: 120_000 });
  return page.locator('[data-testid="diagnostics"]').innerText();
}

/** Waits until the run ends, and returns what it printed. */
async function ran({ page }: OpenedPage): Promise<string> {
  await page.waitForSelector('[data-testid="output"][data-state="done"], [data-testid="output"][data-state="failed"]', {
    state: "attached",
    timeout: 120_000,
  });
  return page.locator('[data-testid="output"]').innerText();
}

const validCode = `import { einsum, tensor } from "typed-einsum";

const a = tensor([[1, 2], [3, 4]]);
const b = tensor([[5, 6], [7, 8]]);
const c = tensor([[1, 0], [0, 1]]);
const product = einsum("ij,jk,kl->il", a, b, c);
console.log("product αβ →", product.toArray()); // UTF-8 through the link's base64url
`;

describe("the playground (site/dist/index.html)", () => {
  const browser = useBrowserSession();

  it("runs valid code from the link, prints its output, draws the contraction tree and shows no problem", async () => {
    const opened = await browser().open(linkTo(validCode));
    expect(await checked(opened)).not.toMatch(/\d+:\d+/);
    const output = await ran(opened);
    // [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]], times the identity.
    expect(output).toContain("product αβ → [[19,22],[43,50]]");
    const svg = opened.page.locator('[data-testid="path"] svg');
    await expect.poll(() => svg.count()).toBe(1);
    expect(await svg.locator("g.node").count()).toBe(5); // three operands and two pairwise steps
    expect(await opened.page.locator('[data-testid="path"] .report').innerText()).toContain("Complete contraction:  ij,jk,kl->il");
    mkdirSync(screenshots, { recursive: true });
    await opened.page.screenshot({ path: `${screenshots}playground.png` });
    expect(opened.pageErrors).toEqual([]);
  });

  it("shows the compiler's message for a wrong equation, and the run throws the same message", async () => {
    const code = `import { einsum, zeros } from "typed-einsum";\n\nconst c = einsum("ij,jk->ik", zeros([2, 3]), zeros([4, 5]));\nconsole.log(c.shape);\n`;
    const opened = await browser().open(linkTo(code));
    const message = writeSizeMismatch("j", 0, 3, 1, 4);
    const diagnostics = await checked(opened);
    expect(diagnostics).toContain(message);
    expect(diagnostics).toContain("3:46"); // on the operand at fault, zeros([4, 5]), not on the equation
    const output = await ran(opened);
    expect(output).toContain("EinsumError");
    expect(output).toContain(message);
    await opened.page.screenshot({ path: `${screenshots}playground-error.png` });
    expect(opened.pageErrors).toEqual([]);
  });

  it("hovers with the exact shape and completes the output inside the equation string", async () => {
    const code = `import { einsum, zeros } from "typed-einsum";\n\nconst zl = zeros([2, 3]);\nconst W = zeros([5, 3, 3]);\nconst transformed = einsum("bk,aki->bai", zl, W);\nconst partial = einsum("bk,aki->", zl, W);\n`;
    const opened = await browser().open(linkTo(code));
    await checked(opened);
    const { page } = opened;
    // Hover over `transformed` (line 5, column 8), through the editor's own hover action.
    await page.evaluate(() => {
      const editor = (globalThis as any).monaco.editor.getEditors()[0];
      editor.setPosition({ lineNumber: 5, column: 8 });
      editor.focus();
      editor.trigger("test", "editor.action.showHover", {});
    });
    const hover = page.locator(".monaco-hover-content");
    await expect.poll(() => hover.innerText(), { timeout: 60_000 }).toContain('Tensor<[2, 5, 3], "float64">');
    // The cursor right after `->` in line 6 ("bk,aki->"), then the editor's suggest action.
    await page.keyboard.press("Escape");
    await page.evaluate(() => {
      const editor = (globalThis as any).monaco.editor.getEditors()[0];
      const column = 'const partial = einsum("bk,aki->'.length + 1;
      editor.setPosition({ lineNumber: 6, column });
      editor.focus();
      editor.trigger("test", "editor.action.triggerSuggest", {});
    });
    const rows = page.locator(".suggest-widget .monaco-list-row");
    await expect.poll(() => rows.allInnerTexts(), { timeout: 60_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining("bk,aki->abi"), expect.stringContaining("bk,aki->a")]),
    );
    await page.screenshot({ path: `${screenshots}playground-completions.png` });
    expect(opened.pageErrors).toEqual([]);
  });

  it("runs every preloaded example", async () => {
    const opened = await browser().open("site/dist/index.html");
    await ran(opened);
    const ids = await opened.page.locator("#examples option").evaluateAll((options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      await opened.page.selectOption("#examples", id);
      const output = await ran(opened);
      const diagnostics = await checked(opened);
      if (id === "shape-errors") {
        expect(diagnostics, id).toContain(writeSizeMismatch("j", 0, 3, 1, 4));
        expect(output, id).toContain(writeSizeMismatch("j", 0, 3, 1, 4));
      } else {
        expect(diagnostics, id).not.toMatch(/\d+:\d+/);
        expect(await opened.page.locator('[data-testid="output"]').getAttribute("data-state"), `${id}: ${output}`).toBe("done");
        expect(output.trim(), id).not.toBe("");
      }
    }
    expect(opened.pageErrors).toEqual([]);
  }, 600_000); // twelve examples, each checked and run in the page: about a minute alone, more under load

  it("works opened from the disk (file:), with its classic scripts: the message, the run and the tree", async () => {
    const page = pathToFileURL(join(repositoryRoot, "site", "dist", "index.html")).href;
    const wrong = await browser().open(linkTo(`import { einsum, zeros } from "typed-einsum";\n\neinsum("ij,jk->ik", zeros([2, 3]), zeros([4, 5]));\n`, page));
    expect(await checked(wrong)).toContain(writeSizeMismatch("j", 0, 3, 1, 4));
    expect(await ran(wrong)).toContain(writeSizeMismatch("j", 0, 3, 1, 4));
    expect(wrong.pageErrors).toEqual([]);
    const valid = await browser().open(linkTo(validCode, page));
    expect(await checked(valid)).not.toMatch(/\d+:\d+/);
    expect(await ran(valid)).toContain("product αβ → [[19,22],[43,50]]");
    await expect.poll(() => valid.page.locator('[data-testid="path"] svg').count()).toBe(1);
    expect(valid.pageErrors).toEqual([]);
    expect(valid.consoleErrors).toEqual([]);
  });

  it("loads the API reference and the guides", async () => {
    const api = await browser().open("site/dist/api/index.html");
    expect(await api.page.title()).toContain("typed-einsum");
    expect(await api.page.locator("body").innerText()).toContain("einsum");
    const guides = await browser().open("site/dist/guides/index.html");
    expect(await guides.page.locator("body").innerText()).toContain("Guides");
    expect(api.pageErrors).toEqual([]);
    expect(guides.pageErrors).toEqual([]);
  });
});
