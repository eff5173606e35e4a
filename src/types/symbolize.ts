import type { OpenOutput, UnfinishedOutput } from "./completions.js";
import type { DimensionName, DimensionsAgree, IsSymbolicDimension, IsUnknownDimension } from "./dimensions.js";
import type { Failure } from "./failure.js";
import type { Successors } from "./length.js";
import type { WriteOutputEllipsisMissing } from "../messages.js";
import type { ParsedTerm } from "./parse-state.js";
import type { SplitShape, SplitVariadic } from "./variadic.js";

/**
 * Symbolic dimensions (type parameters, branded numbers) go through the checks as stand-in literal sizes, one per
 * distinct symbol: negative numbers, which no real size can be. The checks then run exactly as for literal shapes,
 * and their result gets the symbols back: the stand-ins in the output shape become the symbols, and in a message
 * they become the symbols' names.
 */

/** The stand-ins, one per distinct symbol of a call, in order of first appearance. */
type StandIns = [
  -101, -102, -103, -104, -105, -106, -107, -108, -109, -110, -111, -112, -113, -114, -115, -116,
  -117, -118, -119, -120, -121, -122, -123, -124, -125, -126, -127, -128, -129, -130, -131, -132,
];

/** The stand-in of a variadic part (`S` in `[...S, 3]`), as the one dimension its ellipsis stands for. */
type VariadicStandIn = -199;

/** The index of each stand-in, by its text. */
type StandInIndex = { [Index in keyof StandIns & `${number}` as `${StandIns[Index]}`]: Index extends `${infer Value extends number}` ? Value : never };

/**
 * One symbol of a call: the dimension as written, and its name in messages: a branded number's `__dim`, else
 * `<type parameter>` (a type cannot read a type parameter's name).
 *
 * @example
 * type Batch = SymbolEntry<number & { __dim: "batch" }, "batch">;
 */
export interface SymbolEntry<Dimension = unknown, Name extends string = string> {
  readonly dimension: Dimension;
  readonly name: Name;
}

/** How messages print a type parameter's size. */
export type TypeParameterName = "<type parameter>";

/**
 * Shapes with their symbols replaced by stand-ins, the symbols in stand-in order, and the variadic part that the
 * variadic stand-in stands for (`undefined` when no shape is variadic).
 *
 * @example
 * type Done = Symbolized<[[-101, 3]], [SymbolEntry<B, "<type parameter>">]>;
 */
export interface Symbolized<
  Shapes extends readonly (readonly number[])[],
  Symbols extends readonly SymbolEntry[],
  Variadic extends VariadicPart<readonly number[]> | undefined = undefined,
> {
  readonly shapes: Shapes;
  readonly symbols: Symbols;
  readonly variadic: Variadic;
}

/**
 * Replaces every symbolic dimension of the shapes by its stand-in: the same symbol, the same stand-in. A variadic
 * shape (`[...S, 3]`) whose term is the only one with an ellipsis has its variadic part replaced by one stand-in
 * dimension under that ellipsis, so that the output gets the variadic part back where the ellipsis goes; any other
 * shape whose rank is not a literal becomes `number[]`. `Deferral` is the equation (see `dimensions.ts`).
 *
 * @example
 * type Done = SymbolizeShapes<"bk,aki->bai", [[B, 3], [5, 3, 3]], Terms>;
 * //=> Symbolized<[[-101, 3], [5, 3, 3]], [SymbolEntry<B, "<type parameter>">], undefined>
 */
export type SymbolizeShapes<
  Deferral extends string,
  Shapes extends readonly (readonly number[])[],
  Terms extends readonly ParsedTerm[],
  Index extends number = 0,
  Done extends (readonly number[])[] = [],
  Symbols extends readonly SymbolEntry[] = [],
  Variadic extends VariadicPart<readonly number[]> | undefined = undefined,
> = Index extends Shapes["length"]
  ? Symbolized<Done, Symbols, Variadic>
  : SymbolizeShape<Deferral, Shapes[Index], Symbols, Terms[Index], SoleEllipsis<Terms, Index>, Variadic> extends Symbolized<
        [infer Shape extends readonly number[]],
        infer Symbols,
        infer Variadic
      >
    ? SymbolizeShapes<Deferral, Shapes, Terms, Successors[Index], [...Done, Shape], Symbols, Variadic>
    : never;

