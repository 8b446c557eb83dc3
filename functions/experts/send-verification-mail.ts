/**
 * Stream consumer of new e-mail keys: a registration committed, so its verification link is
 * mailed (through the outbox). Keys written already verified (demo seed, imports) carry no
 * pending registration and are skipped without a read.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mailVerificationLink } from '#shared/app/registration';
import { logger } from '#shared/logger';

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.PK?.S ?? '';
    if (record.eventName !== 'INSERT' || !pk.startsWith('EMAIL#') || !record.dynamodb?.NewImage?.pending)
      continue;
    const expertId = record.dynamodb.NewImage.expertId?.S;
    try {
      const mailed = await mailVerificationLink(pk.slice('EMAIL#'.length), new Date());
      logger.info(mailed ? 'Verification mail queued' : 'Nothing to verify', { expertId });
    } catch (error) {
      logger.error('Verification mail failed', { expertId, errorName: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}
