// The API reference: TypeDoc over src/index.ts, from the JSDoc, with its @example blocks.
import { register } from "node:module";
import { join } from "node:path";

/** Generates the reference into `out`; throws when TypeDoc reports an error. */
export async function buildApiReference(root, out) {
  register("./typescript6-hook.mjs", import.meta.url);
  const { Application, LogLevel } = await import("typedoc");
  const app = await Application.bootstrapWithPlugins({
    entryPoints: [join(root, "src", "index.ts")],
    tsconfig: join(root, "tsconfig.build.json"),
    out,
    name: "typed-einsum",
    readme: "none",
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    hideGenerator: true,
    logLevel: LogLevel.Warn,
    navigationLinks: { Playground: "../index.html", Guides: "../guides/index.html" },
  });
  const project = await app.convert();
  if (project === undefined || app.logger.hasErrors()) throw new Error("TypeDoc could not convert src/index.ts");
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error("TypeDoc failed to write the API reference");
}
