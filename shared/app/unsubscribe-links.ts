/**
 * The unsubscribe link of one call mail (its use: unsubscribe.ts). Apart, so the consumer that
 * queues call mails does not load the consent-changing service.
 */
import { unsubscribeTokenItem } from '../db/experts.ts';
import { issueToken } from '../domain/secret-token.ts';

/** How long the link in a call mail works. */
export const unsubscribeLinkDays = 180;

export interface UnsubscribeLink {
  token: string;
  /** The item to write beside the mail. */
  item: Record<string, unknown>;
}

export function issueUnsubscribeLink(expertId: string, now: Date): UnsubscribeLink {
  const { token, hash } = issueToken(expertId);
  return {
    token,
    item: unsubscribeTokenItem(expertId, hash, new Date(now.getTime() + unsubscribeLinkDays * 86_400_000)),
  };
}
