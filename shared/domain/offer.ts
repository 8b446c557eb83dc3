/**
 * Offers: an agency offers an expert a position or task for one of its demands, with a package of
 * attraction policies. The offer keeps the expert's id and nothing else about them (names and
 * summaries are joined at read time; after an erasure the offer stays as a tombstone without
 * personal data). The package is a snapshot of the policies when the offer was drafted, so later
 * edits of the catalogue do not change what was offered.
 */
import * as z from 'zod/mini';
import type { RecordedActor } from './actor.ts';
import type { Demand } from './demand.ts';
import type { ExpertSummary } from './expert.ts';
import { effectiveOfferStatus, type OfferStatus, offerStatuses } from './offer-states.ts';
import { cursorParam, pageLimitParam } from './paging.ts';
import type { Benefit, Policy } from './policy.ts';
import { safeText, trim } from './text.ts';

const note = z.optional(z.string().check(trim, safeText, z.maxLength(2000)));
const id = z.string().check(z.minLength(1), z.maxLength(64));

export const offerInputSchema = z.strictObject({
  expertId: id,
  demandId: id,
  policyIds: z.array(id).check(
    z.maxLength(20),
    z.refine((ids) => new Set(ids).size === ids.length, 'Each policy may appear once'),
  ),
  terms: z.string().check(trim, safeText, z.minLength(1), z.maxLength(8000)),
  expiresAt: z.iso.datetime({
    offset: true,
    message: 'Use a date and time such as 2026-12-31T17:00:00+07:00',
  }),
});

export const offerTransitionSchema = z.strictObject({
  to: z.enum(['sent', 'withdrawn']),
  note,
});

export const offerResponseSchema = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  note,
});

export const offerListQuerySchema = z.strictObject({
  status: z.optional(z.enum(offerStatuses)),
  demandId: z.optional(id),
  expertId: z.optional(id),
  limit: pageLimitParam,
  cursor: cursorParam,
});

export const myOffersQuerySchema = z.strictObject({ limit: pageLimitParam, cursor: cursorParam });

export type OfferInput = z.infer<typeof offerInputSchema>;
export type OfferTransitionRequest = z.infer<typeof offerTransitionSchema>;
export type OfferResponse = z.infer<typeof offerResponseSchema>;
export type OfferListQuery = z.infer<typeof offerListQuerySchema>;

/** The name the web console knows the recorded actor of a transition by. */
export type OfferActor = RecordedActor;

export interface OfferHistoryEntry {
  /** null for the creation of the draft. */
  from: OfferStatus | null;
  to: OfferStatus;
  at: string;
  actor: RecordedActor;
  /**
   * The note of the transition. An expert's note is their own words and may hold personal data:
   * it is kept in the expert's partition (erased with the profile) and joined in when read.
   */
  note?: string;
}

export interface OfferedPolicy {
  id: string;
  code: string;
  title: string;
  legalBasis: string;
  benefits: Benefit[];
}

/** The offer as stored: ids, the agency's own text and snapshots, no personal data of the expert. */
export interface Offer {
  id: string;
  agency: string;
  demandId: string;
  demand: Pick<Demand, 'title' | 'zone' | 'engagement'>;
  expertId: string;
  policyIds: string[];
  policies: OfferedPolicy[];
  /** First-year value of the package (packageValueVnd in policy.ts). */
  packageValueVnd: number;
  terms: string;
  expiresAt: string;
  status: OfferStatus;
  history: OfferHistoryEntry[];
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** How the expert of an offer appears to staff at read time. */
export type OfferExpertState = 'shared' | 'not_shared' | 'erased';

export interface OfferView extends Offer {
  expert: ExpertSummary | null;
  expertState: OfferExpertState;
}

export const toOfferedPolicy = (p: Policy): OfferedPolicy => ({
  id: p.id,
  code: p.code,
  title: p.title,
  legalBasis: p.legalBasis,
  benefits: p.benefits,
});

/** The offer with its effective status (a sent offer past expiresAt reads as expired). */
export function asOfNow<O extends Offer>(offer: O, now: Date): O {
  const status = effectiveOfferStatus(offer, now);
  return status === offer.status ? offer : { ...offer, status };
}

/** Experts see offers once sent; a draft (or a draft withdrawn before sending) is the agency's. */
export const isVisibleToExpert = (offer: Pick<Offer, 'sentAt'>): boolean => offer.sentAt !== null;

/** What the expert sees of an offer: no staff ids, the agency's name instead. */
export type ExpertOfferView = Omit<Offer, 'history'> & {
  history: (Omit<OfferHistoryEntry, 'actor'> & { actor: Omit<RecordedActor, 'id'> })[];
};

export function toExpertView(offer: Offer, now: Date): ExpertOfferView {
  const current = asOfNow(offer, now);
  return {
    ...current,
    history: current.history.map(({ actor, ...entry }) => ({
      ...entry,
      actor: { kind: actor.kind, ...(actor.agency ? { agency: actor.agency } : {}) },
    })),
  };
}
