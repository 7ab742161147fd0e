import type { z } from 'zod';

/**
 * A value as it crosses the wire as JSON: the contracts' instants are `Date`s inside the server (`dateTimeSchema`
 * decodes to one) and arrive at the admin and the mini-program as ISO 8601 strings; everything else is as typed.
 */
export type Json<Value> = Value extends Date
  ? string
  : Value extends readonly (infer Item)[]
    ? Json<Item>[]
    : Value extends object
      ? { [Key in keyof Value]: Json<Value[Key]> }
      : Value;

/** What a contract's response schema answers with, as a client receives it. */
export type Wire<Schema extends z.ZodType> = Json<z.output<Schema>>;
