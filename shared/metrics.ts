/**
 * Business metrics as CloudWatch embedded metric format (Powertools Metrics): one namespace, the
 * service as the only dimension, flushed once per invocation by the `logMetrics` middleware
 * (shared/http/handler.ts) or by the stream consumers. Values are counts and timings only; no
 * metric carries a dimension that could name a person.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';

// Most requests count no business event; that is normal, not worth a warning line per request.
const quietWhenEmpty = (message: unknown, ...rest: unknown[]) => {
  if (typeof message === 'string' && message.startsWith('No application metrics to publish')) return;
  logger.warn(String(message), ...(rest as []));
};

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'TalentRegistry',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'talent-registry',
  logger: {
    debug: (...args) => logger.debug(String(args[0])),
    info: (...args) => logger.info(String(args[0])),
    warn: quietWhenEmpty,
    error: (...args) => logger.error(String(args[0])),
  },
});

/** The events the programme's operators watch on the dashboard (infra/constructs/dashboard.ts). */
export type BusinessEvent =
  | 'ExpertRegistered'
  | 'ExpertVerified'
  | 'OfferSent'
  | 'OfferAccepted'
  | 'OfferDeclined'
  | 'CallMailsQueued'
  | 'MailSent'
  | 'MailFailed';

export const businessEvents: readonly BusinessEvent[] = [
  'ExpertRegistered',
  'ExpertVerified',
  'OfferSent',
  'OfferAccepted',
  'OfferDeclined',
  'CallMailsQueued',
  'MailSent',
  'MailFailed',
];

/** Counts a business event (`count` of them: a call opening queues many mails at once). */
export function countEvent(event: BusinessEvent, count = 1): void {
  if (count > 0) metrics.addMetric(event, MetricUnit.Count, count);
}

/** Timings the dashboard shows beside the API's own latency (search and matching). */
export type BusinessTiming = 'SearchLatency' | 'MatchLatency';

export function recordTiming(timing: BusinessTiming, milliseconds: number): void {
  metrics.addMetric(timing, MetricUnit.Milliseconds, milliseconds);
}

/** Requests answered 429 (a per-address limit or DynamoDB throttling): alarmed when they spike. */
export const rateLimitedMetric = 'RequestRateLimited';

export function countRateLimited(): void {
  metrics.addMetric(rateLimitedMetric, MetricUnit.Count, 1);
}
