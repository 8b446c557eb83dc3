import { eraseOwnProfile } from '#shared/app/self-service';
import { expertRoute } from '#shared/http/expert-route';
import { noContent } from '#shared/http/responses';

export const handler = expertRoute('DELETE /api/me', {}, async ({ expertId }) => {
  await eraseOwnProfile(expertId, new Date());
  return noContent();
});
