import { listMatchesForExpert } from '#shared/app/matching';
import { expertRoute } from '#shared/http/expert-route';

export const handler = expertRoute('GET /api/me/matches', {}, ({ expertId }) =>
  listMatchesForExpert(expertId, new Date()),
);
