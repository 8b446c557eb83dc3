import { readDemand } from '#shared/app/demands';
import { httpHandler } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler('GET /api/demands/{id}', {}, async ({ params }) =>
  withVersion(await readDemand(params.id ?? '')),
);
