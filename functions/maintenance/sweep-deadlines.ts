/**
 * Deadlines that pass by themselves: sent offers past expiresAt become expired, open calls past
 * openUntil close. EventBridge runs this every few minutes in AWS; the local server on a timer
 * and on POST /dev/run-scheduled. Reads also treat a passed deadline as passed, so the sweep
 * only has to make it durable.
 */
import { closeDueCalls } from '#shared/db/calls';
import { expireDueOffers } from '#shared/db/offers';
import { logger } from '#shared/logger';

export async function handler(): Promise<{ expiredOffers: number; closedCalls: number }> {
  const now = new Date();
  const [expiredOffers, closedCalls] = await Promise.all([expireDueOffers(now), closeDueCalls(now)]);
  if (expiredOffers || closedCalls) logger.info('Deadlines swept', { expiredOffers, closedCalls });
  return { expiredOffers, closedCalls };
}
