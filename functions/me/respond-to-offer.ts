import { respondToOffer } from '#shared/app/offers';
import { offerResponseSchema } from '#shared/domain/offer';
import { expertRoute } from '#shared/http/expert-route';
import { withVersion } from '#shared/http/responses';

export const handler = expertRoute(
  'POST /api/me/offers/{id}/response',
  { body: offerResponseSchema },
  async ({ expertId, params, body }) =>
    withVersion(await respondToOffer(expertId, params.id ?? '', body, new Date())),
);
