/**
 * The weekly recount: counts the table from scratch, repairs the counters that drifted and logs
 * what differed (EventBridge in AWS; POST /dev/run-scheduled locally; POST /api/stats/recount on
 * demand).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type RecountReport, recountStatistics } from '#shared/app/statistics';
import { contextFor, withPowertools } from '#shared/lambda-context';
import { logger } from '#shared/logger';

const recount = withPowertools(
  middy(async (): Promise<RecountReport> => {
    const report = await recountStatistics(new Date());
    if (report.differences.length || report.busy.length)
      logger.warn('Statistics counters repaired', { ...report });
    return report;
  }),
);

export const handler = (event?: unknown, context?: Context) =>
  recount(event, contextFor('stats-recount-statistics', context));
