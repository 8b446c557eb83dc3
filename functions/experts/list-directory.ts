import { listDirectory } from '#shared/app/expert-search';
import { ServerTiming } from '#shared/app/server-timing';
import { directoryQuerySchema } from '#shared/domain/expert-search';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/directory',
  { query: directoryQuerySchema, latencyMetric: 'SearchLatency' },
  async ({ query }) => {
    const timing = new ServerTiming();
    const body = await listDirectory(query, timing);
    return { status: 200, body, headers: timing.headers() };
  },
);
