/**
 * Business metrics as CloudWatch embedded metric format (Powertools Metrics): one namespace, the
 * service as the only dimension, flushed once per invocation by the `logMetrics` middleware
 * (shared/http/handler.ts) or by the stream consumers. Values are counts and timings only; no
 * metric carries a dimension that could name a person.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';
import {
  type BusinessEvent,
  type BusinessTiming,
  metricsNamespace,
  rateLimitedMetric,
  serviceName,
} from './metric-names.ts';

export type { BusinessEvent, BusinessTiming } from './metric-names.ts';

// Most requests count no business event; that is normal, not worth a warning line per request.
const quietWhenEmpty = (message: unknown, ...rest: unknown[]) => {
  if (typeof message === 'string' && message.startsWith('No application metrics to publish')) return;
  logger.warn(String(message), ...(rest as []));
};

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? metricsNamespace,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName,
  logger: {
    debug: (...args) => logger.debug(String(args[0])),
    info: (...args) => logger.info(String(args[0])),
    warn: quietWhenEmpty,
    error: (...args) => logger.error(String(args[0])),
  },
});

/** Counts a business event (`count` of them: a call opening queues many mails at once). */
export function countEvent(event: BusinessEvent, count = 1): void {
  if (count > 0) metrics.addMetric(event, MetricUnit.Count, count);
}

export function recordTiming(timing: BusinessTiming, milliseconds: number): void {
  metrics.addMetric(timing, MetricUnit.Milliseconds, milliseconds);
}

/** A request answered 429 (a per-address limit or DynamoDB throttling). */
export function countRateLimited(): void {
  metrics.addMetric(rateLimitedMetric, MetricUnit.Count, 1);
}
