// The guides (docs/*.md) as HTML pages with the site's header, an index page, and the images they show.
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { Marked } from "marked";

const escapeHtml = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** Links between guides point at their HTML pages. */
const marked = new Marked({
  gfm: true,
  walkTokens(token) {
    if (token.type === "link" && /^[\w.-]+\.md(#.*)?$/.test(token.href)) token.href = token.href.replace(/\.md(#|$)/, ".html$1");
  },
  renderer: {
    heading({ tokens, depth, text }) {
      const id = text.toLowerCase().replace(/<[^>]+>|`/g, "").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-");
      return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
});

/** The page around a guide's HTML. */
export function guidePage({ title, body, guides, current }) {
  const navigation = guides
    .map((guide) => `<li><a href="${guide.file}"${guide.file === current ? ' class="current"' : ""}>${escapeHtml(guide.title)}</a></li>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · typed-einsum</title>
  <link rel="stylesheet" href="../site.css">
  <link rel="stylesheet" href="../guides.css">
</head>
<body class="guide">
  <header class="bar">
    <a class="brand" href="../"><span class="logo">∑</span> typed-einsum <span class="sub">guides</span></a>
    <nav class="links"><a href="../">Playground</a><a href="./" class="current">Guides</a><a href="../api/">API reference</a></nav>
  </header>
  <div class="guide-layout">
    <nav class="guide-list" aria-label="Guides"><ul>
${navigation}
    </ul></nav>
    <article class="prose">
${body}
    </article>
  </div>
</body>
</html>
`;
}

/** Renders every docs/*.md into `out`, and an index; resolves to the number of guides. */
export async function renderGuides(docs, out) {
  await mkdir(out, { recursive: true });
  const names = (await readdir(docs)).sort();
  const guides = [];
  for (const name of names) {
    if (!name.endsWith(".md")) {
      await cp(join(docs, name), join(out, name), { recursive: true });
      continue;
    }
    const markdown = await readFile(join(docs, name), "utf8");
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? basename(name, ".md");
    const summary = markdown.split(/\n\n+/).find((block) => block.trim() !== "" && !block.startsWith("#")) ?? "";
    guides.push({ name, file: `${basename(name, ".md")}.html`, title, markdown, summary });
  }
  for (const guide of guides) {
    const body = await marked.parse(guide.markdown);
    await writeFile(join(out, guide.file), guidePage({ title: guide.title, body, guides, current: guide.file }));
  }
  const list = guides
    .map((guide) => `<li><a href="${guide.file}">${escapeHtml(guide.title)}</a><p>${marked.parseInline(guide.summary.replace(/\n/g, " "))}</p></li>`)
    .join("\n");
  const body = `<h1>Guides</h1>\n<p>How typed-einsum reads equations, what it computes, how it plans and how fast it runs.
Try any of it in the <a href="../">playground</a>; every public function is in the <a href="../api/">API reference</a>.</p>
<ul class="guide-index">\n${list}\n</ul>`;
  await writeFile(join(out, "index.html"), guidePage({ title: "Guides", body, guides, current: "index.html" }));
  return guides.length;
}
