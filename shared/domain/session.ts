/** Payloads of the expert's login flow. */
import * as z from 'zod/mini';
import { emailSchema } from './expert.ts';

export const loginLinkRequestSchema = z.strictObject({ email: emailSchema });
export const sessionRequestSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** `DELETE /api/me/session?all=true` ends every session of the expert, not only this one. */
export const endSessionQuerySchema = z.strictObject({
  all: z.optional(z.enum(['true', 'false'])),
});
