import { requestDeleteEntries } from '#shared/app/imports';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler('DELETE /api/imports/{id}/entries', {}, async ({ params, principal }) =>
  accepted(await requestDeleteEntries(params.id ?? '', requireStaff(principal), new Date())),
);
