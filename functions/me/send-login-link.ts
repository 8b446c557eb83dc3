/**
 * Stream consumer of login-link requests (POST /api/me/login-link records one and answers): mails
 * the link if the address is registered, nothing otherwise.
 */
import { processLoginRequest } from '#shared/app/sessions';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

export const handler = streamConsumer('me/send-login-link', async (record, _context, consumer) => {
  const requestId = keyAfterPrefix(consumer, record);
  const emailHash = record.dynamodb?.NewImage?.emailHash?.S;
  if (!emailHash) return;
  const returnTo = record.dynamodb?.NewImage?.returnTo?.S;
  const mailed = await processLoginRequest(requestId, emailHash, new Date(), returnTo);
  logger.info(mailed ? 'Login link queued' : 'No login link to queue', { requestId });
});
