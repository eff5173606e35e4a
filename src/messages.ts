/**
 * Every message typed-einsum shows, once. Each message is a template-literal type and a writer function side by
 * side: the run time throws what the writer returns, the type level shows the type, and the compiler checks that
 * the writer's text is the type's text.
 */

/**
 * The codes an {@link EinsumError} can carry, one per kind of mistake.
 *
 * @example
 * const code: EinsumErrorCode = "SIZE_MISMATCH";
 */
export type EinsumErrorCode =
  | "OPERAND_COUNT"
  | "RANK_MISMATCH"
  | "SIZE_MISMATCH"
  | "DIAGONAL_SIZE_MISMATCH"
  | "ELLIPSIS_BROADCAST"
  | "OUTPUT_LABEL_UNKNOWN"
  | "OUTPUT_LABEL_REPEATED"
  | "INVALID_CHARACTER"
  | "MULTIPLE_ARROWS"
  | "MALFORMED_ARROW"
  | "MALFORMED_ELLIPSIS"
  | "REPEATED_ELLIPSIS"
  | "OUTPUT_ELLIPSIS_MISSING"
  | "DATA_LENGTH"
  | "INVALID_SHAPE"
  | "RESHAPE_SIZE"
  | "NOT_SCALAR"
  | "RAGGED_ARRAY"
  | "NOT_A_NUMBER"
  | "INVALID_DTYPE"
  | "INVALID_OPERAND"
  | "SUBLIST_LABEL"
  | "INVALID_OPTION"
  | "EXPRESSION_SHAPE"
  | "INVALID_PATH"
  | "INVALID_NETWORK"
  | "SEARCH_BUDGET"
  | "TOO_LARGE"
  | "UNKNOWN_OPTION"
  | "INTEGER_OVERFLOW"
  | "INVALID_STRIDE"
  | "INVALID_EQUATION"
  | "INVALID_ARANGE"
  | "BROADCAST_MISMATCH"
  | "DIM_OUT_OF_RANGE"
  | "EXPAND_SHAPE"
  | "CAT_SHAPE"
  | "GRAD_DTYPE"
  | "NO_GRAD"
  | "BACKWARD_GRADIENT"
  | "MEMORY_LIMIT";

/** Joins the numbers of a shape with `", "`, as the messages print shapes. */
export type JoinShape<Shape extends readonly number[], Joined extends string = ""> = Shape extends readonly [
  infer First extends number,
  ...infer Rest extends readonly number[],
]
  ? JoinShape<Rest, Joined extends "" ? `${First}` : `${Joined}, ${First}`>
  : Joined;

/** The run-time twin of {@link JoinShape}. */
export function joinShape<Shape extends readonly number[]>(shape: Shape): JoinShape<Shape> {
  return shape.join(", ") as JoinShape<Shape>;
}

/**
 * A noun agreeing with a count: `Plural<1, "operand">` is `"operand"`, any other count `"operands"`.
 *
 * @example
 * type Word = Plural<2, "term">; //=> "terms"
 */
export type Plural<Count extends number, Word extends string> = Count extends 1 ? Word : `${Word}s`;

/**
 * The run-time twin of {@link Plural}.
 *
 * @example
 * plural(1, "dimension"); //=> "dimension"
 */
export function plural<Count extends number, Word extends string>(count: Count, word: Word): Plural<Count, Word> {
  return (count === 1 ? word : `${word}s`) as Plural<Count, Word>;
}

/**
 * The column of a character of the equation, counted from 1 at the equation's first character, for the index
 * `Position` (from 0) that the run time keeps in `EinsumError.position`. A type cannot draw the run time's caret,
 * so the messages of mistakes in the equation say the column in words. It adds one to the number's decimal digits,
 * so it costs a few steps whatever the length of the equation.
 *
 * @example
 * type First = Column<0>; //=> 1
 * type Carry = Column<199>; //=> 200
 */
export type Column<Position extends number> = `${IncrementDigits<`${Position}`>}` extends `${infer Next extends number}` ? Next : never;

/** A number's decimal digits plus one: the last digit goes up, and a 9 carries into the digits before it. */
type IncrementDigits<Digits extends string> =
  Digits extends `${infer Head}9` ? `${IncrementDigits<Head>}0`
  : Digits extends `${infer Head}8` ? `${Head}9`
  : Digits extends `${infer Head}7` ? `${Head}8`
  : Digits extends `${infer Head}6` ? `${Head}7`
  : Digits extends `${infer Head}5` ? `${Head}6`
  : Digits extends `${infer Head}4` ? `${Head}5`
  : Digits extends `${infer Head}3` ? `${Head}4`
  : Digits extends `${infer Head}2` ? `${Head}3`
  : Digits extends `${infer Head}1` ? `${Head}2`
  : Digits extends `${infer Head}0` ? `${Head}1`
  : "1";

