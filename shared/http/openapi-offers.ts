/** OpenAPI entries of the demand, match, policy and offer routes (see openapi.ts). */
import { pageSchema } from '../domain/common-views.ts';
import {
  demandInputSchema,
  demandListQuerySchema,
  demandPatchSchema,
  matchQuerySchema,
} from '../domain/demand.ts';
import { demandMatchesSchema, demandSchema } from '../domain/demand-views.ts';
import {
  myOffersQuerySchema,
  offerInputSchema,
  offerListQuerySchema,
  offerResponseSchema,
  offerTransitionSchema,
} from '../domain/offer.ts';
import { expertOfferViewSchema, offerViewSchema } from '../domain/offer-views.ts';
import { policyInputSchema, policyListQuerySchema, policyPatchSchema } from '../domain/policy.ts';
import { policySchema } from '../domain/policy-views.ts';
import { staffNoticesQuerySchema, staffNoticesSeenSchema } from '../domain/staff-notice.ts';
import { staffNoticesPageSchema, staffNoticesSeenResultSchema } from '../domain/staff-notice-views.ts';
import type { OperationSchemas } from './openapi.ts';
import {
  demandExample,
  demandInputExample,
  demandMatchesExample,
  offerDecisionExample,
  offerInputExample,
  offerTransitionExample,
  offerViewExample,
  policyExample,
  policyInputExample,
} from './openapi-examples.ts';

const duplicateCode = 'Another policy has this code (codes are unique regardless of case)';