/** Whether the term at `Index` is the only one with an ellipsis. */
type SoleEllipsis<Terms extends readonly ParsedTerm[], Index extends number> = [
  { [Term in keyof Terms]: Terms[Term] extends { readonly after: string } ? Term : never }[number],
] extends [`${Index}`]
  ? true
  : false;

/** One shape: dimension by dimension when its rank is a literal, else variadic or of unknown rank. */
type SymbolizeShape<
  Deferral extends string,
  Shape extends readonly number[],
  Symbols extends readonly SymbolEntry[],
  Term extends ParsedTerm,
  Sole extends boolean,
  Variadic extends VariadicPart<readonly number[]> | undefined,
> = IsUnknownDimension<Deferral, Shape["length"]> extends true
  ? SymbolizeVariadic<Deferral, Shape, Symbols, Term, Sole, Variadic>
  : IsSymbolicDimension<Deferral, Shape["length"]> extends true
    ? SymbolizeVariadic<Deferral, Shape, Symbols, Term, Sole, Variadic>
    : SymbolizeDimensions<Deferral, Shape, [], Symbols, Variadic>;

/** A shape whose rank is not a literal: split around its term's sole ellipsis, or of unknown rank. */
type SymbolizeVariadic<
  Deferral extends string,
  Shape extends readonly number[],
  Symbols extends readonly SymbolEntry[],
  Term extends ParsedTerm,
  Sole extends boolean,
  Variadic extends VariadicPart<readonly number[]> | undefined,
> = Sole extends true
  ? Term["after"] extends string
    ? SplitVariadic<Deferral, Shape, Term["before"], Term["after"]> extends SplitShape<
        infer Front,
        infer Middle,
        infer Back
      >
      ? SymbolizeDimensions<Deferral, [...Front, VariadicStandIn, ...Back], [], Symbols, VariadicPart<Middle>>
      : Symbolized<[number[]], Symbols, Variadic>
    : Symbolized<[number[]], Symbols, Variadic>
  : Symbolized<[number[]], Symbols, Variadic>;

type SymbolizeDimensions<
  Deferral extends string,
  Shape extends readonly number[],
  Done extends number[],
  Symbols extends readonly SymbolEntry[],
  Variadic extends VariadicPart<readonly number[]> | undefined,
> = Shape extends readonly [infer Dimension extends number, ...infer Rest extends readonly number[]]
  ? IsSymbolicDimension<Deferral, Dimension> extends true
    ? FindSymbol<Deferral, Dimension, Symbols, 0> extends infer Found extends number
      ? SymbolizeDimensions<
          Deferral,
          Rest,
          [...Done, StandInAt<Found>],
          Found extends Symbols["length"] ? [...Symbols, EntryOf<Deferral, Dimension>] : Symbols,
          Variadic
        >
      : never
    : SymbolizeDimensions<Deferral, Rest, [...Done, Dimension], Symbols, Variadic>
  : Symbolized<[Done], Symbols, Variadic>;

/** The stand-in of the symbol at an index; past the last stand-in, the size is unknown. */
type StandInAt<Index extends number> = Index extends keyof StandIns ? StandIns[Index] : number;

/** The index of the symbol that agrees with a dimension, or the number of symbols when none does. */
type FindSymbol<Deferral extends string, Dimension, Symbols extends readonly SymbolEntry[], Index extends number> =
  Index extends Symbols["length"]
    ? Index
    : DimensionsAgree<Deferral, Dimension, Symbols[Index]["dimension"]> extends true
      ? Index
      : FindSymbol<Deferral, Dimension, Symbols, Successors[Index]>;

type EntryOf<Deferral extends string, Dimension> = DimensionName<Deferral, Dimension> extends infer Name extends string
  ? SymbolEntry<Dimension, Name>
  : SymbolEntry<Dimension, TypeParameterName>;

