/**
 * Self-registration and the verification mail. A registration is one conditional put of the
 * e-mail key holding the profile until the address is verified; its stream INSERT runs
 * `mailVerificationLink` after the write commits. A known address gets a login link instead,
 * and the caller cannot tell which (no enumeration).
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import { getPendingRegistration, putPendingRegistration, saveLoginToken } from '../db/experts.ts';
import { outboxPut } from '../db/outbox.ts';
import { consentText } from '../domain/consent.ts';
import { ValidationFailed } from '../domain/errors.ts';
import { profileRuleViolations, type Registration } from '../domain/expert.ts';
import { newExpertRecord } from '../domain/expert-record.ts';
import { issueToken } from '../domain/secret-token.ts';
import { verificationMail } from '../mail/messages.ts';
import { countEvent } from '../metrics.ts';
import { mailLoginLink } from './sessions.ts';

export async function registerExpert(registration: Registration, now: Date): Promise<'created' | 'existing'> {
  if (registration.consent.textVersion !== consentText.version) {
    throw new ValidationFailed('The consent text has changed; reload the form and read it again', [
      { path: 'consent.textVersion', message: `The current version is ${consentText.version}` },
    ]);
  }
  const violations = profileRuleViolations(registration);
  if (violations.length) throw new ValidationFailed('Invalid body', violations);
  const record = newExpertRecord(registration, 'pending_verification', randomUUID(), now.toISOString());
  if (await putPendingRegistration(record, now)) {
    countEvent('ExpertRegistered');
    return 'created';
  }
  await mailLoginLink(record.email, now);
  return 'existing';
}

/**
 * The verification mail of a new registration, run from the stream after the registration
 * committed. The mail id is derived from the expert id, so a redelivered record adds no second
 * mail. Returns false when there is nothing (left) to verify.
 */
export async function mailVerificationLink(emailHash: string, now: Date): Promise<boolean> {
  const pending = await getPendingRegistration(emailHash);
  if (!pending) return false;
  const token = issueToken(pending.id);
  const mail = verificationMail(pending.email, pending.fullName, config().appUrl, token.token);
  return saveLoginToken(
    { expertId: pending.id, emailHash, hash: token.hash },
    now,
    outboxPut(mail, now, `verify-${pending.id}`),
  );
}
