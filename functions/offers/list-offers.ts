import { listOffers } from '#shared/app/offers';
import { offerListQuerySchema } from '#shared/domain/offer';
import { httpHandler, requireStaff } from '#shared/http/handler';

export const handler = httpHandler(
  'GET /api/offers',
  { query: offerListQuerySchema },
  ({ query, principal }) => listOffers(query, requireStaff(principal), new Date()),
);
