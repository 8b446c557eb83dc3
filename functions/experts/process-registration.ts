/**
 * Stream consumer of registration requests (POST /api/experts records one and answers): makes
 * the pending registration, or mails the owner of a known address, within its mail allowance.
 */
import { processRegistrationRequest } from '#shared/app/registration';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

export const handler = streamConsumer('experts/process-registration', async (record, _context, consumer) => {
  const requestId = keyAfterPrefix(consumer, record);
  const outcome = await processRegistrationRequest(requestId, new Date());
  logger.info('Registration request handled', { requestId, outcome });
});
