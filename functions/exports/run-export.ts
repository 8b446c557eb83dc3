/**
 * Stream consumer of new EXPORT# items: writes the export's file and marks it done with its
 * audit event. A failure marks the export failed (the officer asks again) rather than retrying a
 * large read over and over.
 */
import { failExport, runExport } from '#shared/app/exports';
import { logger } from '#shared/logger';
import { keyAfterPrefix, streamConsumer } from '#shared/stream-consumer';

export const handler = streamConsumer('exports/run-export', async (record, _context, consumer) => {
  const exportId = keyAfterPrefix(consumer, record);
  try {
    const status = await runExport(exportId, new Date());
    logger.info('Export ran', { exportId, status });
  } catch (error) {
    logger.error('Export failed', { exportId, errorName: (error as Error).name });
    await failExport(exportId, new Date());
  }
});
