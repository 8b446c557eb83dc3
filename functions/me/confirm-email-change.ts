import { confirmEmailChange } from '#shared/app/email-change';
import { emailChangeConfirmSchema } from '#shared/domain/session';
import { httpHandler } from '#shared/http/handler';

export const handler = httpHandler(
  'POST /api/me/email-change/confirm',
  { body: emailChangeConfirmSchema },
  ({ body }) => confirmEmailChange(body.token, new Date()),
);
