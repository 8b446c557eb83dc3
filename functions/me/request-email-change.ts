import { requestEmailChange } from '#shared/app/email-change';
import { emailChangeRequestSchema } from '#shared/domain/session';
import { expertRoute } from '#shared/http/expert-route';
import { accepted } from '#shared/http/responses';

export const handler = expertRoute(
  'POST /api/me/email-change',
  { body: emailChangeRequestSchema },
  async ({ expertId, body }) => {
    await requestEmailChange(expertId, body.email, new Date());
    return accepted({ status: 'check_email' });
  },
);
