import { openSession } from '#shared/app/sessions';
import { sessionRequestSchema } from '#shared/domain/session';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler('POST /api/me/session', { body: sessionRequestSchema }, ({ body }) =>
  openSession(body.token, new Date()),
);
