/**
 * Delivering a queued mail (the transactional outbox's other half): claim it, send it, mark it
 * delivered. A failed send gives the claim back and fails the stream record, so Lambda's retry
 * sends it; a mail that keeps failing ends in the consumer's dead-letter queue (alarmed). A claim
 * held by another attempt is waited on briefly: that attempt either delivers (nothing to do) or
 * dies, and then this record fails too and is retried after the lease.
 */
import { claimOutboxMail, getOutboxMail, markOutboxMailDelivered, releaseOutboxMail } from '../db/outbox.ts';
import { deliverMail } from '../mail/transport.ts';
import { countEvent } from '../metrics.ts';

export type DeliveryOutcome = 'sent' | 'already-delivered' | 'missing';

export class MailBeingDelivered extends Error {
  constructor(readonly mailId: string) {
    super('Another attempt holds the claim on this mail; retry after its lease');
  }
}

const busyWaitsMs = [100, 200, 400, 800, 1600];

export async function deliverOutboxMail(
  mailId: string,
  clock: () => Date = () => new Date(),
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<DeliveryOutcome> {
  let claimedAt = clock();
  for (let attempt = 0; ; attempt++) {
    const claim = await claimOutboxMail(mailId, claimedAt);
    if (claim === 'claimed') break;
    if (claim === 'delivered') return 'already-delivered';
    if (claim === 'missing') return 'missing';
    if (attempt >= busyWaitsMs.length) throw new MailBeingDelivered(mailId);
    await wait(busyWaitsMs[attempt]);
    claimedAt = clock();
  }

  const mail = await getOutboxMail(mailId);
  if (!mail) return 'missing';
  let providerMessageId: string | undefined;
  try {
    providerMessageId = await deliverMail(mail, claimedAt);
  } catch (error) {
    countEvent('MailFailed');
    await releaseOutboxMail(mailId, claimedAt);
    throw error;
  }
  await markOutboxMailDelivered(mailId, clock(), providerMessageId);
  countEvent('MailSent');
  return 'sent';
}