export const offerOperations: Record<string, OperationSchemas> = {
  'POST /api/demands': {
    summary: "Record a demand (field of need) for the caller's agency",
    description:
      "A demand owned by the caller's agency (from the token; it must be one of the province's). " +
      'Its zone and policies must exist; optional fields take their defaults (status draft).',
    body: demandInputSchema,
    success: 201,
    response: demandSchema,
    errors: { 403: "The caller's account has no agency of the province (or the role does not allow it)" },
    examples: { body: demandInputExample, response: demandExample },
  },
  'GET /api/demands': {
    summary: 'Demands by status, agency and zone',
    description: 'Every agency’s demands, newest first; `agency` and `zone` must be ids from GET /api/meta.',
    query: demandListQuerySchema,
    response: pageSchema(demandSchema),
  },
  'GET /api/demands/{id}': {
    summary: 'One demand (ETag)',
    description: 'Any staff member may read any demand.',
    response: demandSchema,
    examples: { response: demandExample },
  },
  'PATCH /api/demands/{id}': {
    summary: 'Change a demand (If-Match; owner agency or administrator)',
    description: 'Changes any subset of the fields; only the owner agency or an administrator may.',
    body: demandPatchSchema,
    response: demandSchema,
    errors: { 403: 'The demand belongs to another agency (or the role does not allow it)' },
  },
  'GET /api/demands/{id}/matches': {
    serverTiming: true,
    summary: 'Ranked profiles for a demand, each with its score and reasons',
    description:
      'Experts who pass the hard filters (visible to agencies, at least the minimum degree, a field ' +
      "in one of the demand's groups), best first, ties by id. Each score (0-100) is the sum of its " +
      "reasons' points, so the officer sees why. `total` counts every match; `nextCursor` gives the " +
      'next `limit`. Each page is checked against the current listing before it is returned.',
    query: matchQuerySchema,
    response: demandMatchesSchema,
    examples: { response: demandMatchesExample },
  },
  'GET /api/policies': {
    summary: 'The attraction-policy catalogue',
    description: 'Sorted by code; `?active=true` for the policies an officer can offer.',
    query: policyListQuerySchema,
    response: pageSchema(policySchema),
  },
  'GET /api/policies/{id}': {
    summary: 'One policy (ETag)',
    description: 'A policy of the catalogue with its benefits, eligibility and validity.',
    response: policySchema,
    examples: { response: policyExample },
  },
  'POST /api/policies': {
    summary: 'Add a policy (administrators)',
    description: 'Adds a policy to the catalogue (active unless said otherwise). Audited.',
    body: policyInputSchema,
    success: 201,
    response: policySchema,
    errors: { 409: duplicateCode },
    examples: { body: policyInputExample, response: policyExample },
  },
  'PATCH /api/policies/{id}': {
    summary: 'Change a policy (If-Match; administrators)',
    description:
      'Changes any subset of the fields. Offers already drafted keep the policy as it was. Audited.',
    body: policyPatchSchema,
    response: policySchema,
    errors: { 409: duplicateCode },
  },
  'POST /api/offers': {
    summary: "Draft an offer for one of the caller's agency's demands",
    description:
      "A draft offer to an expert for an open demand of the caller's agency, with a package of " +
      'policies; each must be active, in force and applicable to the expert and the zone ' +
      '(otherwise 400 policy_not_applicable, with the failed rule per policy in `details`).',
    body: offerInputSchema,
    success: 201,
    response: offerViewSchema,
    errors: {
      403: "The demand belongs to another agency (or the caller's role does not allow it)",
      404: 'No such demand, or no such expert visible to agencies',
      409: 'The demand is not open',
    },
    examples: { body: offerInputExample, response: offerViewExample },
  },
  'GET /api/offers': {
    summary: "The agency's offers (administrators: all)",
    description: 'Newest first, with the effective status (a sent offer past expiresAt reads as expired).',
    query: offerListQuerySchema,
    response: pageSchema(offerViewSchema),
  },
  'GET /api/offers/{id}': {
    summary: 'One offer with its history (ETag)',
    description:
      "An offer of the caller's agency (administrators: any), with its history and the expert's " +
      'summary while they share it; other agencies get 404.',
    response: offerViewSchema,
    examples: { response: offerViewExample },
  },
  'POST /api/offers/{id}/transitions': {
    summary: 'Send or withdraw an offer (sending mails the expert)',
    description:
      'draft → sent (mails the expert once), draft or sent → withdrawn. Expiry happens by itself after expiresAt.',
    body: offerTransitionSchema,
    response: offerViewSchema,
    errors: {
      409:
        'The transition is not allowed from the current status, the offer expired before it was sent, ' +
        'the expert no longer shares the profile, or the offer changed at the same moment',
    },
    examples: { body: offerTransitionExample },
  },
  'GET /api/staff/notices': {
    summary: "Experts' answers to the agency's offers and calls",
    description:
      'Newest first: offers accepted or declined and responses to calls, for the caller’s agency (an ' +
      'administrator of no agency has none), with `unseen`, how many the agency has not seen (counted up ' +
      'to 100). The expert’s summary is joined at read time: null once they stop sharing the profile.',
    query: staffNoticesQuerySchema,
    response: staffNoticesPageSchema,
    examples: {
      response: {
        items: [
          {
            id: 'N#2026-11-30T09:15:00.000Z#offer_accepted#7d0c9a52-offer',
            kind: 'offer_accepted',
            at: '2026-11-30T09:15:00.000Z',
            title: 'Kỹ sư cơ khí cho Dung Quất',
            offerId: '7d0c9a52-offer',
            expertId: '0b8e1f4a-expert',
            expert: null,
            seen: false,
          },
        ],
        nextCursor: null,
        unseen: 1,
      },
    },
  },
  'POST /api/staff/notices/seen': {
    summary: 'Mark the agency’s notices seen',
    description:
      '`upTo` is the newest notice the officer was shown; it and every older one count as seen for the ' +
      'whole agency. The mark only moves forward. Answers with the number still unseen.',
    body: staffNoticesSeenSchema,
    response: staffNoticesSeenResultSchema,
    examples: {
      body: { upTo: 'N#2026-11-30T09:15:00.000Z#offer_accepted#7d0c9a52-offer' },
      response: { unseen: 0 },
    },
  },
  'GET /api/me/offers': {
    summary: 'Offers sent to me',
    description: 'The offers sent to the expert (never drafts), newest first; staff appear by agency only.',
    query: myOffersQuerySchema,
    response: pageSchema(expertOfferViewSchema),
  },
  'POST /api/me/offers/{id}/response': {
    summary: 'Accept or decline a sent, unexpired offer',
    description: "The expert's answer; a note is kept in the expert's own data (erased with the profile).",
    body: offerResponseSchema,
    response: expertOfferViewSchema,
    errors: { 409: 'The offer is no longer sent (answered, withdrawn or expired)' },
    examples: { body: offerDecisionExample },
  },
};
