/**
 * Decimal arithmetic on whole-number literal types, digit by digit, so that sizes of any magnitude work (tuple
 * counting stops at a few thousand). Numbers are handled as their decimal text, least significant digit first
 * while computing.
 */

type DigitCounts = {
  "0": [];
  "1": [0];
  "2": [0, 0];
  "3": [0, 0, 0];
  "4": [0, 0, 0, 0];
  "5": [0, 0, 0, 0, 0];
  "6": [0, 0, 0, 0, 0, 0];
  "7": [0, 0, 0, 0, 0, 0, 0];
  "8": [0, 0, 0, 0, 0, 0, 0, 0];
  "9": [0, 0, 0, 0, 0, 0, 0, 0, 0];
};
type Digit = keyof DigitCounts;
type Ten = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Whether a number type is a whole number literal from 0 written without an exponent (`6`, not `number`, `-1`,
 * `2.5` or `1e21`).
 *
 * @example
 * type Yes = IsWholeLiteral<6>; //=> true
 * type No = IsWholeLiteral<number>; //=> false
 */
export type IsWholeLiteral<Value extends number> = number extends Value
  ? false
  : `${Value}` extends `${Digit}${string}`
    ? `${Value}` extends `${string}${"." | "e" | "-"}${string}`
      ? false
      : true
    : false;

/** A two-digit count as `[carry, digit]`. */
type Split<Count> = Count extends number
  ?  `${Count}` extends `${infer Carry extends Digit}${infer Last extends Digit}`
    ? [Carry, Last]
    : ["0", `${Count}` & Digit]
  : never;

type Head<Digits extends string> = Digits extends `${infer First extends Digit}${string}` ? First : "0";
type Tail<Digits extends string> = Digits extends `${string}${infer Rest}` ? Rest : "";

type Reverse<Text extends string, Reversed extends string = ""> = Text extends `${infer First}${infer Rest}`
  ? Reverse<Rest, `${First}${Reversed}`>
  : Reversed;

/** Drops the zeros at the end of reversed digits (leading zeros of the number), keeping at least one digit. */
type TrimReversed<Digits extends string> = Reverse<Digits> extends `0${infer Rest}`
  ? Rest extends ""
    ? "0"
    : TrimReversed<Reverse<Rest>>
  : Digits;

type AddReversed<Left extends string, Right extends string, Carry extends Digit = "0", Sum extends string = ""> = [
  Left,
  Right,
] extends ["", ""]
  ? Carry extends "0"
    ? Sum
    : `${Sum}${Carry}`
  : Split<[...DigitCounts[Head<Left>], ...DigitCounts[Head<Right>], ...DigitCounts[Carry]]["length"]> extends [
        infer Next extends Digit,
        infer Last extends Digit,
      ]
    ? AddReversed<Tail<Left>, Tail<Right>, Next, `${Sum}${Last}`>
    : never;

type Times<Count extends unknown[], Factor extends Digit, Product extends unknown[] = [], Done extends unknown[] = []> =
  Done["length"] extends DigitCounts[Factor]["length"] ? Product : Times<Count, Factor, [...Product, ...Count], [...Done, 0]>;

type MultiplyByDigit<Digits extends string, Factor extends Digit, Carry extends Digit = "0", Product extends string = ""> =
  Digits extends ""
    ? Carry extends "0"
      ? Product
      : `${Product}${Carry}`
    : Split<[...Times<DigitCounts[Head<Digits>], Factor>, ...DigitCounts[Carry]]["length"]> extends [
          infer Next extends Digit,
          infer Last extends Digit,
        ]
      ? MultiplyByDigit<Tail<Digits>, Factor, Next, `${Product}${Last}`>
      : never;

type MultiplyReversed<Left extends string, Right extends string, Shift extends string = "", Product extends string = "0"> =
  Right extends ""
    ? Product
    : MultiplyByDigit<Left, Head<Right>> extends infer Partial extends string
      ? AddReversed<Product, `${Shift}${Partial}`> extends infer Sum extends string
        ? MultiplyReversed<Left, Tail<Right>, `${Shift}0`, Sum>
        : never
      : never;

/** `Left - Right` on reversed digits, or `never` when `Right` is larger. */
type SubtractReversed<Left extends string, Right extends string, Borrow extends Digit = "0", Difference extends string = ""> =
  Left extends ""
    ? Right extends ""
      ? Borrow extends "0"
        ? Difference
        : never
      : never
    : [...DigitCounts[Head<Right>], ...DigitCounts[Borrow]] extends infer Taken extends unknown[]
      ? DigitCounts[Head<Left>] extends [...Taken, ...infer Rest]
        ? SubtractReversed<Tail<Left>, Tail<Right>, "0", `${Difference}${Rest["length"]}`>
        : [...Ten, ...DigitCounts[Head<Left>]] extends [...Taken, ...infer Rest]
          ? SubtractReversed<Tail<Left>, Tail<Right>, "1", `${Difference}${Rest["length"]}`>
          : never
      : never;

type ToNumber<Reversed extends string> = Reverse<TrimReversed<Reversed>> extends infer Digits extends string
  ? Digits extends `${infer Value extends number}`
    ? Value
    : never
  : never;

/**
 * The product of two whole-number literals.
 *
 * @example
 * type P = Multiply<123, 45>; //=> 5535
 */
export type Multiply<Left extends number, Right extends number> = ToNumber<
  MultiplyReversed<Reverse<`${Left}`>, Reverse<`${Right}`>>
>;

/**
 * `Left - Right` for whole-number literals, `0` when `Right` is larger.
 *
 * @example
 * type D = SubtractOrZero<6, 3>; //=> 3
 * type Z = SubtractOrZero<2, 5>; //=> 0
 */
export type SubtractOrZero<Left extends number, Right extends number> =
  SubtractReversed<Reverse<`${Left}`>, Reverse<`${Right}`>> extends infer Difference extends string
    ? [Difference] extends [never]
      ? 0
      : ToNumber<Difference>
    : 0;

/**
 * The number of elements of a shape (the product of its sizes, 1 for a scalar), or `number` when a size is not a
 * whole-number literal.
 *
 * @example
 * type Size = ShapeSize<[2, 3, 4]>; //=> 24
 * type Unknown = ShapeSize<[2, number]>; //=> number
 */
export type ShapeSize<Shape extends readonly number[], Product extends number = 1> = number extends Shape["length"]
  ? number
  : Shape extends readonly [infer Size extends number, ...infer Rest extends readonly number[]]
    ? IsWholeLiteral<Size> extends true
      ? ShapeSize<Rest, Multiply<Product, Size>>
      : number
    : Product;
