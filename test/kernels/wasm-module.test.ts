import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compileWat, directModuleSource, fusedVariant, moduleSource, sharedVariant, workerSource } from "../../scripts/build-wasm.mjs";
import { decodeBase64 } from "../../src/kernels/wasm/base64.js";
import { directWasmBase64, fusedDirectWasmBase64 } from "../../src/kernels/wasm/direct-module.js";
import {
  fusedGemmWasmBase64,
  gemmWasmBase64,
  sharedFusedGemmWasmBase64,
  sharedGemmWasmBase64,
} from "../../src/kernels/wasm/gemm-module.js";

const wasmDirectory = new URL("../../src/kernels/wasm/", import.meta.url);
const threadsDirectory = new URL("../../src/kernels/threads/", import.meta.url);

describe("the embedded WebAssembly module", () => {
  it("is a fresh build of gemm.wat, own and shared memory, plain and fused (run `npm run build:wasm`)", async () => {
    const text = await readFile(new URL("gemm.wat", wasmDirectory), "utf8");
    const plain = { bytes: await compileWat(text), sharedBytes: await compileWat(sharedVariant(text)) };
    const fusedText = fusedVariant(text);
    const fused = { bytes: await compileWat(fusedText), sharedBytes: await compileWat(sharedVariant(fusedText)) };
    expect(decodeBase64(gemmWasmBase64)).toEqual(new Uint8Array(plain.bytes));
    expect(decodeBase64(sharedGemmWasmBase64)).toEqual(new Uint8Array(plain.sharedBytes));
    expect(decodeBase64(fusedGemmWasmBase64)).toEqual(new Uint8Array(fused.bytes));
    expect(decodeBase64(sharedFusedGemmWasmBase64)).toEqual(new Uint8Array(fused.sharedBytes));
    expect(await readFile(new URL("gemm-module.ts", wasmDirectory), "utf8")).toBe(moduleSource(plain, fused));
  });

  it("is a fresh build of direct.wat, the kernels on operands copied whole (run `npm run build:wasm`)", async () => {
    const text = await readFile(new URL("direct.wat", wasmDirectory), "utf8");
    const fresh = await compileWat(text);
    const fused = await compileWat(fusedVariant(text));
    expect(decodeBase64(directWasmBase64)).toEqual(new Uint8Array(fresh));
    expect(decodeBase64(fusedDirectWasmBase64)).toEqual(new Uint8Array(fused));
    expect(await readFile(new URL("direct-module.ts", wasmDirectory), "utf8")).toBe(directModuleSource(fresh, fused));
  });

  it("stays under the 4 KiB browsers allow for synchronous compilation on the main thread", () => {
    for (const base64 of [
      gemmWasmBase64,
      sharedGemmWasmBase64,
      fusedGemmWasmBase64,
      sharedFusedGemmWasmBase64,
      directWasmBase64,
      fusedDirectWasmBase64,
    ]) {
      expect(decodeBase64(base64).length).toBeLessThanOrEqual(4096);
    }
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

describe("fusedVariant", () => {
  it("turns each 128-bit multiply-add into relaxed_madd, with the product's operands first", () => {
    const text = [
      "(local.set $c (f32x4.add (local.get $c) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $b)))))",
      "(local.set $d (f64x2.add (local.get $d) (f64x2.mul (local.get $x) (local.get $y))))",
    ].join("\n");
    expect(fusedVariant(text)).toBe(
      [
        "(local.set $c (f32x4.relaxed_madd (local.get $x) (v128.load offset=16 (local.get $b)) (local.get $c)))",
        "(local.set $d (f64x2.relaxed_madd (local.get $x) (local.get $y) (local.get $d)))",
      ].join("\n"),
    );
  });

  it("leaves sums, products plus zero and scalar multiply-adds alone", () => {
    const kept = [
      "(f64x2.add (local.get $s) (v128.load (local.get $p)))",
      "(f32x4.add (f32x4.mul (local.get $a) (local.get $b)) (local.get $zero))",
      "(f64.add (local.get $r) (f64.mul (local.get $a) (local.get $z)))",
    ].join("\n");
    expect(() => fusedVariant(kept)).toThrow("no multiply-add to fuse");
    const mixed = `${kept}\n(f32x4.add (local.get $c) (f32x4.mul (local.get $x) (local.get $y)))`;
    expect(fusedVariant(mixed)).toBe(`${kept}\n(f32x4.relaxed_madd (local.get $x) (local.get $y) (local.get $c))`);
  });

  it("leaves no unfused vector multiply-add in the GEMM tiles and dot products", async () => {
    for (const file of ["gemm.wat", "direct.wat"]) {
      const fused = fusedVariant(await readFile(new URL(file, wasmDirectory), "utf8"));
      expect(fused, file).not.toMatch(/\(f(32x4|64x2)\.add \(local\.get \$\w+\) \(f(32x4|64x2)\.mul /);
      expect(fused.match(/relaxed_madd/g)?.length, file).toBeGreaterThanOrEqual(16);
    }
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
