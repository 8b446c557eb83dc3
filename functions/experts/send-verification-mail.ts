/**
 * Stream consumer of new e-mail keys: a registration committed, so its verification link is
 * mailed (through the outbox). Keys written already verified (demo seed, imports) carry no
 * pending registration and are skipped without a read.
 */
import { mailVerificationLink } from '#shared/app/registration';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

export const handler = streamConsumer(
  'experts/send-verification-mail',
  async (record, _context, consumer) => {
    if (!record.dynamodb?.NewImage?.pending) return;
    const expertId = record.dynamodb.NewImage.expertId?.S;
    try {
      const mailed = await mailVerificationLink(keyAfterPrefix(consumer, record), new Date());
      logger.info(mailed ? 'Verification mail queued' : 'Nothing to verify', { expertId });
    } catch (error) {
      logger.error('Verification mail failed', { expertId, errorName: (error as Error).name });
      throw error;
    }
  },
);
