import { updateOwnProfile } from '#shared/app/self-service';
import { profilePatchSchema } from '#shared/domain/expert';
import { expertRoute } from '#shared/http/expert-route';
import { ifMatchVersion } from '#shared/http/handler';
import { withVersion } from '#shared/http/responses';

export const handler = expertRoute(
  'PATCH /api/me',
  { body: profilePatchSchema },
  async ({ expertId, body, headers }) =>
    withVersion(await updateOwnProfile(expertId, body, ifMatchVersion(headers), new Date())),
);
