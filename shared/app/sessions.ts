/**
 * Experts log in by mailed links: a login token (single use, 24 h) is exchanged for a session.
 * The first use of a verification link verifies the address and activates the profile.
 */
import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import {
  activatePendingRegistration,
  consumeLoginToken,
  deleteAllSessions,
  deleteExpiredLoginToken,
  deleteSession,
  findLoginTarget,
  getExpert,
  getExpiredLoginToken,
  getSession,
  type LoginTarget,
  putSession,
  saveLoginToken,
} from '../db/experts.ts';
import { outboxPut } from '../db/outbox.ts';
import { consumeRateLimit } from '../db/rate-limits.ts';
import { putLoginRequest } from '../db/requests.ts';
import { claimEntry } from '../db/roster.ts';
import { Unauthenticated } from '../domain/errors.ts';
import type { ExpertProfile } from '../domain/expert.ts';
import { isReturnPath } from '../domain/return-path.ts';
import { rosterEntryIdOfEmail } from '../domain/roster.ts';
import { emailKeyHash, issueToken, readToken } from '../domain/secret-token.ts';
import { alreadyRegisteredMail, loginMail, verificationMail } from '../mail/messages.ts';
import { countEvent } from '../metrics.ts';
import { proposeDuplicatesOfExpert } from './duplicates.ts';

/**
 * Mail to one address, registered or not, is limited per hour, and the limit is shared by the
 * login-link route and re-registrations: neither can be used to flood an inbox. Throws
 * RateLimited (with the seconds until the window ends).
 */
export async function consumeMailAllowance(emailHash: string, now: Date): Promise<void> {
  await consumeRateLimit('mail-to-address', emailHash, config().loginLinksPerHour, 3600, now);
}

/**
 * POST /api/me/login-link: within the address's mail allowance (checked whether or not it is
 * registered, so the limit reveals nothing), records the request and answers; the stream
 * consumer (`processLoginRequest`) mails the link if the address is registered. Known and unknown
 * addresses cost the same two writes, so the answer's timing reveals nothing either.
 */
export async function sendLoginLink(email: string, now: Date, returnTo?: string): Promise<void> {
  const emailHash = emailKeyHash(email);
  await consumeMailAllowance(emailHash, now);
  await putLoginRequest(randomUUID(), emailHash, now, returnTo);
}

/**
 * POST /api/me/login-link with an expired link's token: a fresh link for the same page, to the
 * address the expired one was mailed to, within that address's allowance. The expired token is
 * used up (one renewal each). Always 202: a forged, used or unexpired token mails nothing.
 */
export async function renewLoginLink(token: string, now: Date): Promise<void> {
  const parsed = readToken(token);
  if (!parsed) return;
  const expired = await getExpiredLoginToken(parsed.expertId, parsed.hash, now);
  if (!expired) return;
  await consumeMailAllowance(expired.emailHash, now);
  if (!(await deleteExpiredLoginToken(parsed.expertId, parsed.hash, now))) return;
  await putLoginRequest(randomUUID(), expired.emailHash, now, expired.returnTo);
}

/** A recorded login-link request, from the stream; its id names the mail, so a retry adds none. */
export async function processLoginRequest(
  requestId: string,
  emailHash: string,
  now: Date,
  returnTo?: string,
): Promise<boolean> {
  return mailLoginLink(emailHash, now, {
    mailId: `login-${requestId}`,
    reason: 'login-request',
    // Checked when the request was made; checked again, as the record came through the table.
    ...(isReturnPath(returnTo) ? { returnTo } : {}),
  });
}

/**
 * The login mail to a registered address (the verification mail while it is pending, which
 * carries nothing the registrant typed); nothing for an unknown address.
 */
export async function mailLoginLink(
  emailHash: string,
  now: Date,
  mail: { mailId: string; reason: 'login-request' | 'registered-again'; returnTo?: string },
): Promise<boolean> {
  const target = await findLoginTarget(emailHash);
  return target ? mailLoginLinkTo(target, emailHash, now, mail) : false;
}

