// The API reference: TypeDoc over src/index.ts, from the JSDoc, with its @example blocks.
import { register } from "node:module";
import { join } from "node:path";

/** Generates the reference into `out`; throws when TypeDoc reports an error. */
export async function buildApiReference(root, out) {
  register("./typescript6-hook.mjs", import.meta.url);
  const { Application, Converter, LogLevel, OptionDefaults } = await import("typedoc");
  const app = await Application.bootstrapWithPlugins({
    entryPoints: [join(root, "src", "index.ts")],
    tsconfig: join(root, "tsconfig.build.json"),
    out,
    name: "typed-einsum",
    readme: join(root, "site", "api-intro.md"),
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    hideGenerator: true,
    logLevel: LogLevel.Warn,
    blockTags: [...OptionDefaults.blockTags, "@ts-expect-error"],
    navigationLinks: { Playground: "../index.html", Guides: "../guides/index.html" },
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      for (const owner of [reflection, ...(reflection.signatures ?? [])]) {
        if (owner.comment !== undefined) rejoinExpectErrors(owner.comment);
      }
    }
  });
  const project = await app.convert();
  if (project === undefined || app.logger.hasErrors()) throw new Error("TypeDoc could not convert src/index.ts");
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error("TypeDoc failed to write the API reference");
}

const partsToText = (parts) => parts.map((part) => part.text).join("");
const unfenced = (text) => text.replace(/^```\w*\n?/, "").replace(/\n?```$/, "");

/**
 * Our @example blocks mark lines that must not compile with `// @ts-expect-error`, which TypeDoc reads as a block
 * tag of its own, cutting the example there: put each such tag back into the example before it, as code.
 */
function rejoinExpectErrors(comment) {
  const tags = [];
  for (const tag of comment.blockTags) {
    const previous = tags[tags.length - 1];
    if (tag.tag === "@ts-expect-error" && previous?.tag === "@example") {
      const code = `${unfenced(partsToText(previous.content)).replace(/\n?\/\/\s*$/, "")}\n// @ts-expect-error ${partsToText(tag.content)}`;
      previous.content = [{ kind: "code", text: `\`\`\`ts\n${code.trim()}\n\`\`\`` }];
    } else {
      tags.push(tag);
    }
  }
  comment.blockTags = tags;
}
