/** OpenAPI entries of the demand, match, policy and offer routes (see openapi.ts). */
import {
  demandInputSchema,
  demandListQuerySchema,
  demandPatchSchema,
  matchQuerySchema,
} from '../domain/demand.ts';
import {
  myOffersQuerySchema,
  offerInputSchema,
  offerListQuerySchema,
  offerResponseSchema,
  offerTransitionSchema,
} from '../domain/offer.ts';
import { policyInputSchema, policyListQuerySchema, policyPatchSchema } from '../domain/policy.ts';
import type { OperationSchemas } from './openapi.ts';

export const offerOperations: Record<string, OperationSchemas> = {
  'POST /api/demands': {
    summary: "Record a demand (field of need) for the caller's agency",
    body: demandInputSchema,
    success: 201,
  },
  'GET /api/demands': { summary: 'Demands by status, agency and zone', query: demandListQuerySchema },
  'GET /api/demands/{id}': { summary: 'One demand (ETag)' },
  'PATCH /api/demands/{id}': {
    summary: 'Change a demand (If-Match; owner agency or administrator)',
    body: demandPatchSchema,
  },
  'GET /api/demands/{id}/matches': {
    summary: 'Ranked profiles for a demand, each with its score and reasons',
    query: matchQuerySchema,
  },
  'GET /api/policies': { summary: 'The attraction-policy catalogue', query: policyListQuerySchema },
  'GET /api/policies/{id}': { summary: 'One policy (ETag)' },
  'POST /api/policies': { summary: 'Add a policy (administrators)', body: policyInputSchema, success: 201 },
  'PATCH /api/policies/{id}': {
    summary: 'Change a policy (If-Match; administrators)',
    body: policyPatchSchema,
  },
  'POST /api/offers': {
    summary: "Draft an offer for one of the caller's agency's demands",
    body: offerInputSchema,
    success: 201,
  },
  'GET /api/offers': {
    summary: "The agency's offers (administrators: all)",
    query: offerListQuerySchema,
  },
  'GET /api/offers/{id}': { summary: 'One offer with its history (ETag)' },
  'POST /api/offers/{id}/transitions': {
    summary: 'Send or withdraw an offer (sending mails the expert)',
    body: offerTransitionSchema,
  },
  'GET /api/me/offers': { summary: 'Offers sent to me', query: myOffersQuerySchema },
  'POST /api/me/offers/{id}/response': {
    summary: 'Accept or decline a sent, unexpired offer',
    body: offerResponseSchema,
  },
};
