import { listMatchesForExpert } from '#shared/app/my-matches';
import { expertRoute } from '#shared/http/expert-route';

export const handler = expertRoute('GET /api/me/matches', {}, ({ expertId }) =>
  listMatchesForExpert(expertId, new Date()),
);
