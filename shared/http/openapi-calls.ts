/** OpenAPI entries of the collaboration-call routes and the expert's matches (see openapi.ts). */
import {
  callBodySchema,
  callPatchSchema,
  callResponseBodySchema,
  callResponsesQuerySchema,
  callTransitionSchema,
  openCallsQuerySchema,
  staffCallsQuerySchema,
} from '../domain/call.ts';
import {
  callResponseForStaffSchema,
  callResponseSchema,
  publicCallSchema,
  staffCallSchema,
} from '../domain/call-views.ts';
import { pageSchema } from '../domain/common-views.ts';
import { myMatchesSchema } from '../domain/me-views.ts';
import type { OperationSchemas } from './openapi.ts';
import {
  callInputExample,
  createdCallExample,
  openCallsExample,
  staffCallExample,
} from './openapi-examples.ts';

const otherAgency = 'The call belongs to another agency (or the role does not allow it)';

export const callOperations: Record<string, OperationSchemas> = {
  'GET /api/calls': {
    summary: 'Open collaboration calls (public fields)',
    description: 'Calls open now, soonest deadline first: public fields only.',
    query: openCallsQuerySchema,
    response: pageSchema(publicCallSchema),
    examples: { response: openCallsExample },
  },
  'GET /api/staff/calls': {
    summary: 'All collaboration calls, drafts included, by status (staff)',
    description: 'Every call, newest first; `status` filters by the effective status.',
    query: staffCallsQuerySchema,
    response: pageSchema(staffCallSchema),
  },
  'GET /api/calls/{id}': {
    summary: 'A collaboration call with its notification progress (staff)',
    description: 'Any staff member may read any call; once opened, with the progress of its mails.',
    response: staffCallSchema,
    examples: { response: staffCallExample },
  },
  'POST /api/calls': {
    summary: 'Create a draft collaboration call (staff)',
    description:
      "A draft call of the caller's agency. `openUntil` is a date-time with offset or a date (the end " +
      'of that day in Vietnam) and must be in the future.',
    body: callBodySchema,
    success: 201,
    response: staffCallSchema,
    examples: { body: callInputExample, response: createdCallExample },
  },
  'PATCH /api/calls/{id}': {
    summary: 'Edit a draft or open call (If-Match; creating agency or admin)',
    description: 'Changes any subset of the fields of a draft or open call.',
    body: callPatchSchema,
    response: staffCallSchema,
    errors: { 403: otherAgency, 409: 'The call is closed' },
  },
  'POST /api/calls/{id}/transitions': {
    summary: 'Open (notifies the opted-in audience once) or close a call',
    description:
      'draft → open → closed. Opening mails the experts of the audience who opted in to collaboration ' +
      'calls and work in its field groups, once each; a call also closes by itself after openUntil.',
    body: callTransitionSchema,
    response: staffCallSchema,
    errors: {
      403: otherAgency,
      409: 'The transition is not allowed from the current status, openUntil has passed, or the call changed meanwhile',
    },
    examples: { body: { to: 'open' } },
  },
  'GET /api/calls/{id}/responses': {
    summary: 'Experts who responded (creating agency or admin)',
    description:
      'The responses with the responders’ summaries, while they keep the collaboration-calls consent.',
    query: callResponsesQuerySchema,
    response: pageSchema(callResponseForStaffSchema),
    errors: { 403: otherAgency },
  },
  'POST /api/calls/{id}/responses': {
    summary: 'Respond to an open call (needs the collaborationCalls consent)',
    description: 'One response per expert and call; withdraw it to change it.',
    body: callResponseBodySchema,
    success: 201,
    response: callResponseSchema,
    errors: {
      403: 'The expert has not opted in to collaboration calls',
      409: 'The call is not open, or the expert has responded already',
    },
    examples: { body: { message: 'Tôi có thể tham gia ba buổi tư vấn trực tuyến trong tháng 9.' } },
  },
  'DELETE /api/calls/{id}/responses/me': {
    summary: 'Withdraw my response',
    description: "Deletes the expert's response to the call.",
    success: 204,
    errors: { 404: 'No such call, or no response of mine to it' },
  },
  'GET /api/me/matches': {
    summary: 'Open calls and demands that fit my profile, ranked',
    description:
      'Open calls (audience and field groups fit) and open demands (hard filters of the matching ' +
      'pass) with their scores and reasons, best first.',
    response: myMatchesSchema,
    errors: { 404: 'The profile was erased meanwhile' },
  },
};
