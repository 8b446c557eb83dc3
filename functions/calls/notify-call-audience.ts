/**
 * Stream consumer of new CALLJOB# items (written when a call opens): pages through the call's
 * opted-in audience into the outbox. A run that is short of time fails its record, so the retry
 * resumes from the job's recorded cursor; a duplicated record finds the job done.
 */
import { runCallNotificationJob } from '#shared/app/call-notifications';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

const reserveMs = 15_000;

export const handler = streamConsumer('calls/notify-call-audience', async (record, context, consumer) => {
  const callId = keyAfterPrefix(consumer, record);
  const shouldStop = () => context.getRemainingTimeInMillis() < reserveMs;
  try {
    const progress = await runCallNotificationJob(callId, new Date(), { shouldStop });
    logger.info('Call notification job ran', { callId, ...progress });
    if (progress && !progress.done) throw new Error('Out of time; the retry resumes from the cursor');
  } catch (error) {
    logger.error('Call notification job failed', { callId, errorName: (error as Error).name });
    throw error;
  }
});
