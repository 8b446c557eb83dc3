/**
 * Self-registration and the verification mail. The request answers after one write whatever the
 * address (a registration request: no account enumeration, by answer or by timing); its stream
 * INSERT runs `processRegistrationRequest`, which makes the pending registration (the e-mail key
 * holding the profile until the address is verified) or, for a known address, mails its owner a
 * login link, within the per-address mail limit. The pending registration's own stream INSERT
 * runs `mailVerificationLink`.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import {
  findLoginTarget,
  getPendingRegistration,
  putPendingRegistration,
  saveLoginToken,
} from '../db/experts.ts';
import { outboxPut } from '../db/outbox.ts';
import { deleteRegistrationRequest, getRegistrationRequest, putRegistrationRequest } from '../db/requests.ts';
import { consentText } from '../domain/consent.ts';
import { RateLimited, ValidationFailed } from '../domain/errors.ts';
import { profileRuleViolations, type Registration } from '../domain/expert.ts';
import { type ExpertRecord, newExpertRecord } from '../domain/expert-record.ts';
import { emailKeyHash, issueToken } from '../domain/secret-token.ts';
import { verificationMail } from '../mail/messages.ts';
import { countEvent } from '../metrics.ts';
import { consumeMailAllowance, mailLoginLinkTo } from './sessions.ts';

export async function registerExpert(registration: Registration, now: Date): Promise<void> {
  if (registration.consent.textVersion !== consentText.version) {
    throw new ValidationFailed('The consent text has changed; reload the form and read it again', [
      { path: 'consent.textVersion', message: `The current version is ${consentText.version}` },
    ]);
  }
  const violations = profileRuleViolations(registration);
  if (violations.length) throw new ValidationFailed('Invalid body', violations);
  const record = newExpertRecord(registration, 'pending_verification', randomUUID(), now.toISOString());
  await putRegistrationRequest(record, now);
}

export type RegistrationOutcome = 'registered' | 'already-registered' | 'mail-limit-reached' | 'gone';

/**
 * A recorded registration request, from the stream: a new address becomes a pending registration;
 * a known one gets a mail (a login link, or again the verification link while it is pending),
 * unless the address has had its share of mail this hour. The request (it holds what was typed)
 * is deleted once handled; a redelivered record finds nothing left to do.
 */
export async function processRegistrationRequest(requestId: string, now: Date): Promise<RegistrationOutcome> {
  const record = await getRegistrationRequest(requestId);
  if (!record) return 'gone';
  const outcome = await settleRegistration(record, now);
  await deleteRegistrationRequest(requestId);
  return outcome;
}

async function settleRegistration(record: ExpertRecord, now: Date): Promise<RegistrationOutcome> {
  if (await putPendingRegistration(record, now)) {
    countEvent('ExpertRegistered');
    return 'registered';
  }
  const emailHash = emailKeyHash(record.email);
  // One read of the address: who has it, and whether it is this very request's registration (a
  // retried record whose first run made it but died before the delete).
  const target = await findLoginTarget(emailHash);
  if (!target) return 'gone'; // erased between the put and this read
  if (target.pending && target.expert.id === record.id) return 'registered';
  try {
    await consumeMailAllowance(emailHash, now);
  } catch (error) {
    if (error instanceof RateLimited) return 'mail-limit-reached';
    throw error;
  }
  await mailLoginLinkTo(target, emailHash, now, {
    mailId: `reregistered-${record.id}`,
    reason: 'registered-again',
  });
  return 'already-registered';
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
  const mail = verificationMail(pending.email, config().appUrl, token.token);
  return saveLoginToken(
    { expertId: pending.id, emailHash, hash: token.hash },
    now,
    outboxPut(mail, now, `verify-${pending.id}`),
  );
}
