/**
 * A new expert's record and the consent records it keeps. Apart from expert.ts because the
 * consent text's hash needs node:crypto, and the web app imports expert.ts.
 */
import { consentText } from './consent.ts';
import type { ConsentChoices, ConsentRecord, ExpertProfile, ExpertStatus, Registration } from './expert.ts';
import { sha256 } from './secret-token.ts';

/** The profile as kept: with every consent record ever given, for the data-subject export. */
export interface ExpertRecord extends ExpertProfile {
  consentHistory: ConsentRecord[];
}

export const consentTextHash = sha256(JSON.stringify(consentText));

/** A consent given now to the current text (the registry's own purpose is always consented to). */
export function consentRecord(choices: ConsentChoices, at: string): ConsentRecord {
  return {
    registry: true,
    shareWithAgencies: choices.shareWithAgencies,
    collaborationCalls: choices.collaborationCalls,
    publicDirectory: choices.publicDirectory,
    textVersion: consentText.version,
    textHash: consentTextHash,
    at,
  };
}

/** A new expert from a registration, pending verification or (bulk loads) already active. */
export function newExpertRecord(
  registration: Registration,
  status: ExpertStatus,
  id: string,
  at: string,
): ExpertRecord {
  const { consent: given, email, ...profile } = registration;
  const consent = consentRecord(given, at);
  return {
    ...profile,
    academicTitle: profile.academicTitle ?? 'none',
    languages: profile.languages ?? [],
    id,
    email,
    status,
    consent,
    consentHistory: [consent],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}
