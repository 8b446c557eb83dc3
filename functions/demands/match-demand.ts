import { matchesForDemand } from '#shared/app/matching';
import { ServerTiming } from '#shared/app/server-timing';
import { matchQuerySchema } from '#shared/domain/demand';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/demands/{id}/matches',
  { query: matchQuerySchema, latencyMetric: 'MatchLatency' },
  async ({ params, query }) => {
    const timing = new ServerTiming();
    const body = await matchesForDemand(params.id ?? '', query, new Date(), timing);
    return { status: 200, body, headers: timing.headers() };
  },
);
