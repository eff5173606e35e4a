import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compileWat, directModuleSource, moduleSource, sharedVariant, workerSource } from "../../scripts/build-wasm.mjs";
import { decodeBase64 } from "../../src/kernels/wasm/base64.js";
import { directWasmBase64 } from "../../src/kernels/wasm/direct-module.js";
import { gemmWasmBase64, sharedGemmWasmBase64 } from "../../src/kernels/wasm/gemm-module.js";

const wasmDirectory = new URL("../../src/kernels/wasm/", import.meta.url);
const threadsDirectory = new URL("../../src/kernels/threads/", import.meta.url);

describe("the embedded WebAssembly module", () => {
  it("is a fresh build of gemm.wat, with its own memory and with a shared one (run `npm run build:wasm`)", async () => {
    const text = await readFile(new URL("gemm.wat", wasmDirectory), "utf8");
    const fresh = await compileWat(text);
    const freshShared = await compileWat(sharedVariant(text));
    expect(decodeBase64(gemmWasmBase64)).toEqual(new Uint8Array(fresh));
    expect(decodeBase64(sharedGemmWasmBase64)).toEqual(new Uint8Array(freshShared));
    expect(await readFile(new URL("gemm-module.ts", wasmDirectory), "utf8")).toBe(moduleSource(fresh, freshShared));
  });

  it("is a fresh build of direct.wat, the kernels on operands copied whole (run `npm run build:wasm`)", async () => {
    const fresh = await compileWat(await readFile(new URL("direct.wat", wasmDirectory), "utf8"));
    expect(decodeBase64(directWasmBase64)).toEqual(new Uint8Array(fresh));
    expect(await readFile(new URL("direct-module.ts", wasmDirectory), "utf8")).toBe(directModuleSource(fresh));
  });

  it("stays under the 4 KiB browsers allow for synchronous compilation on the main thread", () => {
    expect(decodeBase64(gemmWasmBase64).length).toBeLessThanOrEqual(4096);
    expect(decodeBase64(sharedGemmWasmBase64).length).toBeLessThanOrEqual(4096);
    expect(decodeBase64(directWasmBase64).length).toBeLessThanOrEqual(4096);
  });

  it("imports its memory, shared, in the threads' build", () => {
    interface Api {
      Module: { new (bytes: Uint8Array): object; imports(module: object): { module: string; name: string; kind: string }[] };
      Instance: new (module: object, imports: object) => object;
      Memory: new (descriptor: { initial: number }) => object;
    }
    const api = (globalThis as unknown as { WebAssembly: Api }).WebAssembly;
    const imports = api.Module.imports(new api.Module(decodeBase64(sharedGemmWasmBase64)));
    expect(imports).toEqual([{ module: "env", name: "memory", kind: "memory" }]);
    expect(() => new api.Instance(new api.Module(decodeBase64(sharedGemmWasmBase64)), { env: { memory: new api.Memory({ initial: 1 }) } })).toThrow();
  });
});

describe("the embedded worker source", () => {
  it("is a fresh build of parallel-task.ts (run `npm run build:wasm` after editing it)", async () => {
    const task = await readFile(new URL("parallel-task.ts", threadsDirectory), "utf8");
    expect(await readFile(new URL("worker-source.ts", threadsDirectory), "utf8")).toBe(workerSource(task));
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
