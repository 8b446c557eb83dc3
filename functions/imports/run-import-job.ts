/**
 * Stream consumer of new IMPORTJOB# items (written when an import enters a phase): runs the dry
 * run, the commit or the deletion of its entries. A commit short of time fails its record, so the
 * retry resumes from the import's checkpoint; a duplicated record finds nothing left to do.
 */
import { importJobOfKey, runImportJob } from '#shared/app/imports';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

const reserveMs = 30_000;

export const handler = streamConsumer('imports/run-import-job', async (record, context, consumer) => {
  const job = importJobOfKey(keyAfterPrefix(consumer, record));
  if (!job) return;
  const shouldStop = () => context.getRemainingTimeInMillis() < reserveMs;
  try {
    const result = await runImportJob(job.importId, job.phase, job.n, new Date(), { shouldStop });
    logger.info('Import job ran', { importId: job.importId, phase: job.phase, ...result });
    if (!result.finished) throw new Error('Out of time; the retry resumes from the checkpoint');
  } catch (error) {
    logger.error('Import job failed', {
      importId: job.importId,
      phase: job.phase,
      errorName: (error as Error).name,
    });
    throw error;
  }
});
