/**
 * Deadlines that pass by themselves: sent offers past expiresAt become expired, open calls past
 * openUntil close, open demands past their open-until day (Vietnam time) close. Reads already
 * treat a passed deadline as passed; the sweep makes it durable, so lists and counts agree.
 * Safe to run concurrently and to repeat: each change is conditioned on the state it read.
 */
import { dueCallIds } from '../db/calls.ts';
import { listOpenDemands, saveDemand } from '../db/demands.ts';
import { deleteOfferTimer, dueOfferTimers, getOffer } from '../db/offers.ts';
import type { SystemActor } from '../domain/actor.ts';
import { isPastOpenUntil } from '../domain/demand.ts';
import { Conflict, VersionMismatch } from '../domain/errors.ts';
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

/**
 * Stores "closed" on every open demand whose open-until day has passed. A province has hundreds of
 * demands, so reading the open ones (one index prefix) is cheap. Returns how many it closed.
 */
export async function closeDueDemands(now: Date): Promise<number> {
  let closed = 0;
  for (const demand of await listOpenDemands()) {
    if (!isPastOpenUntil(demand, now)) continue;
    const next = {
      ...demand,
      status: 'closed' as const,
      updatedAt: now.toISOString(),
      version: demand.version + 1,
    };
    try {
      await saveDemand(next, demand.version);
      closed++;
    } catch (error) {
      // Changed by its agency meanwhile: the next sweep judges the new version.
      if (!(error instanceof VersionMismatch)) throw error;
    }
  }
  return closed;
}

export interface SweepResult {
  expiredOffers: number;
  closedCalls: number;
  closedDemands: number;
}

export async function sweepDeadlines(now: Date): Promise<SweepResult> {
  const [expiredOffers, closedCalls, closedDemands] = await Promise.all([
    expireDueOffers(now),
    closeDueCalls(now),
    closeDueDemands(now),
  ]);
  return { expiredOffers, closedCalls, closedDemands };
}
