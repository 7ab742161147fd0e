import type { z } from 'zod';

// How an answer looks as JSON is written once beside the contracts, for the admin too.
export type { Json, Wire } from 'server/contracts/wire.contract';

/** The body a route accepts: what its contract schema parses (before defaults and trimming are applied). */
export type Body<Schema extends z.ZodType> = z.input<Schema>;

/** The values a query-string schema reads (numbers coerced from text): what the client puts into the query string. */
export type Query<Schema extends z.ZodType> = z.output<Schema>;
