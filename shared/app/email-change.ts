/**
 * An expert changes the e-mail address of the profile: a confirmation link goes to the new
 * address (proof that the expert reads it), a notice to the old one; the change is made when the
 * link is used, atomically with the unique e-mail items a registration uses (shared/db/experts.ts,
 * changeEmail). The request answers the same whether or not the new address has a profile, as
 * registration does: the owner of a taken address is told by mail, and only someone who reads
 * that mailbox could ever learn more (a 409 when confirming, if the address was taken meanwhile).
 */
import { config } from '../config.ts';
import { auditPut } from '../db/audit.ts';
import {
  changeEmail,
  deleteLoginTokens,
  emailChangeTokenPut,
  getEmailChangeToken,
  getExpert,
  isEmailTaken,
  saveEmailChangeRequest,
} from '../db/experts.ts';
import { outboxPut } from '../db/outbox.ts';
import { claimEntry } from '../db/roster.ts';
import { expertActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.ts';
import { rosterEntryIdOfEmail } from '../domain/roster.ts';
import { emailKeyHash, issueToken, readToken } from '../domain/secret-token.ts';
import {
  emailChangeConfirmMail,
  emailChangedNotice,
  emailChangeLinkHours,
  emailChangeRequestedNotice,
  emailChangeTakenMail,
  maskedEmail,
} from '../mail/email-change-messages.ts';
import { consumeMailAllowance } from './sessions.ts';

/** POST /api/me/email-change: 202 whatever the new address; the mails say the rest. */
export async function requestEmailChange(expertId: string, email: string, now: Date): Promise<void> {
  const expert = await getExpert(expertId);
  if (!expert) throw new NotFound('Profile not found');
  const newHash = emailKeyHash(email);
  if (newHash === emailKeyHash(expert.email)) {
    throw new ValidationFailed('This is the address the profile has already', [
      { path: 'email', message: 'same_as_current' },
    ]);
  }
  // The new address's hourly mail allowance, shared with login links and registrations.
  await consumeMailAllowance(newHash, now);
  const { appUrl } = config();
  const common = [
    outboxPut(emailChangeRequestedNotice(expert.email, expert.fullName, maskedEmail(email), appUrl), now),
    auditPut(auditEvent('email.change_requested', expertActor(expertId), `expert:${expertId}`, now)),
  ];
  if (await isEmailTaken(newHash)) {
    await saveEmailChangeRequest(expertId, [outboxPut(emailChangeTakenMail(email, appUrl), now), ...common]);
    return;
  }
  const token = issueToken(expertId);
  const expiresAt = new Date(now.getTime() + emailChangeLinkHours * 3_600_000);
  await saveEmailChangeRequest(expertId, [
    emailChangeTokenPut({ expertId, hash: token.hash, newEmail: email }, expiresAt),
    outboxPut(emailChangeConfirmMail(email, appUrl, token.token), now),
    ...common,
  ]);
}

const invalidLink = () =>
  new NotFound('This confirmation link is not valid, used or expired; ask for a new one');

/**
 * POST /api/me/email-change/confirm: the token is the credential (issued to a signed-in expert,
 * delivered to the new address), so no session is needed: the link is often opened on another
 * device, where the mail of the new address is read. 404 for an unknown, used or expired link;
 * 409 if the address has been taken meanwhile.
 */
export async function confirmEmailChange(
  token: string,
  now: Date,
): Promise<{ status: 'changed'; email: string }> {
  const parsed = readToken(token);
  if (!parsed) throw invalidLink();
  const request = await getEmailChangeToken(parsed.expertId, parsed.hash);
  if (!request || request.expiresAt <= now.toISOString()) throw invalidLink();
  const { appUrl } = config();
  const changed = await changeEmail(parsed.expertId, parsed.hash, request.newEmail, now, (previous) => [
    outboxPut(
      emailChangedNotice(previous.email, previous.fullName, maskedEmail(request.newEmail), appUrl),
      now,
    ),
    auditPut(auditEvent('email.changed', expertActor(parsed.expertId), `expert:${parsed.expertId}`, now)),
  ]);
  if (changed === 'invalid') throw invalidLink();
  if (changed === 'taken') throw new Conflict('This address belongs to another profile now');
  // Links mailed to the old address stop working; sessions stay (the expert changed it).
  await deleteLoginTokens(parsed.expertId);
  // A roster entry with the verified address is this person, as at a registration's verification.
  await claimEntry(rosterEntryIdOfEmail(changed.email), parsed.expertId, now);
  return { status: 'changed', email: changed.email };
}