/** The same, to an address already looked up (the re-registration has read it). */
export async function mailLoginLinkTo(
  { expert, pending }: LoginTarget,
  emailHash: string,
  now: Date,
  {
    mailId,
    reason,
    returnTo,
  }: { mailId: string; reason: 'login-request' | 'registered-again'; returnTo?: string },
): Promise<boolean> {
  const token = issueToken(expert.id);
  const { appUrl } = config();
  const mail = pending
    ? verificationMail(expert.email, appUrl, token.token)
    : (reason === 'registered-again' ? alreadyRegisteredMail : loginMail)(
        expert.email,
        expert.fullName,
        appUrl,
        token.token,
        returnTo,
      );
  // Login links of a verified profile replace the older unused ones; a pending registration's
  // verification links are not replaced (that keeps the registration path one read shorter).
  return saveLoginToken(
    { expertId: expert.id, emailHash, hash: token.hash, ...(pending ? {} : { returnTo }) },
    now,
    outboxPut(mail, now, mailId),
    {
      replaceOlder: !pending,
    },
  );
}

export interface OpenedSession {
  sessionToken: string;
  expiresAt: string;
  expert: ExpertProfile;
  returnTo?: string;
}

const invalidLink = () => new Unauthenticated('This link is invalid, used or expired; ask for a new one');
/** `details[0].message` names it, so the page can offer a fresh link to the same address. */
const expiredLink = () =>
  new Unauthenticated('This link has expired; ask for a new one', [
    { path: 'token', message: 'link_expired' },
  ]);

/**
 * POST /api/me/session: a login token (single use) for a session, with the page it was mailed
 * for; 401 for an unknown, used or expired one.
 */
export async function openSession(token: string, now: Date): Promise<OpenedSession> {
  const parsed = readToken(token);
  if (!parsed) throw invalidLink();
  const used = await consumeLoginToken(parsed.expertId, parsed.hash, now);
  if (used === 'expired') throw expiredLink();
  if (used === 'used') throw invalidLink();

  let expert = await getExpert(parsed.expertId);
  if (!expert) {
    const activation = await activatePendingRegistration(parsed.expertId, used.emailHash, now);
    if (activation.activated) countEvent('ExpertVerified');
    expert = activation.expert;
    // A roster entry with this address is this person: it is claimed, not counted twice.
    if (activation.activated && expert) {
      await claimEntry(rosterEntryIdOfEmail(expert.email), expert.id, now);
      await proposeDuplicatesOfExpert(expert, now);
    }
  }
  if (!expert) throw invalidLink();
  const session = issueToken(parsed.expertId);
  const expiresAt = new Date(now.getTime() + config().sessionTtlSeconds * 1000);
  await putSession(parsed.expertId, session.hash, expiresAt);
  return {
    sessionToken: session.token,
    expiresAt: expiresAt.toISOString(),
    expert,
    ...(isReturnPath(used.returnTo) ? { returnTo: used.returnTo } : {}),
  };
}

/** The expert id a session token belongs to, or null if unknown or expired. */
export async function verifyExpertSession(token: string): Promise<string | null> {
  const parsed = readToken(token);
  if (!parsed) return null;
  const session = await getSession(parsed.expertId, parsed.hash);
  if (!session || session.expiresAt <= new Date().toISOString()) return null;
  return parsed.expertId;
}

/**
 * DELETE /api/me/session: ends the session the request carries, or with `everywhere` every
 * session of its expert (other browsers, a lost phone). The token was verified by the route.
 */
export async function endSession(token: string, everywhere: boolean): Promise<void> {
  const parsed = readToken(token);
  if (!parsed) throw new Unauthenticated();
  if (everywhere) await deleteAllSessions(parsed.expertId);
  else await deleteSession(parsed.expertId, parsed.hash);
}
