/**
 * Whether a type is `any`.
 *
 * @example
 * type Yes = IsAny<any>; //=> true
 * type No = IsAny<unknown>; //=> false
 */
export type IsAny<Type> = 0 extends 1 & Type ? true : false;

/**
 * Whether a type is `never`.
 *
 * @example
 * type Yes = IsNever<never>; //=> true
 */
export type IsNever<Type> = [Type] extends [never] ? true : false;
