import type { WriteExpandShape } from "../messages.js";
import type { Failure } from "../types/failure.js";

/**
 * The type-level twin of `expandShape`: `Target` with each -1 replaced by the tensor's own size, when every size of
 * the tensor (right-aligned) is 1 or the target's size; otherwise the `Failure` with the run time's message.
 *
 * @example
 * type S = ExpandShape<[1, 3], [4, -1]>; //=> [4, 3]
 * type Refused = ExpandShape<[2, 3], [4, 4]>; //=> Failure<"cannot expand [2, 3] to [4, 4]: dimension -1 is neither 1 nor the target size">
 */
export type ExpandShape<Shape extends readonly number[], Target extends readonly number[]> = number[] extends Shape
  ? number[]
  : number[] extends Target
    ? number[]
    : ExpandFrom<Shape, Target, Shape, Target, []>;

type ExpandFrom<
  Shape extends readonly number[],
  Target extends readonly number[],
  ShapeRest extends readonly number[],
  TargetRest extends readonly number[],
  Done extends number[],
> = TargetRest extends readonly [...infer TargetHead extends readonly number[], infer Wanted extends number]
  ? ShapeRest extends readonly [...infer ShapeHead extends readonly number[], infer Own extends number]
    ? ExpandSize<Own, Wanted> extends infer Size extends number
      ? ExpandFrom<Shape, Target, ShapeHead, TargetHead, [Size, ...Done]>
      : Refuse<Shape, Target, Done>
    : { size: Wanted } extends { size: -1 }
      ? Refuse<Shape, Target, Done>
      : ExpandFrom<Shape, Target, ShapeRest, TargetHead, [Wanted, ...Done]>
  : ShapeRest extends readonly []
    ? Done
    : Refuse<Shape, Target, Done>;

type Refuse<Shape extends readonly number[], Target extends readonly number[], Done extends number[]> =
  `-${[0, ...Done]["length"]}` extends `${infer Dimension extends number}` ? Failure<WriteExpandShape<Shape, Target, Dimension>> : never;

type ExpandSize<Own extends number, Wanted extends number> = { size: Wanted } extends { size: -1 }
  ? Own
  : { size: Own } extends { size: Wanted }
    ? Wanted
    : { size: Own } extends { size: 1 }
      ? Wanted
      : number extends Own | Wanted
        ? Wanted
        : false;