/**
 * The run-time twin of {@link Column}.
 *
 * @example
 * column(4); //=> 5
 */
export function column<Position extends number>(position: Position): Column<Position> {
  return (position + 1) as Column<Position>;
}

export type WriteAtColumn<Message extends string, Position extends number> = `${Message}, at column ${Column<Position>}`;
/**
 * Places a message of the equation that does not say where it is, at the column of the index `position`.
 *
 * @example
 * writeAtColumn(writeRepeatedOutputLabel("i"), 5); //=> "output label 'i' appears more than once, at column 6"
 */
export function writeAtColumn<Message extends string, Position extends number>(
  message: Message,
  position: Position,
): WriteAtColumn<Message, Position> {
  return `${message}, at column ${column(position)}`;
}

// ---- the equation's grammar ------------------------------------------------------------------------------------

export type WriteInvalidCharacter<Character extends string, Position extends number> =
  `invalid character '${Character}' at column ${Column<Position>}: labels are the letters a-z and A-Z`;
/**
 * @example
 * writeInvalidCharacter("1", 1); //=> "invalid character '1' at column 2: labels are the letters a-z and A-Z"
 */
export function writeInvalidCharacter<Character extends string, Position extends number>(
  character: Character,
  position: Position,
): WriteInvalidCharacter<Character, Position> {
  return `invalid character '${character}' at column ${column(position)}: labels are the letters a-z and A-Z`;
}

export type WriteSecondArrow<Position extends number> = `the equation has a second '->' at column ${Column<Position>}`;
/**
 * @example
 * writeSecondArrow(5); //=> "the equation has a second '->' at column 6"
 */
export function writeSecondArrow<Position extends number>(position: Position): WriteSecondArrow<Position> {
  return `the equation has a second '->' at column ${column(position)}`;
}

export type WriteMalformedArrow<Position extends number> =
  `the arrow at column ${Column<Position>} is malformed: write '->'`;
/**
 * @example
 * writeMalformedArrow(2); //=> "the arrow at column 3 is malformed: write '->'"
 */
export function writeMalformedArrow<Position extends number>(position: Position): WriteMalformedArrow<Position> {
  return `the arrow at column ${column(position)} is malformed: write '->'`;
}

export type WriteMalformedEllipsis<Position extends number> =
  `the '.' at column ${Column<Position>} is not part of an ellipsis '...'`;
/**
 * @example
 * writeMalformedEllipsis(1); //=> "the '.' at column 2 is not part of an ellipsis '...'"
 */
export function writeMalformedEllipsis<Position extends number>(position: Position): WriteMalformedEllipsis<Position> {
  return `the '.' at column ${column(position)} is not part of an ellipsis '...'`;
}

export type WriteRepeatedEllipsis<Term extends string, Position extends number> =
  `${Term} has a second ellipsis '...' at column ${Column<Position>}`;
/**
 * @example
 * writeRepeatedEllipsis("operand 0", 4); //=> "operand 0 has a second ellipsis '...' at column 5"
 * writeRepeatedEllipsis("the output", 9); //=> "the output has a second ellipsis '...' at column 10"
 */
export function writeRepeatedEllipsis<Term extends string, Position extends number>(
  term: Term,
  position: Position,
): WriteRepeatedEllipsis<Term, Position> {
  return `${term} has a second ellipsis '...' at column ${column(position)}`;
}

export type WriteRepeatedSublistEllipsis<Term extends string, Index extends number> =
  `the sublist of ${Term} has a second ellipsis '...' at index ${Index}`;
/**
 * The sublist form's twin of {@link writeRepeatedEllipsis}: a sublist has no columns, so the place is its index.
 *
 * @example
 * writeRepeatedSublistEllipsis("operand 0", 2); //=> "the sublist of operand 0 has a second ellipsis '...' at index 2"
 */
export function writeRepeatedSublistEllipsis<Term extends string, Index extends number>(
  term: Term,
  index: Index,
): WriteRepeatedSublistEllipsis<Term, Index> {
  return `the sublist of ${term} has a second ellipsis '...' at index ${index}`;
}

// ---- the output ------------------------------------------------------------------------------------------------

export type WriteUnknownOutputLabel<Label extends string> = `output label '${Label}' does not appear in any input`;
/**
 * @example
 * writeUnknownOutputLabel("k"); //=> "output label 'k' does not appear in any input"
 */
