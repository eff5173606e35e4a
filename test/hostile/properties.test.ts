/**
 * Property-based tests with fast-check: random einsum problems (every grammar feature, from the seeded generator
 * of test/fixtures) run in random dtypes, operand layouts (typed, plain, transposed, reversed and padded strided
 * views), call forms, optimizers and thread counts, against the definition-level reference; and arbitrary values
 * thrown at every public function, which must return or throw an EinsumError, never anything else.
 *
 * `npm test` runs a bounded, seeded sample; `npm run fuzz` runs FUZZ_RUNS cases (100,000 there) from FUZZ_SEED.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arange, contractExpression, EinsumError, ones, randn, tensor, zeros, type DTypeName } from "typed-einsum";
import { naiveEinsum } from "../fixtures/naive-einsum.js";
import { randomProblem, seededRandom } from "../fixtures/random-problems.js";
import { untypedEinsum as einsum } from "../fixtures/untyped.js";

const runs = Number(process.env["FUZZ_RUNS"] ?? 300);
const seed = Number(process.env["FUZZ_SEED"] ?? 20261204);
/** The bounded sample takes a few seconds; a long run is given all the time it needs. */
const timeout = process.env["FUZZ_RUNS"] === undefined ? 120_000 : 0;

type Layout = "typed" | "plain" | "transposed" | "reversed" | "padded";

interface Operand {
  shape: number[];
  data: ArrayLike<number>;
  stride?: number[];
  offset?: number;
}

function typedOf(dtype: DTypeName, values: readonly number[]): Float64Array | Float32Array | Int32Array {
  if (dtype === "float32") return Float32Array.from(values);
  if (dtype === "int32") return Int32Array.from(values);
  return Float64Array.from(values);
}

function rowMajor(shape: readonly number[]): number[] {
  const strides = shape.map(() => 1);
  for (let axis = shape.length - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1]! * shape[axis + 1]!;
  return strides;
}

/** The row-major values of `shape` laid out as `layout` says: a view whose elements read back as `values`. */
function laidOut(shape: number[], values: readonly number[], layout: Layout, dtype: DTypeName, pick: () => number): Operand {
  const size = values.length;
  if (layout === "plain") return { shape, data: values.slice() };
  if (layout === "typed" || size === 0) return { shape, data: typedOf(dtype, values) };
  const index = (flat: number): number[] => {
    const digits: number[] = [];
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      digits[axis] = flat % shape[axis]!;
      flat = Math.floor(flat / shape[axis]!);
    }
    return digits;
  };
  let stride: number[];
  let offset = 0;
  let length = size;
  if (layout === "transposed") {
    const order = shape.map((_, axis) => axis).sort(() => pick() - 0.5);
    const inner = rowMajor(order.map((axis) => shape[axis]!));
    stride = shape.map(() => 0);
    order.forEach((axis, position) => (stride[axis] = inner[position]!));
  } else if (layout === "reversed") {
    stride = rowMajor(shape).map((step, axis) => (pick() < 0.5 && shape[axis]! > 1 ? -step : step));
    offset = stride.reduce((sum, step, axis) => sum + (step < 0 ? -step * (shape[axis]! - 1) : 0), 0);
  } else {
    stride = rowMajor(shape).map((step) => step * 2);
    offset = 3;
    length = offset + 2 * size + 1;
  }
  const buffer = new Array<number>(length).fill(-99);
  for (let flat = 0; flat < size; flat++) {
    const digits = index(flat);
    buffer[offset + digits.reduce((sum, digit, axis) => sum + digit * stride[axis]!, 0)] = values[flat]!;
  }
  return { shape, data: typedOf(dtype, buffer), stride, offset };
}

/** The sublist form of an equation: A–Z are 0–25 and a–z are 26–51, so implicit outputs sort as in the string. */
function sublistsOf(equation: string): { inputs: (number | "...")[][]; output: (number | "...")[] | undefined } {
  const toList = (term: string): (number | "...")[] => {
    const list: (number | "...")[] = [];
    const [before = "", after = ""] = term.split("...");
    for (const label of before) list.push(label < "a" ? label.charCodeAt(0) - 65 : label.charCodeAt(0) - 97 + 26);
    if (term.includes("...")) list.push("...");
    for (const label of after) list.push(label < "a" ? label.charCodeAt(0) - 65 : label.charCodeAt(0) - 97 + 26);
    return list;
  };
  const [left = "", right] = equation.replace(/ /g, "").split("->");
  return { inputs: left.split(",").map(toList), output: right === undefined ? undefined : toList(right) };
}

