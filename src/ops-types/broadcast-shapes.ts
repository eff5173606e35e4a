import type { WriteBroadcastMismatch } from "../messages.js";
import type { DimensionsAgree, IsAssignableDimension, IsUnknownDimension } from "../types/dimensions.js";
import type { Failure } from "../types/failure.js";

/**
 * The type-level twin of `broadcastShapes`: the shape NumPy's broadcasting gives two shapes (right-aligned, a
 * size 1 stretches to the other size), or the `Failure` with the run time's message. A size typed `number` is
 * accepted; a symbolic size (a type parameter) agrees with itself and with a 1 on either side of it, so generic
 * code keeps it. A shape of unknown rank (`number[]`) gives `number[]`.
 *
 * @example
 * type Shape = BroadcastShapes<[2, 5, 3], [5, 3]>; //=> [2, 5, 3]
 * type Refused = BroadcastShapes<[2, 3], [4]>;
 * //=> Failure<"shapes [2, 3] and [4] do not broadcast: dimension -1 is 3 in the first and 4 in the second">
 */
export type BroadcastShapes<Left extends readonly number[], Right extends readonly number[]> = number[] extends Left
  ? number[]
  : number[] extends Right
    ? number[]
    : BroadcastFrom<Left, Right, Left, Right, []>;

/** Merges the last dimensions of what is left of both shapes, prepending each result to `Merged`. */
type BroadcastFrom<
  Left extends readonly number[],
  Right extends readonly number[],
  LeftRest extends readonly number[],
  RightRest extends readonly number[],
  Merged extends number[],
> = LeftRest extends readonly [...infer LeftHead extends readonly number[], infer LeftSize extends number]
  ? RightRest extends readonly [...infer RightHead extends readonly number[], infer RightSize extends number]
    ? MergeSizes<`${Merged["length"]}`, LeftSize, RightSize> extends readonly [infer Size extends number]
      ? BroadcastFrom<Left, Right, LeftHead, RightHead, [Size, ...Merged]>
      : `-${[0, ...Merged]["length"]}` extends `${infer Dimension extends number}`
        ? Failure<WriteBroadcastMismatch<Left, Right, Dimension, LeftSize, RightSize>>
        : never
    : [...LeftRest, ...Merged]
  : [...RightRest, ...Merged];

/**
 * One dimension of a broadcast, wrapped in a one-element tuple, in the run time's order: equal sizes (or the same
 * symbol) and a 1 on the right keep the left size, a 1 on the left gives way to the right size; a size typed
 * `number` gives way to the other one; anything else is `false`. The predicates decide through assignability (see
 * `types/dimensions.ts`), so that a symbolic size beside itself or beside a 1 on either side gets an answer in
 * generic code instead of a deferred type; `Key` (the count of dimensions merged so far) keeps them unevaluated
 * until the shapes are known.
 */
type MergeSizes<Key extends string, LeftSize extends number, RightSize extends number> =
  DimensionsAgree<Key, LeftSize, RightSize> extends true
    ? [LeftSize]
    : IsAssignableDimension<Key, RightSize, 1> extends true
      ? [LeftSize]
      : IsAssignableDimension<Key, LeftSize, 1> extends true
        ? [RightSize]
        : IsUnknownDimension<Key, LeftSize> extends true
          ? [RightSize]
          : IsUnknownDimension<Key, RightSize> extends true
            ? [LeftSize]
            : false;
