import { EinsumError } from "../einsum-error.js";
import { writeBroadcastMismatch } from "../messages.js";

/**
 * The shape NumPy's broadcasting gives two shapes: right-aligned, equal sizes stay and a size 1 stretches to the
 * other size. Throws `BROADCAST_MISMATCH` otherwise.
 *
 * @example
 * broadcastShapes([2, 5, 3], [5, 3]); //=> [2, 5, 3]
 * broadcastShapes([2, 3], [4]); // throws BROADCAST_MISMATCH
 */
export function broadcastShapes(left: readonly number[], right: readonly number[]): number[] {
  const merged: number[] = [];
  for (let back = 1; back <= Math.max(left.length, right.length); back++) {
    const leftSize = left[left.length - back];
    const rightSize = right[right.length - back];
    merged.unshift(mergeSizes(leftSize, rightSize, () =>
      new EinsumError("BROADCAST_MISMATCH", writeBroadcastMismatch(left, right, -back, leftSize ?? 1, rightSize ?? 1)),
    ));
  }
  return merged;
}

function mergeSizes(leftSize: number | undefined, rightSize: number | undefined, refusal: () => EinsumError): number {
  if (leftSize === undefined) return rightSize ?? 1;
  if (rightSize === undefined || leftSize === rightSize || rightSize === 1) return leftSize;
  if (leftSize === 1) return rightSize;
  throw refusal();
}
