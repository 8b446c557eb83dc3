import { searchExperts } from '#shared/app/expert-search';
import { ServerTiming } from '#shared/app/server-timing';
import { expertSearchQuerySchema } from '#shared/domain/expert-search';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/experts',
  { query: expertSearchQuerySchema, latencyMetric: 'SearchLatency' },
  async ({ query }) => {
    const timing = new ServerTiming();
    const body = await searchExperts(query, timing);
    return { status: 200, body, headers: timing.headers() };
  },
);
