import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compileSources, runScript } from "../kernels/compiled-sources.js";

/**
 * Runs hostile calls in a separate process whose typed arrays, array buffers and WebAssembly memories refuse any
 * request over 256 MiB, and records each refusal: a call that asks for too much before failing is caught even
 * when the library would have caught the allocation error itself.
 */
const guard = `
const limitBytes = 256 * 2 ** 20;
globalThis.guardRefusals = [];
const refuse = (what, bytes) => {
  globalThis.guardRefusals.push(what + " of " + bytes + " bytes");
  throw new Error("allocation guard: " + what + " of " + bytes + " bytes");
};
for (const name of ["Float64Array", "Float32Array", "Int32Array", "Uint32Array", "Int16Array", "Uint16Array", "Int8Array", "Uint8Array", "Uint8ClampedArray", "BigInt64Array"]) {
  const Original = globalThis[name];
  globalThis[name] = class extends Original {
    constructor(...args) {
      if (typeof args[0] === "number" && args[0] * Original.BYTES_PER_ELEMENT > limitBytes) refuse(name, args[0] * Original.BYTES_PER_ELEMENT);
      super(...args);
    }
  };
}
for (const name of ["ArrayBuffer", "SharedArrayBuffer"]) {
  const Original = globalThis[name];
  globalThis[name] = class extends Original {
    constructor(bytes, ...rest) {
      if (typeof bytes === "number" && bytes > limitBytes) refuse(name, bytes);
      super(bytes, ...rest);
    }
  };
}
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (pages) {
  const bytes = this.buffer.byteLength + pages * 65536;
  if (bytes > limitBytes) refuse("WebAssembly.Memory", bytes);
  return grow.call(this, pages);
};
`;

const probes = `
const { einsum, zeros, ones, randn, arange, tensor, contractExpression, EinsumError } = await import("./index.js");
const z = (shape) => zeros(shape);
const probes = {
  "outer product of 70,000 × 70,000": () => einsum("i,j->ij", z([70000]), z([70000])),
  "sum over an empty [0, 2^26, 2^26]": () => einsum("ijk->jk", z([0, 2 ** 26, 2 ** 26])),
  "i,j,k,l->ijkl at 10^4": () => einsum("i,j,k,l->ijkl", z([1e4]), z([1e4]), z([1e4]), z([1e4])),
  "i,j,k,l->ijkl at 10^4 left to right": () => einsum("i,j,k,l->ijkl", z([1e4]), z([1e4]), z([1e4]), z([1e4]), { optimize: false }),
  "ai,bj,ab->ij at 200 left to right": () => einsum("ai,bj,ab->ij", z([200, 200]), z([200, 200]), z([200, 200]), { optimize: false }),
  "a batched product of 4096 × 4096 matrices, 4 deep": () => einsum("bij,bjk->bik", z([4, 4096, 4096]), z([4, 4096, 4096])),
  "an int32 outer product of 2^30 elements": () => einsum("i,j->ij", arange(2 ** 15), arange(2 ** 15)),
  "contractExpression of a 39 GB result": () => contractExpression("i,j->ij", [70000], [70000]),
  "zeros([1e5, 1e5])": () => zeros([1e5, 1e5]),
  "ones([2^40])": () => ones([2 ** 40]),
  "randn([1e5, 1e5])": () => randn([1e5, 1e5], { seed: 1 }),
  "arange(2^31 + 5)": () => arange(2 ** 31 + 5),
  "arange(-2^26, 2^26)": () => arange(-(2 ** 26), 2 ** 26),
  "tensor of 2^40 elements from a short array": () => tensor([1, 2, 3], [2 ** 20, 2 ** 20]),
  "a stride-0 view of 10^9 elements": () => einsum("i->", { shape: [1e9], data: [1], stride: [0] }),
  "a result just past the float64 limit": () => einsum("i,j->ij", z([2 ** 13]), z([2 ** 12 + 1])),
};
let guardWorks = false;
try {
  new Float64Array(2 ** 26);
} catch {
  guardWorks = globalThis.guardRefusals.length === 1;
}
globalThis.guardRefusals.length = 0;
const results = { guardWorks };
for (const [name, probe] of Object.entries(probes)) {
  const before = globalThis.guardRefusals.length;
  let outcome;
  try {
    probe();
    outcome = "returned";
  } catch (error) {
    outcome = error instanceof EinsumError ? error.code : "other: " + String(error);
  }
  results[name] = { outcome, refusals: globalThis.guardRefusals.slice(before) };
}
console.log(JSON.stringify(results));
`;

describe("hostile calls behind an allocation guard of 256 MiB per request", () => {
  let outRoot = "";
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  it("are refused with TOO_LARGE or INTEGER_OVERFLOW before any request passes the guard", { timeout: 60_000 }, () => {
    outRoot = compileSources("typed-einsum-guard-");
    const child = runScript(outRoot, `${guard}\n${probes}`, 50_000);
    expect(child.error, "the process did not exit within 50 s").toBeUndefined();
    expect(child.stderr).toBe("");
    const { guardWorks, ...results } = JSON.parse(child.stdout) as { guardWorks: boolean } & Record<string, { outcome: string; refusals: string[] }>;
    expect(guardWorks).toBe(true);
    expect(Object.keys(results).length).toBe(16);
    for (const [name, { outcome, refusals }] of Object.entries(results)) {
      expect({ name, refusals }).toEqual({ name, refusals: [] });
      expect({ name, outcome }).toEqual({ name, outcome: name.startsWith("arange(2^31") ? "INTEGER_OVERFLOW" : "TOO_LARGE" });
    }
  });
});
