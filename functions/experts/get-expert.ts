import { readProfileForStaff } from '#shared/app/expert-access';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler('GET /api/experts/{id}', {}, async ({ params, principal }) =>
  withVersion(await readProfileForStaff(params.id ?? '', requireStaff(principal), new Date())),
);
