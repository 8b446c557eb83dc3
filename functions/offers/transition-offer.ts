import { transitionOffer } from '#shared/app/offers';
import { offerTransitionSchema } from '#shared/domain/offer';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/offers/{id}/transitions',
  { body: offerTransitionSchema },
  async ({ params, body, principal }) =>
    withVersion(await transitionOffer(params.id ?? '', body, requireStaff(principal), new Date())),
);
