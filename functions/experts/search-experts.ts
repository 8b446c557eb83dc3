import { searchExperts } from '#shared/app/expert-search';
import { expertSearchQuerySchema } from '#shared/domain/expert-search';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/experts',
  { query: expertSearchQuerySchema, latencyMetric: 'SearchLatency' },
  ({ query }) => searchExperts(query),
);