export function writeUnknownOutputLabel<Label extends string>(label: Label): WriteUnknownOutputLabel<Label> {
  return `output label '${label}' does not appear in any input`;
}

export type WriteDidYouMean<Message extends string, Suggestion extends string> =
  `${Message}; did you mean '${Suggestion}'?`;
/**
 * Adds a suggestion to a message.
 *
 * @example
 * writeDidYouMean(writeUnknownOutputLabel("K"), "k");
 * //=> "output label 'K' does not appear in any input; did you mean 'k'?"
 */
export function writeDidYouMean<Message extends string, Suggestion extends string>(
  message: Message,
  suggestion: Suggestion,
): WriteDidYouMean<Message, Suggestion> {
  return `${message}; did you mean '${suggestion}'?`;
}

export type WriteRepeatedOutputLabel<Label extends string> = `output label '${Label}' appears more than once`;
/**
 * @example
 * writeRepeatedOutputLabel("i"); //=> "output label 'i' appears more than once"
 */
export function writeRepeatedOutputLabel<Label extends string>(label: Label): WriteRepeatedOutputLabel<Label> {
  return `output label '${label}' appears more than once`;
}

export type WriteOutputEllipsisMissing<Count extends number> =
  `the ellipsis stands for ${Count} ${Plural<Count, "dimension">} but the output has no '...'`;
/**
 * @example
 * writeOutputEllipsisMissing(2); //=> "the ellipsis stands for 2 dimensions but the output has no '...'"
 */
export function writeOutputEllipsisMissing<Count extends number>(count: Count): WriteOutputEllipsisMissing<Count> {
  return `the ellipsis stands for ${count} ${plural(count, "dimension")} but the output has no '...'`;
}

// ---- operands against the equation -----------------------------------------------------------------------------

export type WriteOperandCount<Expected extends number, Received extends number> =
  `the equation has ${Expected} input ${Plural<Expected, "term">} but the call gives ${Received} ${Plural<Received, "operand">}`;
/**
 * @example
 * writeOperandCount(2, 1); //=> "the equation has 2 input terms but the call gives 1 operand"
 */
export function writeOperandCount<Expected extends number, Received extends number>(
  expected: Expected,
  received: Received,
): WriteOperandCount<Expected, Received> {
  return `the equation has ${expected} input ${plural(expected, "term")} but the call gives ${received} ${plural(received, "operand")}`;
}

export type WriteRankMismatch<Operand extends number, Rank extends number, Term extends string, Count extends number> =
  `operand ${Operand} has rank ${Rank} but its term '${Term}' names ${Count} ${Plural<Count, "dimension">}`;
/**
 * @example
 * writeRankMismatch(0, 2, "ijk", 3); //=> "operand 0 has rank 2 but its term 'ijk' names 3 dimensions"
 */
export function writeRankMismatch<Operand extends number, Rank extends number, Term extends string, Count extends number>(
  operand: Operand,
  rank: Rank,
  term: Term,
  count: Count,
): WriteRankMismatch<Operand, Rank, Term, Count> {
  return `operand ${operand} has rank ${rank} but its term '${term}' names ${count} ${plural(count, "dimension")}`;
}

export type WriteRankBelowEllipsis<
  Operand extends number,
  Rank extends number,
  Term extends string,
  Count extends number,
> = `operand ${Operand} has rank ${Rank} but its term '${Term}' needs at least ${Count} ${Plural<Count, "dimension">}`;
/**
 * @example
 * writeRankBelowEllipsis(1, 1, "...ij", 2); //=> "operand 1 has rank 1 but its term '...ij' needs at least 2 dimensions"
 */
export function writeRankBelowEllipsis<
  Operand extends number,
  Rank extends number,
  Term extends string,
  Count extends number,
>(operand: Operand, rank: Rank, term: Term, count: Count): WriteRankBelowEllipsis<Operand, Rank, Term, Count> {
  return `operand ${operand} has rank ${rank} but its term '${term}' needs at least ${count} ${plural(count, "dimension")}`;
}

export type WriteSizeMismatch<
  Label extends string,
  Operand0 extends number,
  Size0 extends number | string,
  Operand1 extends number,
  Size1 extends number | string,
> = `label '${Label}' has size ${Size0} in operand ${Operand0} but ${Size1} in operand ${Operand1}`;
/**
 * A size may also be a symbolic size's name, as the type level prints it in generic code.
 *
 * @example
 * writeSizeMismatch("j", 0, 3, 1, 4); //=> "label 'j' has size 3 in operand 0 but 4 in operand 1"
 * writeSizeMismatch("k", 0, "batch", 1, 3); //=> "label 'k' has size batch in operand 0 but 3 in operand 1"
 */
