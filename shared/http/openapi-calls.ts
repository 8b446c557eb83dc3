/** OpenAPI entries of the collaboration-call routes (see openapi.ts). */
import {
  callBodySchema,
  callPatchSchema,
  callResponseBodySchema,
  callResponsesQuerySchema,
  callTransitionSchema,
  openCallsQuerySchema,
  staffCallsQuerySchema,
} from '../domain/call.ts';
import type { OperationSchemas } from './openapi.ts';

export const callOperations: Record<string, OperationSchemas> = {
  'GET /api/calls': { summary: 'Open collaboration calls (public fields)', query: openCallsQuerySchema },
  'GET /api/staff/calls': {
    summary: 'All collaboration calls, drafts included, by status (staff)',
    query: staffCallsQuerySchema,
  },
  'GET /api/calls/{id}': { summary: 'A collaboration call with its notification progress (staff)' },
  'POST /api/calls': {
    summary: 'Create a draft collaboration call (staff)',
    body: callBodySchema,
    success: 201,
  },
  'PATCH /api/calls/{id}': {
    summary: 'Edit a draft or open call (If-Match; creating agency or admin)',
    body: callPatchSchema,
  },
  'POST /api/calls/{id}/transitions': {
    summary: 'Open (notifies the opted-in audience once) or close a call',
    body: callTransitionSchema,
  },
  'GET /api/calls/{id}/responses': {
    summary: 'Experts who responded (creating agency or admin)',
    query: callResponsesQuerySchema,
  },
  'POST /api/calls/{id}/responses': {
    summary: 'Respond to an open call (needs the collaborationCalls consent)',
    body: callResponseBodySchema,
    success: 201,
  },
  'DELETE /api/calls/{id}/responses/me': { summary: 'Withdraw my response', success: 204 },
  'GET /api/me/matches': { summary: 'Open calls and demands that fit my profile, ranked' },
};
