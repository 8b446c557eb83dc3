import { changeConsent } from '#shared/app/self-service';
import { consentChoicesSchema } from '#shared/domain/expert';
import { expertRoute } from '#shared/http/expert-route';
import { withVersion } from '#shared/http/responses';

export const handler = expertRoute(
  'PUT /api/me/consent',
  { body: consentChoicesSchema },
  async ({ expertId, body }) => withVersion(await changeConsent(expertId, body, new Date())),
);
