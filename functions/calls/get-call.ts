import { readCallForStaff } from '#shared/app/calls';
import { httpHandler } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler('GET /api/calls/{id}', {}, async ({ params }) =>
  withVersion(await readCallForStaff(params.id ?? '', new Date())),
);
