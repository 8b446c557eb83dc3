import { getExpert } from '#shared/db/experts';
import { NotFound } from '#shared/domain/errors';
import { expertRoute } from '#shared/http/expert-route';
import { withVersion } from '#shared/http/responses';

export const handler = expertRoute('GET /api/me', {}, async ({ expertId }) => {
  const expert = await getExpert(expertId);
  if (!expert) throw new NotFound('Profile not found');
  return withVersion(expert);
});
