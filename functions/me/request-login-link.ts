import { sendLoginLink } from '#shared/app/sessions';
import { loginLinkRequestSchema } from '#shared/domain/session';
import { httpHandler } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

export const handler = httpHandler(
  'POST /api/me/login-link',
  { body: loginLinkRequestSchema },
  async ({ body }) => {
    await sendLoginLink(body.email, new Date());
    return accepted({ status: 'check_email' });
  },
);
