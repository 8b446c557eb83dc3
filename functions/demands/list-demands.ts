import { listDemands } from '#shared/app/demands';
import { demandListQuerySchema } from '#shared/domain/demand';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/demands', { query: demandListQuerySchema }, ({ query }) =>
  listDemands(query),
);
