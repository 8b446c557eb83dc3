import { cancelImport } from '#shared/app/imports';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler('POST /api/imports/{id}/cancel', {}, async ({ params, principal }) =>
  cancelImport(params.id ?? '', requireStaff(principal), new Date()),
);
