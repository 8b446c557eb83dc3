import { readOfferForStaff } from '#shared/app/offers';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler('GET /api/offers/{id}', {}, async ({ params, principal }) =>
  withVersion(await readOfferForStaff(params.id ?? '', requireStaff(principal), new Date())),
);
