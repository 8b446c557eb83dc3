import { requestCommit } from '#shared/app/imports';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler('POST /api/imports/{id}/commit', {}, async ({ params, principal }) =>
  accepted(await requestCommit(params.id ?? '', requireStaff(principal), new Date())),
);
