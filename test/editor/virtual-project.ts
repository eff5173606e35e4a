import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root: the virtual file lives under it, so that `typed-einsum` resolves to `dist/` by self-reference. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The file the editor is asked about. It exists only in memory. */
export const virtualFile = join(packageRoot, "test", "editor", "__editor__.ts");

/** A tsconfig for the virtual file, in memory too (the native compiler opens projects by their config). */
export const virtualConfig = join(packageRoot, "test", "editor", "__editor__.tsconfig.json");

/** The options a user's project would have: strict, Node's module resolution, no DOM and no Node types. */
export const compilerOptionsJson = {
  strict: true,
  noEmit: true,
  target: "es2022",
  module: "nodenext",
  moduleResolution: "nodenext",
  lib: ["es2022"],
  types: [],
  skipLibCheck: true,
} as const;

/**
 * Builds the package when `dist/` is missing (npm test builds before running the tests). A lock directory keeps
 * two test files from building at the same time.
 */
export function ensureBuilt(): void {
  const entry = join(packageRoot, "dist", "index.d.ts");
  if (existsSync(entry)) return;
  const lock = join(packageRoot, "dist.building");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held by another build: remove it if no build is running`);
      execFileSync(process.execPath, ["-e", "setTimeout(() => {}, 200)"]);
    }
  }
  try {
    if (!existsSync(entry)) {
      execFileSync(process.execPath, [join(packageRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
        cwd: packageRoot,
        stdio: "inherit",
      });
    }
  } finally {
    rmdirSync(lock);
  }
}
