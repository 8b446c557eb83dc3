import { readPolicy } from '#shared/app/policies';
import { httpHandler } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler('GET /api/policies/{id}', {}, async ({ params }) =>
  withVersion(await readPolicy(params.id ?? '')),
);
