import { matchesForDemand } from '#shared/app/matching';
import { matchQuerySchema } from '#shared/domain/demand';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/demands/{id}/matches',
  { query: matchQuerySchema, latencyMetric: 'MatchLatency' },
  ({ params, query }) => matchesForDemand(params.id ?? '', query, new Date()),
);
