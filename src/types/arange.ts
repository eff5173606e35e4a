import type { IsWholeLiteral, SubtractOrZero } from "./arithmetic.js";

/**
 * The shape of `arange(stop)`: `[stop]` for a whole-number literal, `[0]` for a negative one (the range is empty),
 * else `[number]`.
 *
 * @example
 * type Shape = ArangeShape<6>; //=> [6]
 */
export type ArangeShape<Stop extends number> = IsWholeLiteral<Stop> extends true
  ? [Stop]
  : number extends Stop
    ? [number]
    : `${Stop}` extends `-${string}`
      ? [0]
      : [number];

/**
 * The shape of `arange(start, stop)`: `[stop - start]` (or `[0]` when `stop` is smaller) for whole-number
 * literals, else `[number]`.
 *
 * @example
 * type Shape = ArangeRangeShape<3, 6>; //=> [3]
 */
export type ArangeRangeShape<Start extends number, Stop extends number> = IsWholeLiteral<Start> extends true
  ? IsWholeLiteral<Stop> extends true
    ? [SubtractOrZero<Stop, Start>]
    : [number]
  : [number];