export function writeSizeMismatch<
  Label extends string,
  Operand0 extends number,
  Size0 extends number | string,
  Operand1 extends number,
  Size1 extends number | string,
>(
  label: Label,
  operand0: Operand0,
  size0: Size0,
  operand1: Operand1,
  size1: Size1,
): WriteSizeMismatch<Label, Operand0, Size0, Operand1, Size1> {
  return `label '${label}' has size ${size0} in operand ${operand0} but ${size1} in operand ${operand1}`;
}

export type WriteDiagonalSizeMismatch<
  Label extends string,
  Operand extends number,
  Size0 extends number | string,
  Size1 extends number | string,
> = `label '${Label}' repeats in operand ${Operand} with unequal sizes ${Size0} and ${Size1}`;
/**
 * @example
 * writeDiagonalSizeMismatch("i", 0, 2, 3); //=> "label 'i' repeats in operand 0 with unequal sizes 2 and 3"
 */
export function writeDiagonalSizeMismatch<
  Label extends string,
  Operand extends number,
  Size0 extends number | string,
  Size1 extends number | string,
>(label: Label, operand: Operand, size0: Size0, size1: Size1): WriteDiagonalSizeMismatch<Label, Operand, Size0, Size1> {
  return `label '${label}' repeats in operand ${operand} with unequal sizes ${size0} and ${size1}`;
}

export type WriteEllipsisBroadcast<
  Operand0 extends number,
  Size0 extends number | string,
  Operand1 extends number,
  Size1 extends number | string,
> = `the ellipsis dimensions do not broadcast: size ${Size0} in operand ${Operand0} against ${Size1} in operand ${Operand1}`;
/**
 * @example
 * writeEllipsisBroadcast(0, 2, 1, 3);
 * //=> "the ellipsis dimensions do not broadcast: size 2 in operand 0 against 3 in operand 1"
 */
export function writeEllipsisBroadcast<
  Operand0 extends number,
  Size0 extends number | string,
  Operand1 extends number,
  Size1 extends number | string,
>(
  operand0: Operand0,
  size0: Size0,
  operand1: Operand1,
  size1: Size1,
): WriteEllipsisBroadcast<Operand0, Size0, Operand1, Size1> {
  return `the ellipsis dimensions do not broadcast: size ${size0} in operand ${operand0} against ${size1} in operand ${operand1}`;
}

export type WriteInvalidOperand<Operand extends number> =
  `operand ${Operand} is not a tensor: pass a Tensor or a { shape, data } object`;
/**
 * @example
 * writeInvalidOperand(1); //=> "operand 1 is not a tensor: pass a Tensor or a { shape, data } object"
 */
export function writeInvalidOperand<Operand extends number>(operand: Operand): WriteInvalidOperand<Operand> {
  return `operand ${operand} is not a tensor: pass a Tensor or a { shape, data } object`;
}

export type WriteSublistLabel<Operand extends number, Value extends string> =
  `sublist of operand ${Operand} has the label ${Value}: labels are whole numbers from 0, or '...'`;
/**
 * @example
 * writeSublistLabel(0, "-1"); //=> "sublist of operand 0 has the label -1: labels are whole numbers from 0, or '...'"
 */
export function writeSublistLabel<Operand extends number, Value extends string>(
  operand: Operand,
  value: Value,
): WriteSublistLabel<Operand, Value> {
  return `sublist of operand ${operand} has the label ${value}: labels are whole numbers from 0, or '...'`;
}

export type WriteInvalidOption<Option extends string, Value extends string, Expected extends string> =
  `option ${Option} cannot be ${Value}: expected ${Expected}`;
/**
 * @example
 * writeInvalidOption("optimize", "'fast'", "a method name, false or a path");
 * //=> "option optimize cannot be 'fast': expected a method name, false or a path"
 */
export function writeInvalidOption<Option extends string, Value extends string, Expected extends string>(
  option: Option,
  value: Value,
  expected: Expected,
): WriteInvalidOption<Option, Value, Expected> {
  return `option ${option} cannot be ${value}: expected ${expected}`;
}

export type WriteExpressionShape<Operand extends number, Shape extends readonly number[], Planned extends readonly number[]> =
  `operand ${Operand} has shape [${JoinShape<Shape>}] but the expression was planned for [${JoinShape<Planned>}]`;
/**
 * @example
 * writeExpressionShape(1, [3, 5], [3, 4]); //=> "operand 1 has shape [3, 5] but the expression was planned for [3, 4]"
 */
export function writeExpressionShape<
  Operand extends number,
  Shape extends readonly number[],
  Planned extends readonly number[],
