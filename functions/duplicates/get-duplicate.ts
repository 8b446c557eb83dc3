import { readDuplicate } from '#shared/app/duplicates';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler('GET /api/duplicates/{id}', {}, ({ params, principal }) =>
  readDuplicate(params.id ?? '', requireStaff(principal), new Date()),
);
