import { mergeDuplicate } from '#shared/app/duplicates';
import { mergeDuplicateSchema } from '#shared/domain/duplicates';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler(
  'POST /api/duplicates/{id}/merge',
  { body: mergeDuplicateSchema },
  ({ body, params, principal }) => mergeDuplicate(params.id ?? '', body, requireStaff(principal), new Date()),
);
