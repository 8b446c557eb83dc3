import { openSession } from '#shared/app/sessions';
import { Unauthenticated } from '#shared/domain/errors';
import { sessionRequestSchema } from '#shared/domain/session';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'POST /api/me/session',
  { body: sessionRequestSchema },
  async ({ body }) => {
    const session = await openSession(body.token, new Date());
    if (!session) throw new Unauthenticated('This link is invalid, used or expired; ask for a new one');
    return session;
  },
);
