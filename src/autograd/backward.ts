import { EinsumError } from "../einsum-error.js";
import { castData } from "../execute/cast.js";
import { toOperand } from "../execute/operand.js";
import { writeBackwardGradient, writeNoGrad } from "../messages.js";
import { allocate, type DataArray } from "../tensor/dtype.js";
import { nodeOf, requiresGrad, storedGradient, storeGradient, type AnyTensor, type GradNode } from "./graph.js";

/** A gradient on its way back: its data, and whether this pass made it (and may add into it) or borrowed it. */
interface Flowing {
  data: DataArray;
  owned: boolean;
}

/**
 * Back-propagates from `root`: carries `gradient` (ones when left out, allowed for a single element only) back
 * through every recorded op, each op once, in reverse order of computation, and adds the result into the `grad`
 * of every leaf that requires grad. Gradients accumulate over calls, as PyTorch's do. A leaf's first gradient is
 * made by `makeGradient` from the leaf and the gradient's data (the tensor class passes its constructor, so that
 * this module does not depend on it).
 *
 * @example
 * const x = tensor([1, 2, 3], [3], { requiresGrad: true });
 * runBackward(sum(mul(x, x)), undefined, (leaf, data) => new Tensor(leaf.shape, leaf.dtype, data));
 * x.grad?.toArray(); //=> [2, 4, 6]
 */
export function runBackward(root: AnyTensor, gradient: unknown, makeGradient: GradientMaker): void {
  if (!requiresGrad(root)) throw new EinsumError("NO_GRAD", writeNoGrad());
  const order = reverseTopologicalOrder(root);
  const flowing = new Map<object, Flowing>([[root, { data: seedGradient(root, gradient), owned: false }]]);
  for (const tensor of order) {
    const incoming = flowing.get(tensor);
    if (incoming === undefined) continue;
    flowing.delete(tensor);
    const node = nodeOf(tensor);
    if (node === undefined) {
      accumulateLeaf(tensor, incoming, makeGradient);
      continue;
    }
    const needed = node.inputs.map(requiresGrad);
    const outgoing = node.backward(incoming.data, needed);
    node.inputs.forEach((input, index) => {
      const data = outgoing[index];
      if (!needed[index] || data === undefined) return;
      const cast = castData(data, (input as AnyTensor).dtype);
      const earlier = flowing.get(input as object);
      // An op hands back either the gradient it was given (borrowed) or an array of its own making.
      if (earlier === undefined) flowing.set(input as object, { data: cast, owned: cast !== incoming.data });
      else addInto(earlier, cast);
    });
  }
}

function seedGradient(root: AnyTensor, gradient: unknown): DataArray {
  if (gradient === undefined) {
    if (root.size !== 1) throw new EinsumError("BACKWARD_GRADIENT", writeBackwardGradient(root.shape, "none"));
    return allocate(root.dtype, 1).fill(1);
  }
  const operand = toOperand(gradient, 0);
  const same = operand.shape.length === root.shape.length && operand.shape.every((size, axis) => size === root.shape[axis]);
  if (!same) {
    throw new EinsumError("BACKWARD_GRADIENT", writeBackwardGradient(root.shape, `one of shape [${operand.shape.join(", ")}]`));
  }
  return castData(operand.data, root.dtype);
}

/** Adds `data` into a flowing gradient; a borrowed one (an op's input, the caller's gradient) is copied first. */
function addInto(target: Flowing, data: DataArray): void {
  if (!target.owned) {
    target.data = target.data.slice();
    target.owned = true;
  }
  const sum = target.data;
  for (let index = 0; index < sum.length; index++) sum[index] = (sum[index] ?? 0) + (data[index] ?? 0);
}

/** Makes a leaf's gradient tensor: the leaf's shape and dtype, with the given data. */
export type GradientMaker = (leaf: AnyTensor, data: DataArray) => AnyTensor;

function accumulateLeaf(leaf: object, { data, owned }: Flowing, makeGradient: GradientMaker): void {
  const tensor = leaf as AnyTensor;
  const earlier = storedGradient(leaf);
  if (earlier === null) {
    const own = castData(data, tensor.dtype);
    storeGradient(leaf, makeGradient(tensor, own === data && !owned ? own.slice() : own));
    return;
  }
  const sum = earlier.data;
  for (let index = 0; index < sum.length; index++) sum[index] = (sum[index] ?? 0) + (data[index] ?? 0);
}

/**
 * The tensors `root` depends on through recorded ops, each once, every tensor before the tensors it was computed
 * from. Iterative, so that long chains do not overflow the stack.
 */
function reverseTopologicalOrder(root: AnyTensor): object[] {
  const finished: object[] = [];
  const visited = new Set<object>([root]);
  const stack: { tensor: object; node: GradNode | undefined; next: number }[] = [{ tensor: root, node: nodeOf(root), next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const inputs = top.node?.inputs ?? [];
    if (top.next < inputs.length) {
      const input = inputs[top.next++];
      if (requiresGrad(input) && !visited.has(input as object)) {
        visited.add(input as object);
        stack.push({ tensor: input as object, node: nodeOf(input as object), next: 0 });
      }
      continue;
    }
    finished.push(top.tensor);
    stack.pop();
  }
  return finished.reverse();
}