>(operand: Operand, shape: Shape, planned: Planned): WriteExpressionShape<Operand, Shape, Planned> {
  return `operand ${operand} has shape [${joinShape(shape)}] but the expression was planned for [${joinShape(planned)}]`;
}

// ---- tensors ---------------------------------------------------------------------------------------------------

export type WriteDataLength<Length extends number, Shape extends readonly number[], Expected extends number> =
  `data has ${Length} ${Plural<Length, "element">} but shape [${JoinShape<Shape>}] needs ${Expected}`;
/**
 * @example
 * writeDataLength(5, [2, 3], 6); //=> "data has 5 elements but shape [2, 3] needs 6"
 */
export function writeDataLength<Length extends number, Shape extends readonly number[], Expected extends number>(
  length: Length,
  shape: Shape,
  expected: Expected,
): WriteDataLength<Length, Shape, Expected> {
  return `data has ${length} ${plural(length, "element")} but shape [${joinShape(shape)}] needs ${expected}`;
}

export type WriteInvalidShape<Shape extends string, Dimension extends number> =
  `shape [${Shape}] has an invalid size at dimension ${Dimension}: sizes are whole numbers from 0`;
/**
 * @example
 * writeInvalidShape("2, -1", 1); //=> "shape [2, -1] has an invalid size at dimension 1: sizes are whole numbers from 0"
 */
export function writeInvalidShape<Shape extends string, Dimension extends number>(
  shape: Shape,
  dimension: Dimension,
): WriteInvalidShape<Shape, Dimension> {
  return `shape [${shape}] has an invalid size at dimension ${dimension}: sizes are whole numbers from 0`;
}

export type WriteReshapeSize<
  From extends readonly number[],
  FromSize extends number,
  To extends readonly number[],
  ToSize extends number,
> = `cannot reshape [${JoinShape<From>}] (${FromSize} ${Plural<FromSize, "element">}) into [${JoinShape<To>}] (${ToSize} ${Plural<ToSize, "element">})`;
/**
 * @example
 * writeReshapeSize([2, 3], 6, [4, 2], 8); //=> "cannot reshape [2, 3] (6 elements) into [4, 2] (8 elements)"
 */
export function writeReshapeSize<
  From extends readonly number[],
  FromSize extends number,
  To extends readonly number[],
  ToSize extends number,
>(from: From, fromSize: FromSize, to: To, toSize: ToSize): WriteReshapeSize<From, FromSize, To, ToSize> {
  return `cannot reshape [${joinShape(from)}] (${fromSize} ${plural(fromSize, "element")}) into [${joinShape(to)}] (${toSize} ${plural(toSize, "element")})`;
}

export type WriteNotScalar<Shape extends readonly number[]> =
  `item() needs a tensor of one element, not one of shape [${JoinShape<Shape>}]`;
/**
 * @example
 * writeNotScalar([2, 3]); //=> "item() needs a tensor of one element, not one of shape [2, 3]"
 */
export function writeNotScalar<Shape extends readonly number[]>(shape: Shape): WriteNotScalar<Shape> {
  return `item() needs a tensor of one element, not one of shape [${joinShape(shape)}]`;
}

export type WriteRaggedArray<Depth extends number, Expected extends number, Found extends number> =
  `nested array is ragged at depth ${Depth}: expected ${Expected} ${Plural<Expected, "element">} but found ${Found}`;
/**
 * @example
 * writeRaggedArray(1, 3, 2); //=> "nested array is ragged at depth 1: expected 3 elements but found 2"
 */
export function writeRaggedArray<Depth extends number, Expected extends number, Found extends number>(
  depth: Depth,
  expected: Expected,
  found: Found,
): WriteRaggedArray<Depth, Expected, Found> {
  return `nested array is ragged at depth ${depth}: expected ${expected} ${plural(expected, "element")} but found ${found}`;
}

export type WriteInvalidDType<DType extends string> =
  `unknown dtype '${DType}': expected 'float64', 'float32' or 'int32'`;
/**
 * @example
 * writeInvalidDType("int64"); //=> "unknown dtype 'int64': expected 'float64', 'float32' or 'int32'"
 */
export function writeInvalidDType<DType extends string>(dtype: DType): WriteInvalidDType<DType> {
  return `unknown dtype '${dtype}': expected 'float64', 'float32' or 'int32'`;
}

export type WriteNotANumber<Value extends string> = `tensor data must be numbers, not ${Value}`;
/**
 * @example
 * writeNotANumber("'a'"); //=> "tensor data must be numbers, not 'a'"
 */
