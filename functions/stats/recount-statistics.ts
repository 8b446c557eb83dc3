/**
 * The recount job: counts the table from scratch page by page, checkpointing as it goes, repairs
 * the counters that drifted and records what differed in the job item. Run weekly (EventBridge;
 * POST /dev/run-scheduled locally) and on demand (POST /api/stats/recount invokes it
 * asynchronously with `{recountJobId}`); a run that died is resumed by the next one.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type RecountOutcome, runRecountJob } from '#shared/app/recount';
import { contextFor, withPowertools } from '#shared/lambda-context';
import { logger } from '#shared/logger';

const recount = withPowertools(
  middy(async (event: { recountJobId?: unknown } | undefined, context: Context): Promise<RecountOutcome> => {
    const outcome = await runRecountJob(event ?? undefined, () => context.getRemainingTimeInMillis());
    logger.info('Statistics recount', { ...outcome });
    return outcome;
  }),
);

export const handler = (event?: { recountJobId?: unknown }, context?: Context) =>
  recount(event, contextFor('stats-recount-statistics', context));
