import type { WriteReshapeSize } from "../messages.js";
import type { ShapeSize } from "./arithmetic.js";

/**
 * The type of `reshape`'s parameter: the new shape itself when its size can equal the tensor's, and otherwise the
 * run time's message, so that `arange(6).reshape([4, 2])` does not compile. When either size is not known (a size
 * typed `number`), the shape is accepted and the run time checks it.
 *
 * @example
 * type Accepted = ValidateReshape<[6], readonly [2, 3]>; //=> readonly [2, 3]
 * type Refused = ValidateReshape<[2, 3], readonly [4, 2]>; //=> "cannot reshape [2, 3] (6 elements) into [4, 2] (8 elements)"
 */
export type ValidateReshape<From extends readonly number[], To extends readonly number[]> =
  ShapeSize<From> extends infer FromSize extends number
    ? ShapeSize<To> extends infer ToSize extends number
      ? number extends FromSize | ToSize
        ? To
        : FromSize extends ToSize
          ? To
          : WriteReshapeSize<From, FromSize, To, ToSize> extends infer Message
            ? Message
            : never
      : To
    : To;
