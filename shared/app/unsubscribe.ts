/**
 * One-click unsubscribe from collaboration calls (RFC 8058). Every call mail carries its own
 * token, in a link and in the `List-Unsubscribe` header; only its hash is stored, in the expert's
 * partition (erased with the profile). Using it withdraws the collaboration-calls consent as the
 * profile's consent page would — a consent record, the read models in the same transaction, an
 * audit event marked `via: unsubscribe-link` — and leaves the other choices as they are. The token
 * stays valid until it expires, so a second click (or a mail client's retry) changes nothing.
 */
import { getExpert, getUnsubscribeToken } from '../db/experts.ts';
import { NotFound } from '../domain/errors.ts';
import { readToken } from '../domain/secret-token.ts';
import { changeConsent } from './self-service.ts';

const invalidLink = () => new NotFound('This unsubscribe link is not valid or has expired');

/** POST /api/unsubscribe?token=: the expert no longer receives collaboration calls. */
export async function unsubscribeFromCalls(
  token: string,
  now: Date,
): Promise<{ collaborationCalls: false; changed: boolean }> {
  const parsed = readToken(token);
  if (!parsed) throw invalidLink();
  const link = await getUnsubscribeToken(parsed.expertId, parsed.hash);
  if (!link || link.expiresAt <= now.toISOString()) throw invalidLink();
  const expert = await getExpert(parsed.expertId);
  if (!expert) throw invalidLink();
  if (!expert.consent.collaborationCalls) return { collaborationCalls: false, changed: false };
  await changeConsent(
    parsed.expertId,
    (current) => ({
      shareWithAgencies: current.shareWithAgencies,
      publicDirectory: current.publicDirectory,
      collaborationCalls: false,
    }),
    now,
    'unsubscribe-link',
  );
  return { collaborationCalls: false, changed: true };
}