export function writeNotANumber<Value extends string>(value: Value): WriteNotANumber<Value> {
  return `tensor data must be numbers, not ${value}`;
}

// ---- contraction paths -----------------------------------------------------------------------------------------

export type WritePathPosition<Step extends number, Position extends string, Count extends number> =
  `path step ${Step} names position ${Position}, but ${Count} operands are left: positions are whole numbers below ${Count}`;
/**
 * @example
 * writePathPosition(1, "3", 2);
 * //=> "path step 1 names position 3, but 2 operands are left: positions are whole numbers below 2"
 */
export function writePathPosition<Step extends number, Position extends string, Count extends number>(
  step: Step,
  position: Position,
  count: Count,
): WritePathPosition<Step, Position, Count> {
  return `path step ${step} names position ${position}, but ${count} operands are left: positions are whole numbers below ${count}`;
}

export type WritePathRepeat<Step extends number, Position extends number> =
  `path step ${Step} names position ${Position} twice`;
/**
 * @example
 * writePathRepeat(0, 1); //=> "path step 0 names position 1 twice"
 */
export function writePathRepeat<Step extends number, Position extends number>(
  step: Step,
  position: Position,
): WritePathRepeat<Step, Position> {
  return `path step ${step} names position ${position} twice`;
}

export type WritePathStep<Step extends number> = `path step ${Step} is not a non-empty list of positions`;
/**
 * @example
 * writePathStep(2); //=> "path step 2 is not a non-empty list of positions"
 */
export function writePathStep<Step extends number>(step: Step): WritePathStep<Step> {
  return `path step ${step} is not a non-empty list of positions`;
}

export type WritePathIncomplete<Count extends number> =
  `the path leaves ${Count} operands: it must contract them down to one`;
/**
 * @example
 * writePathIncomplete(2); //=> "the path leaves 2 operands: it must contract them down to one"
 */
export function writePathIncomplete<Count extends number>(count: Count): WritePathIncomplete<Count> {
  return `the path leaves ${count} operands: it must contract them down to one`;
}

export type WriteInvalidNetwork<Detail extends string> =
  `invalid network: ${Detail}`;
/**
 * @example
 * writeInvalidNetwork("inputs[1][0] is 5 but sizes has 3 labels");
 * //=> "invalid network: inputs[1][0] is 5 but sizes has 3 labels"
 */
export function writeInvalidNetwork<Detail extends string>(detail: Detail): WriteInvalidNetwork<Detail> {
  return `invalid network: ${detail}`;
}

export type WriteSearchStopped<Method extends string, Reason extends string, Trials extends number> =
  `the '${Method}' search ran out of its ${Reason} after ${Trials} trials before it found a path: raise ${Reason} or use 'greedy'`;
/**
 * @example
 * writeSearchStopped("branch", "maxTrials", 10);
 * //=> "the 'branch' search ran out of its maxTrials after 10 trials before it found a path: raise maxTrials or use 'greedy'"
 */
export function writeSearchStopped<Method extends string, Reason extends string, Trials extends number>(
  method: Method,
  reason: Reason,
  trials: Trials,
): WriteSearchStopped<Method, Reason, Trials> {
  return `the '${method}' search ran out of its ${reason} after ${trials} trials before it found a path: raise ${reason} or use 'greedy'`;
}

// ---- limits and hostile input ----------------------------------------------------------------------------------

export type WriteTooLarge<What extends string, Elements extends number, Limit extends number> =
  `${What} would hold ${Elements} elements, more than the limit of ${Limit} (raise it with the maxElements option or setMaxElements)`;
/**
 * @example
 * writeTooLarge("a tensor of shape [100000, 100000]", 1e10, 16777216);
 * //=> "a tensor of shape [100000, 100000] would hold 10000000000 elements, more than the limit of 16777216 (raise it with the maxElements option or setMaxElements)"
 */
export function writeTooLarge<What extends string, Elements extends number, Limit extends number>(
  what: What,
  elements: Elements,
  limit: Limit,
): WriteTooLarge<What, Elements, Limit> {
  return `${what} would hold ${elements} elements, more than the limit of ${limit} (raise it with the maxElements option or setMaxElements)`;
}

export type WriteUnknownOption<Option extends string, Known extends string> =
  `unknown option '${Option}': the options are ${Known}`;
/**
 * @example
 * writeUnknownOption("speed", "optimize, memoryLimit, threads, maxElements");
 * //=> "unknown option 'speed': the options are optimize, memoryLimit, threads, maxElements"
 */
export function writeUnknownOption<Option extends string, Known extends string>(
  option: Option,
  known: Known,
): WriteUnknownOption<Option, Known> {
  return `unknown option '${option}': the options are ${known}`;
}

