import { registerExpert } from '#shared/app/registration';
import { registrationSchema } from '#shared/domain/expert';
import { httpHandler } from '#shared/http/handler';
import { accepted } from '#shared/http/responses';

// The same answer whether or not the address is registered: no account enumeration.
export const handler = httpHandler('POST /api/experts', { body: registrationSchema }, async ({ body }) => {
  await registerExpert(body, new Date());
  return accepted({ status: 'check_email' });
});
