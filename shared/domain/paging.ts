/**
 * The query parameters of every paged list: `limit` (1-100) and the opaque `cursor`. Their own
 * module, imported by each list's query schema: no list needs the search filters' module for them.
 */
import * as z from 'zod/mini';

export const pageLimitParam = z.optional(
  z.string().check(z.regex(/^(100|[1-9][0-9]?)$/, 'Use a limit from 1 to 100')),
);
export const cursorParam = z.optional(z.string().check(z.maxLength(2000)));
