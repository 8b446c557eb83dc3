import { readRecountJob } from '#shared/app/recount';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/stats/recount/{id}', {}, ({ params }) =>
  readRecountJob(params.id ?? ''),
);
