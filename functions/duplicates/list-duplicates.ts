import { listDuplicates } from '#shared/app/duplicates';
import { duplicatesQuerySchema } from '#shared/domain/duplicates';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('GET /api/duplicates', { query: duplicatesQuerySchema }, ({ query }) =>
  listDuplicates(query),
);
