/**
 * Deadlines that pass by themselves: sent offers past expiresAt become expired, open calls past
 * openUntil close. Reads already treat a passed deadline as passed; the sweep makes it durable.
 * Safe to run concurrently and to repeat: each change is conditioned on the state it read.
 */
import { dueCallIds } from '../db/calls.ts';
import { deleteOfferTimer, dueOfferTimers, getOffer } from '../db/offers.ts';
import type { SystemActor } from '../domain/actor.ts';
import { Conflict } from '../domain/errors.ts';
import { closeCallIfDue } from './calls.ts';
import { transitionAs } from './offers.ts';

/** Records the expiry of every sent offer whose expiresAt has passed. Returns the count. */
export async function expireDueOffers(now: Date): Promise<number> {
  const sweep: SystemActor = { kind: 'system', id: 'sweep-deadlines' };
  let expired = 0;
  for await (const timer of dueOfferTimers(now)) {
    const offer = await getOffer(timer.offerId);
    if (offer?.status === 'sent') {
      try {
        await transitionAs(sweep, offer, 'expired', now);
        expired++;
      } catch (error) {
        // Answered or withdrawn meanwhile: nothing to expire.
        if (!(error instanceof Conflict)) throw error;
      }
    } else {
      // A stale timer (its offer is gone or already left `sent`): nothing to expire.
      await deleteOfferTimer(timer);
    }
  }
  return expired;
}

/** Stores "closed" on every open call whose openUntil has passed. Returns how many it closed. */
export async function closeDueCalls(now: Date): Promise<number> {
  const sweep: SystemActor = { kind: 'system', id: 'deadline-sweep' };
  let closed = 0;
  for await (const id of dueCallIds(now)) {
    if (await closeCallIfDue(id, sweep, now)) closed++;
  }
  return closed;
}

export async function sweepDeadlines(now: Date): Promise<{ expiredOffers: number; closedCalls: number }> {
  const [expiredOffers, closedCalls] = await Promise.all([expireDueOffers(now), closeDueCalls(now)]);
  return { expiredOffers, closedCalls };
}
