/**
 * The outbox: DynamoDB stream records of new mail items → delivery (shared/app/outbox.ts). A
 * duplicated record does not send its mail twice; a failed send is reported back alone (partial
 * batch response) and retried, then dead-lettered.
 */
import { deliverOutboxMail } from '#shared/app/outbox';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

export const handler = streamConsumer('outbox/deliver-mail', async (record, _context, consumer) => {
  const mailId = keyAfterPrefix(consumer, record);
  try {
    const outcome = await deliverOutboxMail(mailId);
    logger.info(outcome === 'sent' ? 'Mail delivered' : 'Nothing to deliver', { mailId, outcome });
  } catch (error) {
    logger.error('Mail delivery failed', { mailId, errorName: (error as Error).name });
    throw error;
  }
});
