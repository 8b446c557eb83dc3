/**
 * The outbox: DynamoDB stream records of new mail items → delivery. A mail is claimed before it
 * is sent and marked delivered after, so a redelivered record does not send it twice; a failed
 * record is reported back alone (partial batch response) and retried, then dead-lettered.
 */
import { claimOutboxMail, getOutboxMail, markOutboxMailDelivered } from '#shared/db/outbox';
import { logger } from '#shared/logger';
import { deliverMail } from '#shared/mail/transport';
import { countEvent } from '#shared/metrics';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

export const handler = streamConsumer('outbox/deliver-mail', async (record, _context, consumer) => {
  const mailId = keyAfterPrefix(consumer, record);
  try {
    const now = new Date();
    if (!(await claimOutboxMail(mailId, now))) {
      logger.info('Mail already delivered or being delivered', { mailId });
      return;
    }
    const mail = await getOutboxMail(mailId);
    if (!mail) return;
    const providerMessageId = await deliverMail(mail, now);
    await markOutboxMailDelivered(mailId, new Date(), providerMessageId);
    countEvent('MailSent');
    logger.info('Mail delivered', { mailId });
  } catch (error) {
    countEvent('MailFailed');
    logger.error('Mail delivery failed', { mailId, errorName: (error as Error).name });
    throw error;
  }
});
