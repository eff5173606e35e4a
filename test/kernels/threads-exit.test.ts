import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compileSources, runScript } from "./compiled-sources.js";
import { sharedMachineTimeout } from "./shared-machine.js";

const script = `
import { einsum } from "./index.js";
import { acquireThreadPool } from "./kernels/threads/thread-pool.js";
const n = 300;
const a = { shape: [n, n], data: Float64Array.from({ length: n * n }, (_, i) => (i % 17) - 8) };
const b = { shape: [n, n], data: Float64Array.from({ length: n * n }, (_, i) => (i % 13) - 6) };
const one = einsum("ij,jk->ik", a, b);
let same = true;
for (let round = 0; round < 5; round++) {
  const two = einsum("ij,jk->ik", a, b, { threads: 2 });
  same &&= two.data.every((value, index) => value === one.data[index]);
}
// The workers are started, and now sleep in Atomics.wait: the process must still end by itself.
console.log(JSON.stringify({ same, workers: acquireThreadPool(2)?.workers ?? 0 }));
`;

describe("a process that used threads", sharedMachineTimeout, () => {
  let outRoot = "";
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  it("exits by itself, with code 0, once its work is done", () => {
    outRoot = compileSources("typed-einsum-threads-");
    const started = Date.now();
    const child = runScript(outRoot, script, 30_000);
    expect(child.error, "the process did not exit within 30 s").toBeUndefined();
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ same: true, workers: 1 });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