/**
 * An outcome of the checks with the symbols back in place of their stand-ins: in the output shape, and in a
 * message. With a variadic part, the output has it where the ellipsis goes, and a refusal that only its unknown
 * rank could cause gives the loose `number[]`. An implicit output's shape comes as an `OpenOutput` with nothing to
 * offer next, so that the types reading it test an object, never a tuple that may be variadic.
 *
 * @example
 * type Outcome = RestoreSymbols<OpenOutput<[-101, 5], "k">, [SymbolEntry<B, "<type parameter>">]>; //=> OpenOutput<[B, 5], "k">
 */
export type RestoreSymbols<
  Outcome,
  Symbols extends readonly SymbolEntry[],
  Variadic extends VariadicPart<readonly number[]> | undefined = undefined,
> = Outcome extends OpenOutput<infer Shape, infer Next>
  ? { readonly shape: RestoreShape<Shape, Symbols, Variadic> } extends { readonly shape: infer Restored extends readonly number[] }
    ? OpenOutput<Restored, Next>
    : never
  : Outcome extends UnfinishedOutput<infer Message, infer Next>
    ? UnfinishedOutput<RestoreMessage<Message, Symbols>, Next>
    : Outcome extends Failure<infer Message>
      ? Variadic extends undefined
        ? Failure<RestoreMessage<Message, Symbols>>
        : Message extends `${string}${VariadicStandIn}${string}` | WriteOutputEllipsisMissing<1>
          ? number[]
          : Failure<RestoreMessage<Message, Symbols>>
      : Outcome extends readonly number[]
        ? { readonly shape: RestoreShape<Outcome, Symbols, Variadic> } extends { readonly shape: infer Restored extends readonly number[] }
          ? OpenOutput<Restored, never>
          : never
        : Outcome;

/** A shape with each stand-in replaced by its symbol, and the variadic stand-in by the variadic part. */
type RestoreShape<
  Shape extends readonly number[],
  Symbols extends readonly SymbolEntry[],
  Variadic extends VariadicPart<readonly number[]> | undefined,
  Restored extends readonly number[] = [],
> = Shape extends readonly [infer Dimension extends number, ...infer Rest extends readonly number[]]
  ? RestoreShape<Rest, Symbols, Variadic, RestoreNext<Restored, Dimension, Symbols, Variadic>>
  : number extends Shape["length"]
    ? Shape
    : Restored;

/**
 * The restored shape with one more dimension. Its parts come through `infer` (inside an object, since a symbol or
 * a variadic part is a generic type that a conditional type cannot test), so that the tuple is built from evaluated
 * types: a tuple that names a type alias would be evaluated again, with the type parameters stripped of their
 * constraints, whenever a conditional type tests it.
 */
type RestoreNext<
  Restored extends readonly number[],
  Dimension extends number,
  Symbols extends readonly SymbolEntry[],
  Variadic extends VariadicPart<readonly number[]> | undefined,
> = Dimension extends VariadicStandIn
  ? { readonly part: PartOf<Variadic> } extends { readonly part: infer Part extends readonly number[] }
    ? [...Restored, ...Part]
    : never
  : { readonly size: RestoreDimension<Dimension, Symbols> } extends { readonly size: infer Size extends number }
    ? [...Restored, Size]
    : never;

/** The variadic part, wrapped so that testing whether there is one never tests a type parameter itself. */
interface VariadicPart<Part extends readonly number[]> {
  readonly part: Part;
}

type PartOf<Variadic> = Variadic extends VariadicPart<infer Part> ? Part : [];

type RestoreDimension<Dimension extends number, Symbols extends readonly SymbolEntry[]> = `${Dimension}` extends keyof StandInIndex
  ? Symbols[StandInIndex[`${Dimension}`]]["dimension"]
  : Dimension;

/** A message with each stand-in replaced by its symbol's name. */
type RestoreMessage<Message extends string, Symbols extends readonly SymbolEntry[]> =
  Message extends `${infer Before}-1${infer Tens}${infer Units}${infer After}`
    ? `-1${Tens}${Units}` extends keyof StandInIndex
      ? RestoreMessage<`${Before}${Symbols[StandInIndex[`-1${Tens}${Units}`]]["name"]}${After}`, Symbols>
      : Message
    : Message;
