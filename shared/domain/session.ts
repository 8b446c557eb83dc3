/** Payloads of the expert's login flow. */
import * as z from 'zod/mini';
import { emailSchema } from './expert.ts';

export const loginLinkRequestSchema = z.strictObject({ email: emailSchema });
export const sessionRequestSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});
