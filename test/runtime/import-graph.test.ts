import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const source = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src");

/** Every TypeScript file under a folder. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : entry.name.endsWith(".ts") ? [join(folder, entry.name)] : [],
  );
}

/** The modules a file imports or re-exports as values (type-only imports are erased, so they cannot make a circle). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)"/gm)]
    .filter((match) => match[1] === undefined)
    .map((match) => normalize(join(dirname(file), (match[2] ?? "").replace(/\.js$/, ".ts"))));
}

/** The import circles among the files, each as the list of files along it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push(path.slice(path.indexOf(next)));
      else if (state.get(next) === undefined && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
  return found;
}

describe("the modules' imports", () => {
  const graph = new Map(filesUnder(source).map((file) => [file, valueImports(file)] as const));

  it("read every module and its imports", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(join(source, "einsum.ts"))).toContain(join(source, "autograd", "einsum-recorded.ts"));
  });

  it("finds a circle when there is one", () => {
    const circular = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(circles(circular)).toEqual([["a", "b", "c"]]);
  });

  it("form no circle: each module can be read after the modules it imports", () => {
    expect(circles(graph).map((circle) => circle.map((file) => relative(source, file)))).toEqual([]);
  });
});
