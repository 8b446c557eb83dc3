import { listMyOffers } from '#shared/app/offers';
import { myOffersQuerySchema } from '#shared/domain/offer';
import { expertRoute } from '#shared/http/expert-route';

export const handler = expertRoute(
  'GET /api/me/offers',
  { query: myOffersQuerySchema },
  ({ expertId, query }) => listMyOffers(expertId, query, new Date()),
);
