import type { WriteEllipsisBroadcast } from "../messages.js";
import type { RankedOperand } from "./check-rank.js";
import type { Failure } from "./failure.js";
import type { Successors } from "./length.js";

/**
 * One broadcast ellipsis dimension: its size so far and the operand that gave it (-1 while no operand has).
 *
 * @example
 * type Dimension = [3, 1]; // size 3, from operand 1
 */
export type BroadcastDimension = readonly [size: number, giver: number];

/**
 * The type-level twin of `broadcastEllipsis`: broadcasts the ellipsis dimensions of all operands, right-aligned,
 * NumPy's way (sizes must agree or be 1). Gives the broadcast sizes, or the `Failure` with the run time's message for
 * the first operand, and in it the first dimension, that does not broadcast. A size typed `number` never fails.
 *
 * @example
 * type Sizes = BroadcastEllipsis<[{ labels: ""; sizes: []; ellipsis: [2, 1] }, { labels: ""; sizes: []; ellipsis: [3] }]>;
 * //=> [2, 3]
 */
export type BroadcastEllipsis<Operands extends readonly RankedOperand[]> = BroadcastOperands<Operands, [], 0>;

/** Merges the operands' ellipsis sizes in order; `Index` is the next operand's. */
type BroadcastOperands<
  Operands extends readonly RankedOperand[],
  Dimensions extends readonly BroadcastDimension[],
  Index extends number,
> = Index extends Operands["length"]
  ? SizesOf<Dimensions>
  : Operands[Index]["ellipsis"] extends readonly []
    ? BroadcastOperands<Operands, Dimensions, Successors[Index]>
    : MergeOperand<Dimensions, Operands[Index]["ellipsis"], Index, [], undefined> extends infer Merged
      ? Merged extends readonly BroadcastDimension[]
        ? BroadcastOperands<Operands, Merged, Successors[Index]>
        : Merged
      : never;

/**
 * Merges one operand's ellipsis sizes into the broadcast dimensions, walking from the right. A later (further left)
 * mismatch replaces an earlier one, so the one reported is the leftmost, as the run time's loop finds it.
 */
type MergeOperand<
  Dimensions extends readonly BroadcastDimension[],
  Sizes extends readonly number[],
  Operand extends number,
  Merged extends readonly BroadcastDimension[],
  Mismatch extends Failure | undefined,
> = Sizes extends readonly [...infer Sizes extends readonly number[], infer Size extends number]
  ? Dimensions extends readonly [...infer Dimensions extends readonly BroadcastDimension[], infer Current extends BroadcastDimension]
    ? BroadcastDimensionWith<Current, Size, Operand> extends infer Next
      ? Next extends BroadcastDimension
        ? MergeOperand<Dimensions, Sizes, Operand, [Next, ...Merged], Mismatch>
        : MergeOperand<Dimensions, Sizes, Operand, [Current, ...Merged], Next extends Failure ? Next : never>
      : never
    : MergeOperand<[], Sizes, Operand, [[Size, Operand], ...Merged], Mismatch>
  : Mismatch extends Failure
    ? Mismatch
    : [...Dimensions, ...Merged];

/** One dimension against one operand's size: the runtime's rules, with `number` taken as "whatever fits". */
type BroadcastDimensionWith<Current extends BroadcastDimension, Size extends number, Operand extends number> =
  number extends Size
    ? Current[0] extends 1
      ? [number, Operand]
      : Current
    : number extends Current[0]
      ? Size extends 1
        ? Current
        : [Size, Operand]
      : Size extends Current[0]
        ? Current
        : Size extends 1
          ? Current
          : Current[0] extends 1
            ? [Size, Operand]
            : Failure<WriteEllipsisBroadcast<Current[1], Current[0], Operand, Size>>;

type SizesOf<Dimensions extends readonly BroadcastDimension[], Sizes extends number[] = []> = Dimensions extends readonly [
  infer Dimension extends BroadcastDimension,
  ...infer Rest extends readonly BroadcastDimension[],
]
  ? SizesOf<Rest, [...Sizes, Dimension[0]]>
  : Sizes;
