/** Payloads of the expert's login flow. */
import * as z from 'zod/mini';
import { emailSchema } from './expert.ts';

export const loginLinkRequestSchema = z.strictObject({ email: emailSchema });
export const sessionRequestSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** `POST /api/unsubscribe?token=`: the token of a call mail's unsubscribe link. */
export const unsubscribeQuerySchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});
export const unsubscribedSchema = z.strictObject({
  collaborationCalls: z.literal(false),
  /** false when the consent had been withdrawn already (a second click). */
  changed: z.boolean(),
});

/** `DELETE /api/me/session?all=true` ends every session of the expert, not only this one. */
export const endSessionQuerySchema = z.strictObject({
  all: z.optional(z.enum(['true', 'false'])),
});
