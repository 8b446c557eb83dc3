/**
 * The sign-in link inside a mail about an offer or a call: it lands on that page (its use:
 * sessions.ts, openSession). Apart, so the services that queue such mails do not load the login
 * service. Only the token's hash is stored, in the expert's partition (erased with the profile).
 */
import { mailLinkTokenItem, mailLinkTokenPut } from '../db/experts.ts';
import type { TransactItem } from '../db/transaction.ts';
import { isReturnPath } from '../domain/return-path.ts';
import { emailKeyHash, issueToken } from '../domain/secret-token.ts';

/**
 * How long the link works. Longer than a login link the expert has just asked for (24 h): such a
 * mail is read days later (a weekend, a trip, another time zone), and the offer or call it is
 * about stays open for weeks. A week bounds what a forwarded or leaked mail can open; the link is
 * single use, and once expired its page mails a fresh one to the same address for the same page.
 */
export const mailLinkDays = 7;

export interface MailSignInLink {
  token: string;
  /** The item to write beside the mail (a batch), or `put` in the mail's transaction. */
  item: Record<string, unknown>;
  put: TransactItem;
}

/** A sign-in link for a mail to a verified expert that lands on `returnTo` (an offer, a call). */
export function issueMailSignInLink(
  expert: { id: string; email: string },
  returnTo: string,
  now: Date,
): MailSignInLink {
  if (!isReturnPath(returnTo)) throw new Error('A mail link must land on a page of the allow-list');
  const { token, hash } = issueToken(expert.id);
  const expiresAt = new Date(now.getTime() + mailLinkDays * 86_400_000);
  const item = mailLinkTokenItem(
    { expertId: expert.id, emailHash: emailKeyHash(expert.email), hash, returnTo },
    expiresAt,
  );
  return { token, item, put: mailLinkTokenPut(item) };
}
