/**
 * Deadlines that pass by themselves: sent offers past expiresAt become expired, open calls past
 * openUntil close, open demands past their open-until day close. EventBridge runs this every few minutes in AWS; the local server on a timer
 * and on POST /dev/run-scheduled. Reads also treat a passed deadline as passed, so the sweep
 * only has to make it durable.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type SweepResult, sweepDeadlines } from '#shared/app/deadlines';
import { contextFor, withPowertools } from '#shared/lambda-context';
import { logger } from '#shared/logger';

const sweep = withPowertools(
  middy(async (): Promise<SweepResult> => {
    const swept = await sweepDeadlines(new Date());
    if (swept.expiredOffers || swept.closedCalls || swept.closedDemands)
      logger.info('Deadlines swept', { ...swept });
    return swept;
  }),
);

export const handler = (event?: unknown, context?: Context) =>
  sweep(event, contextFor('maintenance-sweep-deadlines', context));
