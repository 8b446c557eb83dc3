import { eraseExpert } from '#shared/db/experts';
import { expertRoute } from '#shared/http/expert-route';
import { noContent } from '#shared/http/responses';

export const handler = expertRoute('DELETE /api/me', {}, async ({ expertId }) => {
  await eraseExpert(expertId, { kind: 'expert', expertId }, new Date());
  return noContent();
});
