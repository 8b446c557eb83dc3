/**
 * Where a mailed sign-in link may land once it has opened a session: a path of this app, of one
 * of a few shapes (the self-service page, one of the expert's offers, one call). Checked where a
 * path is accepted (the login-link route, the token that carries it) and again by the web app
 * before it navigates, so a crafted link cannot send anyone to another site or another page.
 */
import * as z from 'zod/mini';

const id = '[A-Za-z0-9-]{1,64}';
const returnPathShapes = [/^\/me$/, new RegExp(`^/me/offers/${id}$`), new RegExp(`^/calls/${id}$`)];

export function isReturnPath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 100 && returnPathShapes.some((shape) => shape.test(path));
}

export const returnPathSchema = z
  .string()
  .check(z.maxLength(100), z.refine(isReturnPath, 'A path of this app: /me, /me/offers/<id> or /calls/<id>'));

export const offerReturnPath = (offerId: string): string => `/me/offers/${offerId}`;
export const callReturnPath = (callId: string): string => `/calls/${callId}`;
