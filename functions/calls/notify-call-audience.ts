/**
 * Stream consumer of new CALLJOB# items (written when a call opens): pages through the call's
 * opted-in audience into the outbox. A run that is short of time fails its record, so the retry
 * resumes from the job's recorded cursor; a duplicated record finds the job done.
 */
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { runCallNotificationJob } from '#shared/app/call-notifications';
import { logger } from '#shared/logger';

const reserveMs = 15_000;

export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  const shouldStop = () => !!context && context.getRemainingTimeInMillis() < reserveMs;
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.PK?.S ?? '';
    if (record.eventName !== 'INSERT' || !pk.startsWith('CALLJOB#')) continue;
    const callId = pk.slice('CALLJOB#'.length);
    try {
      const progress = await runCallNotificationJob(callId, new Date(), { shouldStop });
      logger.info('Call notification job ran', { callId, ...progress });
      if (progress && !progress.done) throw new Error('Out of time; the retry resumes from the cursor');
    } catch (error) {
      logger.error('Call notification job failed', { callId, errorName: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}
