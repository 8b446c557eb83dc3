/**
 * The outbox: DynamoDB stream records of new mail items → delivery. A mail is claimed before it
 * is sent and marked delivered after, so a redelivered record does not send it twice; a failed
 * record is reported back alone (partial batch response) and retried, then dead-lettered.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { claimOutboxMail, getOutboxMail, markOutboxMailDelivered } from '#shared/db/outbox';
import { logger } from '#shared/logger';
import { deliverMail } from '#shared/mail/transport';

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.PK?.S ?? '';
    if (record.eventName !== 'INSERT' || !pk.startsWith('OUTBOX#')) continue;
    const mailId = pk.slice('OUTBOX#'.length);
    try {
      const now = new Date();
      if (!(await claimOutboxMail(mailId, now))) {
        logger.info('Mail already delivered or being delivered', { mailId });
        continue;
      }
      const mail = await getOutboxMail(mailId);
      if (!mail) continue;
      const providerMessageId = await deliverMail(mail, now);
      await markOutboxMailDelivered(mailId, new Date(), providerMessageId);
      logger.info('Mail delivered', { mailId });
    } catch (error) {
      logger.error('Mail delivery failed', { mailId, errorName: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}
