import { createOffer } from '#shared/app/offers';
import { offerInputSchema } from '#shared/domain/offer';
import { httpHandler, requireStaff } from '#shared/http/handler';
import { created } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/offers',
  { body: offerInputSchema },
  async ({ body, principal }) => {
    const offer = await createOffer(body, requireStaff(principal), new Date());
    return created(offer, offer.version);
  },
);
