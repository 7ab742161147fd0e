import type { z } from 'zod';

/**
 * What `JSON.stringify` makes of a value: a `Date` arrives as its ISO string. The contracts' answers hold Dates
 * inside the server (`dateTimeSchema`), and the mini-program reads the JSON.
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer Item>
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;

/** The body a route answers with, as the mini-program receives it: a contract schema's output, as JSON. */
export type Answer<Schema extends z.ZodType> = Jsonified<z.output<Schema>>;

/** The body a route accepts: what its contract schema parses (before defaults and trimming are applied). */
export type Body<Schema extends z.ZodType> = z.input<Schema>;

/** The values a query-string schema reads (numbers coerced from text): what the client puts into the query string. */
export type Query<Schema extends z.ZodType> = z.output<Schema>;
