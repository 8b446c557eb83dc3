import { listDirectory } from '#shared/app/expert-search';
import { directoryQuerySchema } from '#shared/domain/expert-search';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/directory',
  { query: directoryQuerySchema, latencyMetric: 'SearchLatency' },
  ({ query }) => listDirectory(query),
);
