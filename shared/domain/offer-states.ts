/**
 * The offer state machine, the only place that says which transitions exist and who may make them:
 *
 *   draft ──sent──▶ sent ──accepted──▶ accepted      (the expert)
 *     │              ├──declined──▶ declined         (the expert)
 *     │              ├──expired───▶ expired          (the system, once expiresAt has passed)
 *     │              └──withdrawn─▶ withdrawn        (the agency)
 *     └──withdrawn──▶ withdrawn                      (the agency)
 *
 * accepted, declined, expired and withdrawn are final. A `sent` offer whose expiresAt has passed
 * is expired even before the scheduled sweep records it (effectiveOfferStatus).
 */
import type { ActorKind } from './actor.ts';
import { Conflict } from './errors.ts';

export const offerStatuses = ['draft', 'sent', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** Who may make a transition: any kind of actor. */
export type OfferActorKind = ActorKind;

export const offerTransitions: Readonly<
  Record<OfferStatus, readonly { to: OfferStatus; by: OfferActorKind }[]>
> = {
  draft: [
    { to: 'sent', by: 'staff' },
    { to: 'withdrawn', by: 'staff' },
  ],
  sent: [
    { to: 'accepted', by: 'expert' },
    { to: 'declined', by: 'expert' },
    { to: 'expired', by: 'system' },
    { to: 'withdrawn', by: 'staff' },
  ],
  accepted: [],
  declined: [],
  expired: [],
  withdrawn: [],
};

export const isFinalOfferStatus = (status: OfferStatus): boolean => offerTransitions[status].length === 0;

export function canTransitionOffer(from: OfferStatus, to: OfferStatus, by: OfferActorKind): boolean {
  return offerTransitions[from].some((t) => t.to === to && t.by === by);
}

/** Throws 409 conflict for a transition the machine does not have (or not for this actor). */
export function assertOfferTransition(from: OfferStatus, to: OfferStatus, by: OfferActorKind): void {
  if (!canTransitionOffer(from, to, by)) {
    throw new Conflict(`An offer cannot go from ${from} to ${to}${from === to ? '' : ` (by ${by})`}`);
  }
}

/** The status as users should see it: a sent offer past its expiry is expired. */
export function effectiveOfferStatus(
  offer: { status: OfferStatus; expiresAt: string },
  now: Date,
): OfferStatus {
  return offer.status === 'sent' && Date.parse(offer.expiresAt) <= now.getTime() ? 'expired' : offer.status;
}
