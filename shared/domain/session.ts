/** Payloads of the expert's login flow. */
import * as z from 'zod/mini';
import { emailSchema } from './expert.ts';
import { returnPathSchema } from './return-path.ts';

const tokenSchema = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * `POST /api/me/login-link`: by address, optionally with the page the link should open (the call
 * the expert wanted to answer); or with an expired mail link's token, to mail a fresh link to the
 * same address for the same page (the page of an expired link cannot know the address).
 */
export const loginLinkRequestSchema = z.union([
  z.strictObject({ email: emailSchema, returnTo: z.optional(returnPathSchema) }),
  z.strictObject({ expiredToken: tokenSchema }),
]);
export type LoginLinkRequest = z.infer<typeof loginLinkRequestSchema>;

export const sessionRequestSchema = z.strictObject({ token: tokenSchema });

/** `POST /api/me/email-change`: the new address; a confirmation link goes to it. */
export const emailChangeRequestSchema = z.strictObject({ email: emailSchema });
/** `POST /api/me/email-change/confirm`: the token of the confirmation link's `#token=` fragment. */
export const emailChangeConfirmSchema = z.strictObject({ token: tokenSchema });
export const emailChangedSchema = z.strictObject({ status: z.literal('changed'), email: z.string() });

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
