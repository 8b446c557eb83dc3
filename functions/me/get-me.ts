import { readOwnProfile } from '#shared/app/self-service';
import { expertRoute } from '#shared/http/expert-route';
import { withVersion } from '#shared/http/responses';

export const handler = expertRoute('GET /api/me', {}, async ({ expertId }) =>
  withVersion(await readOwnProfile(expertId)),
);
