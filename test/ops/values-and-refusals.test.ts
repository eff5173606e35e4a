import { describe, expect, it } from "vitest";
import { add, cat, div, exp, expand, mean, mul, relu, softmax, sum, tanh, tensor, unsqueeze, zeros, type DTypeName, type Tensor } from "typed-einsum";
import * as messages from "../../src/messages.js";
import { thrownBy } from "../fixtures/thrown-by.js";
import { broadcastShapes } from "../../src/ops/broadcast-shapes.js";
import { catShape } from "../../src/ops/cat.js";
import { expandShape } from "../../src/ops/expand.js";
import { normalizeDim } from "../../src/ops/normalize-dim.js";
import { sumShape } from "../../src/ops/sum.js";
import { unsqueezeShape } from "../../src/ops/unsqueeze.js";

type Loose = Tensor<readonly number[], DTypeName>;
const loose = <Fn>(fn: Fn) => fn as unknown as (...args: unknown[]) => Loose;

describe("the ops' values", () => {
  it("broadcast the NumPy way", () => {
    expect(add(tensor([[1], [2]]), tensor([10, 20, 30])).toArray()).toEqual([[11, 21, 31], [12, 22, 32]]);
    expect(mul(tensor([[1, 2], [3, 4]]), tensor([[10], [100]])).toArray()).toEqual([[10, 20], [300, 400]]);
    expect(add(zeros([0, 3]), tensor([1, 2, 3])).shape).toEqual([0, 3]);
    expect(add(tensor([5], []), 1).item()).toBe(6);
  });

  it("keep PyTorch's dtypes", () => {
    const ints = tensor(new Int32Array([1, 2]), [2]);
    expect(add(ints, ints).dtype).toBe("int32");
    expect(add(ints, ints).toArray()).toEqual([2, 4]);
    expect(add(ints, tensor([1, 1], [2], "float32")).dtype).toBe("float32");
    expect(mul(ints, 2).dtype).toBe("int32");
    expect(mul(ints, 0.5).dtype).toBe("float32");
    expect(div(ints, ints).dtype).toBe("float32");
    expect(exp(ints).dtype).toBe("float32");
    expect(relu(ints).dtype).toBe("int32");
    expect(mean(ints).dtype).toBe("float32");
    expect(cat([ints, tensor([0.5], [1])], 0).dtype).toBe("float64");
  });

  it("compute softmax stably, sum and mean over dimensions, and join tensors", () => {
    const rows = softmax(tensor([[1000, 1000], [0, Math.log(3)]]), 1).toArray();
    expect(rows[0]).toEqual([0.5, 0.5]);
    expect(rows[1]?.[1]).toBeCloseTo(0.75, 15);
    const cube = tensor(Float64Array.from({ length: 24 }, (_, index) => index), [2, 3, 4]);
    expect(sum(cube, [0, 2]).toArray()).toEqual([0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 * 4 + 6 + 4 * 4 + 6 + 64 - 16, 2 * (8 + 9 + 10 + 11) + 48]);
    expect(sum(cube, -1, true).shape).toEqual([2, 3, 1]);
    expect(mean(tensor([[1, 2], [3, 5]]), 0).toArray()).toEqual([2, 3.5]);
    expect(cat([tensor([[1], [2]]), tensor([[3, 4], [5, 6]])], 1).toArray()).toEqual([[1, 3, 4], [2, 5, 6]]);
    expect(cat([tensor([[1, 2]]), tensor([[3, 4], [5, 6]])], 0).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(expand(tensor([[1], [2]]), [2, 3]).toArray()).toEqual([[1, 1, 1], [2, 2, 2]]);
  });

  it("never change their inputs, and unsqueeze shares the data", () => {
    const x = tensor([1, 2, 3], [3]);
    add(x, x);
    softmax(x, 0);
    expand(x, [2, 3]);
    expect(x.toArray()).toEqual([1, 2, 3]);
    expect(unsqueeze(x, 0).data).toBe(x.data);
    expect(unsqueeze({ shape: [2], data: [1, 2] } as never, 0).shape).toEqual([1, 2]);
  });
});

describe("the ops' refusals, with the messages the types show", () => {
  it("refuse shapes that do not broadcast", () => {
    const error = thrownBy(() => loose(add)(zeros([2, 3]), zeros([4])));
    expect(error.code).toBe("BROADCAST_MISMATCH");
    expect(error.message).toBe(messages.writeBroadcastMismatch([2, 3], [4], -1, 3, 4));
    expect(thrownBy(() => broadcastShapes([2, 3, 4], [5, 1, 4])).message).toBe(messages.writeBroadcastMismatch([2, 3, 4], [5, 1, 4], -3, 2, 5));
  });

  it("refuse dimensions out of range", () => {
    const error = thrownBy(() => loose(unsqueeze)(zeros([2, 3]), 3));
    expect(error.code).toBe("DIM_OUT_OF_RANGE");
    expect(error.message).toBe(messages.writeDimOutOfRange(3, 2, -3, 2));
    expect(thrownBy(() => loose(softmax)(zeros([2, 3]), -3)).message).toBe(messages.writeDimOutOfRange(-3, 2, -2, 1));
    expect(thrownBy(() => loose(sum)(zeros([2, 3]), [0, 2])).code).toBe("DIM_OUT_OF_RANGE");
    expect(thrownBy(() => normalizeDim(0.5, 2, 2)).code).toBe("DIM_OUT_OF_RANGE");
  });

  it("refuse expansions and joins that do not fit", () => {
    const expansion = thrownBy(() => loose(expand)(zeros([2, 3]), [4, 4]));
    expect(expansion.code).toBe("EXPAND_SHAPE");
    expect(expansion.message).toBe(messages.writeExpandShape([2, 3], [4, 4], -1));
    expect(thrownBy(() => expandShape([3], [-1, 3])).message).toBe(messages.writeExpandShape([3], [-1, 3], -2));
    const join = thrownBy(() => loose(cat)([zeros([4, 1]), zeros([3, 2])], 1));
    expect(join.code).toBe("CAT_SHAPE");
    expect(join.message).toBe(messages.writeCatShape(1, [3, 2], [4, 1], 1));
    expect(thrownBy(() => catShape([], 0)).message).toBe(messages.writeCatEmpty());
    expect(thrownBy(() => loose(add)(zeros([2]), "x")).code).toBe("INVALID_OPERAND");
    for (const op of [unsqueeze, softmax, sum, mean, expand, tanh]) {
      expect(thrownBy(() => loose(op)(undefined, 0)).message).toBe(messages.writeInvalidOperand(0));
    }
    expect(thrownBy(() => loose(cat)([zeros([1]), null], 0)).message).toBe(messages.writeInvalidOperand(1));
    expect(thrownBy(() => loose(cat)(zeros([1]), 0)).code).toBe("INVALID_OPERAND");
  });

  it("compute the shapes their type-level twins compute", () => {
    expect(broadcastShapes([2, 5, 3], [5, 3])).toEqual([2, 5, 3]);
    expect(unsqueezeShape([2, 3], 1)).toEqual([2, 1, 3]);
    expect(unsqueezeShape([2, 3], -1)).toEqual([2, 3, 1]);
    expect(catShape([[4, 1], [4, 6]], 1)).toEqual([4, 7]);
    expect(sumShape([2, 3, 4], [0, -1], true)).toEqual([1, 3, 1]);
    expect(sumShape([2, 3], undefined, false)).toEqual([]);
    expect(expandShape([1, 3], [4, -1])).toEqual([4, 3]);
  });
});
