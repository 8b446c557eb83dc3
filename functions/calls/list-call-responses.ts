import { listCallResponses } from '#shared/app/call-responses';
import { callResponsesQuerySchema } from '#shared/domain/call';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/calls/{id}/responses',
  { query: callResponsesQuerySchema },
  ({ params, query, principal }) => listCallResponses(params.id ?? '', requireStaff(principal), query),
);
