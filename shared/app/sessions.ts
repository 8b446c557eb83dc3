/**
 * Experts log in by mailed links: a login token (single use, 24 h) is exchanged for a session.
 * The first use of a verification link verifies the address and activates the profile.
 */
import { config } from '../config.ts';
import {
  activatePendingRegistration,
  consumeLoginToken,
  findLoginTarget,
  getExpert,
  getSession,
  putSession,
  saveLoginToken,
} from '../db/experts.ts';
import { outboxPut } from '../db/outbox.ts';
import { consumeRateLimit } from '../db/rate-limits.ts';
import { Unauthenticated } from '../domain/errors.ts';
import type { ExpertProfile } from '../domain/expert.ts';
import { emailKeyHash, issueToken, readToken } from '../domain/secret-token.ts';
import { loginMail, verificationMail } from '../mail/messages.ts';
import { countEvent } from '../metrics.ts';

/**
 * POST /api/me/login-link: mails a login link if the address is registered (a verification link
 * while it is still pending). Rate-limited per address whether or not it is registered, so the
 * limit reveals nothing either.
 */
export async function sendLoginLink(email: string, now: Date): Promise<void> {
  await consumeRateLimit('login-link', emailKeyHash(email), config().loginLinksPerHour, 3600, now);
  await mailLoginLink(email, now);
}

/** The login (or, while pending, verification) mail to a registered address; nothing otherwise. */
export async function mailLoginLink(email: string, now: Date): Promise<void> {
  const emailHash = emailKeyHash(email);
  const target = await findLoginTarget(emailHash);
  if (!target) return;
  const { expert, pending } = target;
  const token = issueToken(expert.id);
  const compose = pending ? verificationMail : loginMail;
  const mail = compose(expert.email, expert.fullName, config().appUrl, token.token);
  await saveLoginToken({ expertId: expert.id, emailHash, hash: token.hash }, now, outboxPut(mail, now));
}

export interface OpenedSession {
  sessionToken: string;
  expiresAt: string;
  expert: ExpertProfile;
}

const invalidLink = () => new Unauthenticated('This link is invalid, used or expired; ask for a new one');

/** POST /api/me/session: a login token (single use) for a session; 401 for an unknown, used or expired one. */
export async function openSession(token: string, now: Date): Promise<OpenedSession> {
  const parsed = readToken(token);
  if (!parsed) throw invalidLink();
  const used = await consumeLoginToken(parsed.expertId, parsed.hash);
  if (!used || used.expiresAt <= now.toISOString()) throw invalidLink();

  let expert = await getExpert(parsed.expertId);
  if (!expert) {
    const activation = await activatePendingRegistration(parsed.expertId, used.emailHash, now);
    if (activation.activated) countEvent('ExpertVerified');
    expert = activation.expert;
  }
  if (!expert) throw invalidLink();
  const session = issueToken(parsed.expertId);
  const expiresAt = new Date(now.getTime() + config().sessionTtlSeconds * 1000);
  await putSession(parsed.expertId, session.hash, expiresAt);
  return { sessionToken: session.token, expiresAt: expiresAt.toISOString(), expert };
}

/** The expert id a session token belongs to, or null if unknown or expired. */
export async function verifyExpertSession(token: string): Promise<string | null> {
  const parsed = readToken(token);
  if (!parsed) return null;
  const session = await getSession(parsed.expertId, parsed.hash);
  if (!session || session.expiresAt <= new Date().toISOString()) return null;
  return parsed.expertId;
}
