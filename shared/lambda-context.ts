/**
 * Powertools around every Lambda entry point: the logger's context (request id, function name and
 * cold start in every log line), the tracer's handler subsegment (when the tracer is loaded,
 * shared/tracing.ts) and the metrics flush (with a ColdStart metric). HTTP routes add them in shared/http/handler.ts, stream consumers in
 * shared/stream-consumer.ts, scheduled jobs with `observed`.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';
import { metrics } from './metrics.ts';
import { handlerTracing } from './tracing.ts';

// biome-ignore lint/suspicious/noExplicitAny: middy's middleware type is generic over any event.
type AnyMiddy = middy.MiddyfiedHandler<any, any, Error, Context>;

/** Set on the first invocation this process serves, whichever bundle's handler it reaches. */
const invokedBefore = Symbol.for('talent-registry.invoked-before');

/**
 * Powertools keeps the cold-start flag in each Logger and Metrics instance. A function group bundles
 * each route on its own (infra/bundling.ts), so a warm instance holds one logger and one metrics
 * object per route it has served: the first request of a second route must not count as a cold start.
 * The flag is kept for the process here; a route that is not the first to be invoked spends its
 * instances' flags before their middlewares read them.
 */
const coldStartOncePerProcess = {
  before: () => {
    const process = globalThis as { [invokedBefore]?: true };
    if (process[invokedBefore]) for (const utility of [logger, metrics]) spendColdStart(utility);
    process[invokedBefore] = true;
  },
};

/** Powertools' `getColdStart()` (protected in its types, what its own middlewares call): true once, then false. */
const spendColdStart = (utility: object) => (utility as { getColdStart(): boolean }).getColdStart();

export function withPowertools<H extends AnyMiddy>(stack: H): H {
  stack.use(coldStartOncePerProcess);
  stack.use(injectLambdaContext(logger, { resetKeys: true }));
  const tracing = handlerTracing();
  if (tracing) stack.use(tracing);
  return stack.use(logMetrics(metrics, { captureColdStartMetric: true })) as H;
}

/**
 * Lambda always passes a context; a direct call (a test, the local server) may not, and gets this
 * stand-in so the logger and tracer have something to read, with `timeoutMs` left to run.
 */
export function contextFor(functionName: string, context?: Context, timeoutMs = 15 * 60 * 1000): Context {
  if (context) return context;
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
