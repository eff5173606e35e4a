/**
 * A refusal: the message the run time would throw for the same mistake. Every step of the type-level parse and
 * check returns either its result or a `Failure`, and the first `Failure` ends the work.
 *
 * @example
 * type Refused = Failure<"output label 'i' appears more than once">;
 */
export interface Failure<Message extends string = string> {
  readonly failure: Message;
}
