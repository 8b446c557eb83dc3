import { renewLoginLink, sendLoginLink } from '#shared/app/sessions';
import { loginLinkRequestSchema } from '#shared/domain/session';
import { httpHandler } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/me/login-link',
  { body: loginLinkRequestSchema },
  async ({ body }) => {
    if ('expiredToken' in body) await renewLoginLink(body.expiredToken, new Date());
    else await sendLoginLink(body.email, new Date(), body.returnTo);
    return accepted({ status: 'check_email' });
  },
);
