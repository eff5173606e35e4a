/**
 * A one-node ONNX model (`Einsum`, opset 13) written straight in protobuf's wire format, so the comparison needs
 * no ONNX tooling: the inputs are float32 or float64 tensors of fixed shapes named x0, x1, …; the output is `y`.
 */

/** Protobuf wire types. */
const Wire = { Varint: 0, Bytes: 2 } as const;
type Wire = (typeof Wire)[keyof typeof Wire];

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function key(field: number, wire: Wire): number[] {
  return varint(field * 8 + wire);
}

function intField(field: number, value: number): number[] {
  return [...key(field, Wire.Varint), ...varint(value)];
}

function bytesField(field: number, bytes: readonly number[]): number[] {
  return [...key(field, Wire.Bytes), ...varint(bytes.length), ...bytes];
}

function stringField(field: number, text: string): number[] {
  return bytesField(field, [...new TextEncoder().encode(text)]);
}

/** ONNX's element types (TensorProto.DataType). */
const elementTypes = { float32: 1, float64: 11 } as const;
const stringAttribute = 3;

function tensorValue(name: string, shape: readonly number[] | undefined, dtype: keyof typeof elementTypes): number[] {
  const dims = shape === undefined ? [] : bytesField(2, shape.flatMap((size) => bytesField(1, intField(1, size))));
  const tensorType = bytesField(1, [...intField(1, elementTypes[dtype]), ...dims]);
  return [...stringField(1, name), ...bytesField(2, tensorType)];
}

/**
 * The model bytes for `equation` over operands of `shapes` in `dtype` (float32 unless given).
 *
 * @example
 * const session = await ort.InferenceSession.create(einsumModel("ij,jk->ik", [[2, 3], [3, 4]], "float64"));
 */
export function einsumModel(
  equation: string,
  shapes: readonly (readonly number[])[],
  dtype: keyof typeof elementTypes = "float32",
): Uint8Array {
  const names = shapes.map((_, index) => `x${index}`);
  const attribute = [...stringField(1, "equation"), ...intField(20, stringAttribute), ...stringField(4, equation)];
  const node = [
    ...names.flatMap((name) => stringField(1, name)),
    ...stringField(2, "y"),
    ...stringField(3, "einsum"),
    ...stringField(4, "Einsum"),
    ...bytesField(5, attribute),
  ];
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, "einsum"),
    ...names.flatMap((name, index) => bytesField(11, tensorValue(name, shapes[index], dtype))),
    ...bytesField(12, tensorValue("y", undefined, dtype)),
  ];
  const opset = [...stringField(1, ""), ...intField(2, 13)];
  return Uint8Array.from([
    ...intField(1, 8),
    ...stringField(2, "typed-einsum-bench"),
    ...bytesField(7, graph),
    ...bytesField(8, opset),
  ]);
}
