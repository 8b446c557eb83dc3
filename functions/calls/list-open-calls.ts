import { listOpenCalls } from '#shared/app/calls';
import { openCallsQuerySchema } from '#shared/domain/call';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/calls', { query: openCallsQuerySchema }, ({ query }) =>
  listOpenCalls(query, new Date()),
);
