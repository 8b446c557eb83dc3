/**
 * Deadlines that pass by themselves: sent offers past expiresAt become expired, open calls past
 * openUntil close. EventBridge runs this every few minutes in AWS; the local server on a timer
 * and on POST /dev/run-scheduled. Reads also treat a passed deadline as passed, so the sweep
 * only has to make it durable.
 */
import { sweepDeadlines } from '#shared/app/deadlines';
import { logger } from '#shared/logger';

export async function handler(): Promise<{ expiredOffers: number; closedCalls: number }> {
  const swept = await sweepDeadlines(new Date());
  if (swept.expiredOffers || swept.closedCalls) logger.info('Deadlines swept', swept);
  return swept;
}
