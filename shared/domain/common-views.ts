/**
 * Response shapes shared by every resource: the list envelope and the error body. Like the other
 * `*-views.ts` modules these describe what the API returns; the OpenAPI document and the tests
 * use them, the handlers do not (their bundles stay small).
 */
import * as z from 'zod/mini';

/** A point in time as the API writes it (`Date.toISOString()`, UTC). */
export const instant = z.iso.datetime();

/** A calendar day, YYYY-MM-DD. */
export const day = z.iso.date();

/** `{"items": [...], "nextCursor": string|null}`: pass nextCursor back as `?cursor=` for the next page. */
export const pageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.strictObject({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string() }))),
  }),
});

/** What API Gateway itself answers (its JWT authorizer's 401, its stage throttling's 429). */
export const gatewayErrorSchema = z.strictObject({ message: z.string() });
