/**
 * The expert's own profile (GET, PATCH /api/me), consent changes and erasure: self-service and
 * immediate, as the personal data law wants.
 */

import { auditPut } from '../db/audit.ts';
import { deleteCallResponsesOfExpert } from '../db/call-responses.ts';
import { changeProfile, eraseExpert, getExpert } from '../db/experts.ts';
import { expertActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { NotFound, ValidationFailed } from '../domain/errors.ts';
import {
  applyProfilePatch,
  type ConsentChoices,
  type ExpertProfile,
  type ProfilePatch,
  profileRuleViolations,
} from '../domain/expert.ts';
import { consentRecord } from '../domain/expert-record.ts';

export async function readOwnProfile(expertId: string): Promise<ExpertProfile> {
  const expert = await getExpert(expertId);
  if (!expert) throw new NotFound('Profile not found');
  return expert;
}

/** A PATCH based on the version the expert read (If-Match). */
export function updateOwnProfile(
  expertId: string,
  patch: ProfilePatch,
  expectedVersion: number,
  now: Date,
): Promise<ExpertProfile> {
  return changeProfile(
    expertId,
    now,
    (current) => {
      const next = applyProfilePatch(current, patch);
      const violations = profileRuleViolations(next);
      if (violations.length) throw new ValidationFailed('Invalid body', violations);
      return next;
    },
    { expectedVersion },
  );
}

/**
 * Consent changes take effect at once: the read models are rewritten in the same transaction.
 * `choices` may be computed from the consent as stored (one choice changed, the others kept,
 * whatever another request changed meanwhile); `via` tells the audit log how it came.
 */
export function changeConsent(
  expertId: string,
  choices: ConsentChoices | ((current: ConsentChoices) => ConsentChoices),
  now: Date,
  via: 'profile' | 'unsubscribe-link' = 'profile',
): Promise<ExpertProfile> {
  let chosen: ConsentChoices | undefined;
  return changeProfile(
    expertId,
    now,
    (current) => {
      chosen = typeof choices === 'function' ? choices(current.consent) : choices;
      const consent = consentRecord(chosen, now.toISOString());
      return { consent, consentHistory: [...current.consentHistory, consent] };
    },
    {
      extraWrites: (next) => [
        auditPut(
          auditEvent('consent.changed', expertActor(expertId), `expert:${expertId}`, now, {
            ...(chosen as ConsentChoices),
            textVersion: next.consent.textVersion,
            ...(via === 'profile' ? {} : { via }),
          }),
        ),
      ],
    },
  );
}

/**
 * Erasure: the profile, its read models, tokens, sessions and call responses go; what remains is
 * a tombstone with the id and the time, and the audit event. Safe to repeat after a partial failure.
 */
export async function eraseOwnProfile(expertId: string, now: Date): Promise<void> {
  const actor = expertActor(expertId);
  await eraseExpert(expertId, now, [
    auditPut(auditEvent('profile.deleted', actor, `expert:${expertId}`, now)),
  ]);
  await deleteCallResponsesOfExpert(expertId);
}
