/**
 * Response shapes of offers: the staff view (with the expert's summary joined at read time) and
 * the expert's view (no staff ids in the history).
 */
import * as z from 'zod/mini';
import { instant } from './common-views.ts';
import { engagementModes } from './expert.ts';
import { expertSummarySchema } from './expert-views.ts';
import { offerStatuses } from './offer-states.ts';
import { benefitViewSchema } from './policy-views.ts';

const offerStatus = z.enum(offerStatuses);
const actorKind = z.enum(['staff', 'expert', 'system']);

const historyEntry = <A extends z.ZodMiniType>(actor: A) =>
  z.strictObject({
    /** null for the creation of the draft. */
    from: z.nullable(offerStatus),
    to: offerStatus,
    at: instant,
    actor,
    note: z.optional(z.string()),
  });

const offerShape = {
  id: z.string(),
  agency: z.string(),
  demandId: z.string(),
  demand: z.strictObject({ title: z.string(), zone: z.string(), engagement: z.enum(engagementModes) }),
  expertId: z.string(),
  policyIds: z.array(z.string()),
  /** The policies as they were when the offer was drafted. */
  policies: z.array(
    z.strictObject({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      legalBasis: z.string(),
      benefits: z.array(benefitViewSchema),
    }),
  ),
  /** First-year value of the package in VND (monthly allowances count twelve times). */
  packageValueVnd: z.number(),
  terms: z.string(),
  expiresAt: instant,
  /** The effective status: a sent offer past expiresAt reads as expired. */
  status: offerStatus,
  sentAt: z.nullable(instant),
  createdAt: instant,
  updatedAt: instant,
  version: z.int(),
};

/** An offer as its agency (or an administrator) sees it (OfferView). */
export const offerViewSchema = z.strictObject({
  ...offerShape,
  history: z.array(
    historyEntry(
      z.strictObject({ kind: actorKind, id: z.string(), agency: z.optional(z.nullable(z.string())) }),
    ),
  ),
  /** The expert's summary while they share their profile with agencies; null once hidden or erased. */
  expert: z.nullable(expertSummarySchema),
  expertState: z.enum(['shared', 'not_shared', 'erased']),
});

/** An offer as the expert sees it (ExpertOfferView): who acted by kind and agency, not by id. */
export const expertOfferViewSchema = z.strictObject({
  ...offerShape,
  history: z.array(
    historyEntry(z.strictObject({ kind: actorKind, agency: z.optional(z.nullable(z.string())) })),
  ),
});
