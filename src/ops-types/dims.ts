import type { WriteDimOutOfRange } from "../messages.js";
import type { Failure } from "../types/failure.js";

/**
 * A tuple of `Count` zeros: the type level counts with tuple lengths.
 *
 * @example
 * type Three = Zeros<3>; //=> [0, 0, 0]
 */
export type Zeros<Count extends number, Built extends 0[] = []> = number extends Count
  ? 0[]
  : Built["length"] extends Count
    ? Built
    : Zeros<Count, [...Built, 0]>;

/**
 * `Left - Right` for whole numbers with `Left ≥ Right`, `never` otherwise.
 *
 * @example
 * type Two = Subtract<5, 3>; //=> 2
 */
export type Subtract<Left extends number, Right extends number> = Zeros<Left> extends [...Zeros<Right>, ...infer Rest] ? Rest["length"] : never;

/**
 * `Left + Right` for whole numbers.
 *
 * @example
 * type Seven = Add<3, 4>; //=> 7
 */
export type Add<Left extends number, Right extends number> = [...Zeros<Left>, ...Zeros<Right>]["length"] & number;

/**
 * The type-level twin of `normalizeDim`: a dimension index counted from the end when negative (PyTorch's way)
 * becomes its place from the start, for a tensor of `Rank` dimensions where `Slots` places are valid (`Rank` for
 * most ops, `Rank + 1` for `unsqueeze`). Out of range, the `Failure` with the run time's message; a dimension typed
 * `number` stays `number`.
 *
 * @example
 * type Last = NormalizeDim<-1, 3, 3>; //=> 2
 * type Refused = NormalizeDim<3, 2, 2>; //=> Failure<"dimension 3 is out of range for rank 2: expected one from -2 to 1">
 */
export type NormalizeDim<Dim extends number, Rank extends number, Slots extends number> = number extends Dim | Slots
  ? number
  : `${Dim}` extends `-${infer Back extends number}`
    ? Subtract<Slots, Back> extends infer Index extends number
      ? [Index] extends [never]
        ? OutOfRange<Dim, Rank, Slots>
        : Index
      : never
    : Subtract<Slots, Dim> extends 0
      ? OutOfRange<Dim, Rank, Slots>
      : [Subtract<Slots, Dim>] extends [never]
        ? OutOfRange<Dim, Rank, Slots>
        : Dim;

type OutOfRange<Dim extends number, Rank extends number, Slots extends number> =
  `-${Slots}` extends `${infer Low extends number}`
    ? Failure<WriteDimOutOfRange<Dim, Rank, Low, Subtract<Slots, 1>>>
    : never;
