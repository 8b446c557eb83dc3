import { markDistinct } from '#shared/app/duplicates';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler('POST /api/duplicates/{id}/distinct', {}, ({ params, principal }) =>
  markDistinct(params.id ?? '', requireStaff(principal), new Date()),
);
