import type { Failure } from "../types/failure.js";

/**
 * `Shape` with `Value` inserted before position `Index`.
 *
 * @example
 * type S = InsertAt<[2, 3], 1, 1>; //=> [2, 1, 3]
 */
export type InsertAt<Shape extends readonly number[], Index extends number, Value extends number, Head extends number[] = []> =
  Head["length"] extends Index
    ? [...Head, Value, ...Shape]
    : Shape extends readonly [infer First extends number, ...infer Rest extends readonly number[]]
      ? InsertAt<Rest, Index, Value, [...Head, First]>
      : [...Head, Value];

/**
 * `Shape` with the size at each position of `Indices` replaced by `Value`, or dropped when `Value` is `never`.
 *
 * @example
 * type S = ReplaceAt<[2, 3, 4], 0 | 2, 1>; //=> [1, 3, 1]
 */
export type ReplaceAt<
  Shape extends readonly number[],
  Indices extends number,
  Value extends number,
  Done extends number[] = [],
  Position extends 0[] = [],
> = Shape extends readonly [infer First extends number, ...infer Rest extends readonly number[]]
  ? ReplaceAt<
      Rest,
      Indices,
      Value,
      Position["length"] extends Indices ? ([Value] extends [never] ? Done : [...Done, Value]) : [...Done, First],
      [...Position, 0]
    >
  : Done;

/**
 * `Shape` with the size at `Index` set to `Value`.
 *
 * @example
 * type S = SetAt<[4, 1], 1, 7>; //=> [4, 7]
 */
export type SetAt<Shape extends readonly number[], Index extends number, Value extends number, Done extends number[] = []> =
  Shape extends readonly [infer First extends number, ...infer Rest extends readonly number[]]
    ? SetAt<Rest, Index, Value, [...Done, Done["length"] extends Index ? Value : First]>
    : Done;

/**
 * The parameter type that shows a shape computation's refusal: the argument itself when the computation succeeds,
 * the run time's message when it fails.
 *
 * @example
 * type P = Checked<Failure<"dimension 3 is out of range for rank 2: expected one from -2 to 1">, 3>;
 * //=> "dimension 3 is out of range for rank 2: expected one from -2 to 1"
 */
export type Checked<Computed, Argument> = Computed extends Failure<infer Message> ? Message : Argument;

/**
 * A computed shape, or `number[]` in place of a refusal (the refusal shows on the argument instead).
 *
 * @example
 * type S = ShapeOrLoose<Failure<"...">>; //=> number[]
 */
export type ShapeOrLoose<Computed> = Computed extends infer Shape extends number[] ? Shape : number[];
