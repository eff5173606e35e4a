import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compileWat, moduleSource } from "../../scripts/build-wasm.mjs";
import { decodeBase64 } from "../../src/kernels/base64.js";
import { gemmWasmBase64 } from "../../src/kernels/wasm/gemm-module.js";

const wasmDirectory = new URL("../../src/kernels/wasm/", import.meta.url);

describe("the embedded WebAssembly module", () => {
  it("is a fresh build of gemm.wat (run `npm run build:wasm` after editing the .wat)", async () => {
    const fresh = await compileWat(await readFile(new URL("gemm.wat", wasmDirectory), "utf8"));
    expect(decodeBase64(gemmWasmBase64)).toEqual(new Uint8Array(fresh));
    expect(await readFile(new URL("gemm-module.ts", wasmDirectory), "utf8")).toBe(moduleSource(fresh));
  });

  it("stays under the 4 KiB browsers allow for synchronous compilation on the main thread", () => {
    expect(decodeBase64(gemmWasmBase64).length).toBeLessThanOrEqual(4096);
  });
});

describe("decodeBase64", () => {
  it("decodes padded and unpadded text as Node's Buffer does", () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) & 0xff);
      const text = Buffer.from(bytes).toString("base64");
      expect(decodeBase64(text)).toEqual(bytes);
      expect(decodeBase64(text.replace(/=+$/, ""))).toEqual(bytes);
    }
  });
});
