/**
 * What the type level can say about one dimension of a shape, "for every size": whether it is unknown (typed
 * `number`), symbolic (a type parameter such as `B extends number`, or a branded number such as
 * `number & { __dim: "batch" }`) or a literal size, and whether two dimensions are the same size.
 *
 * Inside a generic function the compiler defers every conditional type whose check type is a type parameter, so
 * `B extends 3 ? … : …` never resolves. The predicates here decide through assignability instead: an `infer`
 * candidate is checked against its constraint with the type parameter's own constraint (`B` is assignable to `B`,
 * not to `3` nor to another parameter `C`), and the check type is a container that also matches an escape member,
 * so that the conditional resolves whatever the candidate.
 *
 * Each predicate takes a `Deferral` key: any string literal that is only known where the sizes are, such as the
 * einsum equation. It is the first element of each check type, so that while it is a type parameter the
 * conditional stays unevaluated: a generic type alias must not decide about its own type parameters, since the
 * compiler keeps what it decides there for every later instantiation.
 */

/** The member every container also matches, so that the checks below always resolve. */
interface Escape {
  readonly escape: true;
}

/**
 * Whether `Source` is assignable to `Target`, decided even when either is a type parameter (`B` to `B | 1` is
 * `true`, `B` to `3` and `B` to `C` are `false`). The `infer` candidate falls back to its constraint,
 * `Target | false`, when the source is not assignable, and then `false` is what is left of it beside `false`.
 *
 * @example
 * type Same = IsAssignableDimension<"bk", 3, 3 | 1>; //=> true
 * type Other = IsAssignableDimension<"bk", 4, 3 | 1>; //=> false
 */
export type IsAssignableDimension<Deferral extends string, Source, Target> = [
  Deferral,
  { readonly source: Source } & Escape,
] extends [string, { readonly source: infer Candidate extends Target | false } | Escape]
  ? [Candidate & false] extends [never]
    ? true
    : false
  : never;

/**
 * Whether a dimension is unknown: typed `number`, so any size may stand there.
 *
 * @example
 * type Unknown = IsUnknownDimension<"ij", number>; //=> true
 * type Literal = IsUnknownDimension<"ij", 3>; //=> false
 */
export type IsUnknownDimension<Deferral extends string, Dimension> = IsAssignableDimension<Deferral, number, Dimension>;

/**
 * Whether some of the values are symbolic: of a type parameter or a brand, neither one of the `Known` values nor
 * `Known` itself. Dimensions use it with `number`, dtypes with the dtype names. The union with `Known` absorbs every
 * known value, so that beside `Known` only the symbolic ones and a `true` marker are left; inference takes those,
 * and the constraint `boolean` takes the marker alone but no symbol, whose candidate then falls back to `boolean`.
 *
 * @example
 * type Known = IsSymbolicValue<"ij", "float32", "float64" | "float32" | "int32">; //=> false
 */
export type IsSymbolicValue<Deferral extends string, Values, Known> = [
  Deferral,
  { readonly value: Values | Known | true } & Escape,
] extends [string, { readonly value: (infer Left extends boolean) | Known } | Escape]
  ? [Left & false] extends [never]
    ? false
    : true
  : never;

/**
 * Whether a dimension is symbolic: a type parameter (`B extends number`) or a branded number
 * (`number & { __dim: "batch" }`), a size that holds "for every size". A literal size and `number` are not. Given a
 * union of dimensions, whether some of them are.
 *
 * @example
 * type Branded = IsSymbolicDimension<"ij", number & { __dim: "batch" }>; //=> true
 * type Literal = IsSymbolicDimension<"ij", 3>; //=> false
 */
export type IsSymbolicDimension<Deferral extends string, Dimension> = IsSymbolicValue<Deferral, Dimension, number>;

/**
 * Whether two dimensions are provably the same size: the same literal, or the same symbol. Two different symbols,
 * or a symbol and a literal, are not (nothing says they are equal for every size).
 *
 * @example
 * type Same = DimensionsAgree<"ij", 3, 3>; //=> true
 * type Different = DimensionsAgree<"ij", 3, 4>; //=> false
 */
export type DimensionsAgree<Deferral extends string, Left, Right> =
  IsAssignableDimension<Deferral, Left, Right> extends true ? IsAssignableDimension<Deferral, Right, Left> : false;

/**
 * The name a branded dimension carries in its `__dim` property, or `undefined` for a type parameter (whose name no
 * type can read).
 *
 * @example
 * type Name = DimensionName<"ij", number & { __dim: "batch" }>; //=> "batch"
 */
export type DimensionName<Deferral extends string, Dimension> = [Deferral, { readonly dimension: Dimension } & Escape] extends [
  string,
  { readonly dimension: { readonly __dim: infer Name extends string } } | Escape,
]
  ? string extends Name
    ? undefined
    : Name
  : never;