const callArbitrary = fc.record({
  problemSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  layoutSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  dtype: fc.constantFrom<DTypeName>("float64", "float32", "int32"),
  layouts: fc.array(fc.constantFrom<Layout>("typed", "plain", "transposed", "reversed", "padded"), { minLength: 4, maxLength: 4 }),
  form: fc.constantFrom("variadic", "list", "sublists", "expression"),
  optimize: fc.constantFrom<"auto" | "hyper" | "greedy" | "optimal" | "dp" | "branch" | false>("auto", "hyper", "greedy", "optimal", "dp", "branch", false),
  threads: fc.constantFrom(1, 2),
});

describe("random einsums in every dtype, layout, call form, optimizer and thread count", () => {
  it("agree with the definition-level reference and never change their operands", { timeout }, () => {
    fc.assert(
      fc.property(callArbitrary, (call) => {
        const { equation, operands: raw } = randomProblem(seededRandom(call.problemSeed), { integers: call.dtype === "int32" });
        const pick = seededRandom(call.layoutSeed);
        const round = call.dtype === "float32" ? Math.fround : (value: number): number => value;
        const operands = raw.map((operand, index) => {
          const layout = call.layouts[index] ?? "typed";
          // Plain numbers are float64: they join only float64 problems.
          const chosen = layout === "plain" && call.dtype !== "float64" ? "typed" : layout;
          return laidOut(operand.shape, operand.data.map(round), chosen, call.dtype, pick);
        });
        const before = operands.map((operand) => Array.from(operand.data));
        const options = { optimize: call.optimize, threads: call.threads };
        let result: { shape: readonly number[]; data: ArrayLike<number>; dtype: string };
        if (call.form === "variadic") result = einsum(equation, ...operands, options);
        else if (call.form === "list") result = einsum(equation, operands, options);
        else if (call.form === "sublists") {
          const { inputs, output } = sublistsOf(equation);
          const args: unknown[] = operands.flatMap((operand, index) => [operand, inputs[index]]);
          if (output !== undefined) args.push(output);
          result = einsum(...args, options);
        } else {
          const planned = contractExpression as unknown as (...args: unknown[]) => (...operands: unknown[]) => typeof result;
          result = planned(equation, ...operands.map((operand) => operand.shape), options)(...operands);
        }
        const contiguous = raw.map((operand) => ({ shape: operand.shape, data: operand.data.map(round) }));
        const expected = naiveEinsum(equation, contiguous);
        const magnitude = naiveEinsum(equation, contiguous.map(({ shape, data }) => ({ shape, data: data.map(Math.abs) })));
        expect(result.shape).toEqual(expected.shape);
        const allPlain = operands.every((operand) => Array.isArray(operand.data));
        expect(result.dtype).toBe(allPlain || operands.some((operand) => Array.isArray(operand.data)) ? "float64" : call.dtype);
        const tolerance = call.dtype === "float32" ? 1e-5 : call.dtype === "float64" ? 1e-12 : 0;
        expected.data.forEach((value, index) => {
          const got = result.data[index]!;
          expect(Math.abs(got - value)).toBeLessThanOrEqual(tolerance * (magnitude.data[index] ?? 0));
        });
        operands.forEach((operand, index) => expect(Array.from(operand.data)).toEqual(before[index]));
      }),
      { numRuns: runs, seed },
    );
  });
});

/** Calls `call`, passing when it returns or throws an EinsumError, and failing with anything else it throws. */
function returnsOrRefuses(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof EinsumError)) throw error;
    expect(error.code).toMatch(/^[A-Z_]+$/);
  }
}

const anyValue = fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true });
const equationText = fc.string({ unit: fc.constantFrom(..."abcijkAB,.->  ."), maxLength: 14 });
const smallShape = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 });

describe("arbitrary values thrown at the public functions", () => {
  it("give a result or an EinsumError, never another exception", { timeout }, () => {
    const untyped = (fn: unknown) => fn as (...args: unknown[]) => unknown;
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (first, second, third) => {
        returnsOrRefuses(() => einsum(first, second, third));
        returnsOrRefuses(() => einsum("ij,jk->ik", first, second, third));
        returnsOrRefuses(() => untyped(contractExpression)(first, second, third));
        returnsOrRefuses(() => untyped(tensor)(first, second, third));
        returnsOrRefuses(() => untyped(zeros)(first, second));
        returnsOrRefuses(() => untyped(ones)(first, second));
        returnsOrRefuses(() => untyped(arange)(first, second));
        returnsOrRefuses(() => untyped(randn)(first));
      }),
      { numRuns: runs, seed },
    );
  });

  it("refuse or run random equation strings over operands of random shapes", { timeout }, () => {
    fc.assert(
      fc.property(equationText, fc.array(smallShape, { maxLength: 3 }), (equation, shapes) => {
        returnsOrRefuses(() => einsum(equation, ...shapes.map((shape) => zeros(shape))));
        returnsOrRefuses(() => (contractExpression as unknown as (...args: unknown[]) => unknown)(equation, ...shapes));
      }),
      { numRuns: runs, seed },
    );
  });
});
