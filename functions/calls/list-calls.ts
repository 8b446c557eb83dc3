import { listCalls } from '#shared/app/calls';
import { staffCallsQuerySchema } from '#shared/domain/call';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/staff/calls', { query: staffCallsQuerySchema }, ({ query }) =>
  listCalls(query, new Date()),
);