export type WriteIntegerOverflow<Value extends string> =
  `the int32 result ${Value} does not fit in int32 (from -2147483648 to 2147483647): convert the operands to float64`;
/**
 * @example
 * writeIntegerOverflow("41665416675000"); //=> "the int32 result 41665416675000 does not fit in int32 (from -2147483648 to 2147483647): convert the operands to float64"
 */
export function writeIntegerOverflow<Value extends string>(value: Value): WriteIntegerOverflow<Value> {
  return `the int32 result ${value} does not fit in int32 (from -2147483648 to 2147483647): convert the operands to float64`;
}

export type WriteInexactIntegers<Bound extends string> =
  `int32 sums could reach ${Bound}, past 2^53 where they would no longer be exact: convert the operands to float64`;
/**
 * @example
 * writeInexactIntegers("2^60"); //=> "int32 sums could reach 2^60, past 2^53 where they would no longer be exact: convert the operands to float64"
 */
export function writeInexactIntegers<Bound extends string>(bound: Bound): WriteInexactIntegers<Bound> {
  return `int32 sums could reach ${bound}, past 2^53 where they would no longer be exact: convert the operands to float64`;
}

export type WriteInvalidStride<Operand extends number, Detail extends string> =
  `operand ${Operand} has an invalid strided view: ${Detail}`;
/**
 * @example
 * writeInvalidStride(0, "it reaches element 12 but data has 6");
 * //=> "operand 0 has an invalid strided view: it reaches element 12 but data has 6"
 */
export function writeInvalidStride<Operand extends number, Detail extends string>(
  operand: Operand,
  detail: Detail,
): WriteInvalidStride<Operand, Detail> {
  return `operand ${operand} has an invalid strided view: ${detail}`;
}

export type WriteOperandData<Operand extends number, Index extends number, Value extends string> =
  `operand ${Operand} holds ${Value} at index ${Index}: data must be numbers`;
/**
 * @example
 * writeOperandData(1, 0, "'a'"); //=> "operand 1 holds 'a' at index 0: data must be numbers"
 */
export function writeOperandData<Operand extends number, Index extends number, Value extends string>(
  operand: Operand,
  index: Index,
  value: Value,
): WriteOperandData<Operand, Index, Value> {
  return `operand ${operand} holds ${value} at index ${index}: data must be numbers`;
}

export type WriteInvalidEquation<Value extends string> = `the equation must be a string, not ${Value}`;
/**
 * @example
 * writeInvalidEquation("123"); //=> "the equation must be a string, not 123"
 */
export function writeInvalidEquation<Value extends string>(value: Value): WriteInvalidEquation<Value> {
  return `the equation must be a string, not ${value}`;
}

export type WriteInvalidArange<Start extends string, Stop extends string, Detail extends string> =
  `arange(${Start}, ${Stop}) ${Detail}`;
/**
 * @example
 * writeInvalidArange("0", "0.5", "needs whole numbers");
 * //=> "arange(0, 0.5) needs whole numbers"
 */
export function writeInvalidArange<Start extends string, Stop extends string, Detail extends string>(
  start: Start,
  stop: Stop,
  detail: Detail,
): WriteInvalidArange<Start, Stop, Detail> {
  return `arange(${start}, ${stop}) ${detail}`;
}

// ---- element-wise ops and gradients ----------------------------------------------------------------------------

export type WriteBroadcastMismatch<
  Left extends readonly number[],
  Right extends readonly number[],
  Dimension extends number,
  LeftSize extends number,
  RightSize extends number,
> = `shapes [${JoinShape<Left>}] and [${JoinShape<Right>}] do not broadcast: dimension ${Dimension} is ${LeftSize} in the first and ${RightSize} in the second`;
/**
 * @example
 * writeBroadcastMismatch([2, 3], [4], -1, 3, 4);
 * //=> "shapes [2, 3] and [4] do not broadcast: dimension -1 is 3 in the first and 4 in the second"
 */
export function writeBroadcastMismatch<
  Left extends readonly number[],
  Right extends readonly number[],
  Dimension extends number,
  LeftSize extends number,
  RightSize extends number,
>(
  left: Left,
  right: Right,
  dimension: Dimension,
  leftSize: LeftSize,
  rightSize: RightSize,
): WriteBroadcastMismatch<Left, Right, Dimension, LeftSize, RightSize> {
  return `shapes [${joinShape(left)}] and [${joinShape(right)}] do not broadcast: dimension ${dimension} is ${leftSize} in the first and ${rightSize} in the second`;
}

export type WriteDimOutOfRange<Dimension extends number, Rank extends number, Low extends number, High extends number> =
  `dimension ${Dimension} is out of range for rank ${Rank}: expected one from ${Low} to ${High}`;
/**
 * @example
 * writeDimOutOfRange(3, 2, -3, 2); //=> "dimension 3 is out of range for rank 2: expected one from -3 to 2"
 */
export function writeDimOutOfRange<Dimension extends number, Rank extends number, Low extends number, High extends number>(
  dimension: Dimension,
  rank: Rank,
  low: Low,
  high: High,
): WriteDimOutOfRange<Dimension, Rank, Low, High> {
  return `dimension ${dimension} is out of range for rank ${rank}: expected one from ${low} to ${high}`;
}

export type WriteExpandShape<From extends readonly number[], To extends readonly number[], Dimension extends number> =
  `cannot expand [${JoinShape<From>}] to [${JoinShape<To>}]: dimension ${Dimension} is neither 1 nor the target size`;
/**
 * @example
 * writeExpandShape([2, 3], [4, 4], -1); //=> "cannot expand [2, 3] to [4, 4]: dimension -1 is neither 1 nor the target size"
 */
export function writeExpandShape<From extends readonly number[], To extends readonly number[], Dimension extends number>(
  from: From,
  to: To,
  dimension: Dimension,
): WriteExpandShape<From, To, Dimension> {
  return `cannot expand [${joinShape(from)}] to [${joinShape(to)}]: dimension ${dimension} is neither 1 nor the target size`;
}

export type WriteCatShape<Index extends number, Shape extends readonly number[], First extends readonly number[], Dimension extends number> =
  `cat: tensor ${Index} has shape [${JoinShape<Shape>}], which does not match tensor 0's [${JoinShape<First>}] outside dimension ${Dimension}`;
/**
 * @example
 * writeCatShape(1, [3, 2], [4, 1], 1);
 * //=> "cat: tensor 1 has shape [3, 2], which does not match tensor 0's [4, 1] outside dimension 1"
 */
export function writeCatShape<Index extends number, Shape extends readonly number[], First extends readonly number[], Dimension extends number>(
  index: Index,
  shape: Shape,
  first: First,
  dimension: Dimension,
): WriteCatShape<Index, Shape, First, Dimension> {
  return `cat: tensor ${index} has shape [${joinShape(shape)}], which does not match tensor 0's [${joinShape(first)}] outside dimension ${dimension}`;
}

export type WriteCatEmpty = "cat needs at least one tensor";
/**
 * @example
 * writeCatEmpty(); //=> "cat needs at least one tensor"
 */
export function writeCatEmpty(): WriteCatEmpty {
  return "cat needs at least one tensor";
}

export type WriteGradDType<DType extends string> =
  `only float64 and float32 tensors can require grad, not ${DType} ones`;
/**
 * @example
 * writeGradDType("int32"); //=> "only float64 and float32 tensors can require grad, not int32 ones"
 */
export function writeGradDType<DType extends string>(dtype: DType): WriteGradDType<DType> {
  return `only float64 and float32 tensors can require grad, not ${dtype} ones`;
}

export type WriteNoGrad = "backward() needs a tensor that requires grad, or that an op on one produced";
/**
 * @example
 * writeNoGrad(); //=> "backward() needs a tensor that requires grad, or that an op on one produced"
 */
export function writeNoGrad(): WriteNoGrad {
  return "backward() needs a tensor that requires grad, or that an op on one produced";
}

export type WriteBackwardGradient<Shape extends readonly number[], Given extends string> =
  `backward() on a result of shape [${JoinShape<Shape>}] needs a gradient of that shape, not ${Given}`;
/**
 * @example
 * writeBackwardGradient([2, 3], "none"); //=> "backward() on a result of shape [2, 3] needs a gradient of that shape, not none"
 */
export function writeBackwardGradient<Shape extends readonly number[], Given extends string>(
  shape: Shape,
  given: Given,
): WriteBackwardGradient<Shape, Given> {
  return `backward() on a result of shape [${joinShape(shape)}] needs a gradient of that shape, not ${given}`;
}

export type WriteMemoryLimitUnmet<Limit extends number> =
  `no contraction path, sliced or not, keeps every intermediate within memoryLimit ${Limit} elements`;
/**
 * @example
 * writeMemoryLimitUnmet(0);
 * //=> "no contraction path, sliced or not, keeps every intermediate within memoryLimit 0 elements"
 */
export function writeMemoryLimitUnmet<Limit extends number>(limit: Limit): WriteMemoryLimitUnmet<Limit> {
  return `no contraction path, sliced or not, keeps every intermediate within memoryLimit ${limit} elements`;
}
