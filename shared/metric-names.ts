/**
 * The names the functions' metrics are published under, in one pure module: the functions
 * (shared/metrics.ts) write them and the stack (dashboard, alarms) reads them, so the two cannot
 * drift, and the stack need not load Powertools to know them.
 */

/** Powertools' service name: the `service` dimension of every metric and a field of every log line. */
export const serviceName = 'talent-registry';

/** The CloudWatch namespace of the business metrics. */
export const metricsNamespace = 'TalentRegistry';

/** The events the programme's operators watch on the dashboard (infra/constructs/dashboard.ts). */
export const businessEvents = [
  'ExpertRegistered',
  'ExpertVerified',
  'OfferSent',
  'OfferAccepted',
  'OfferDeclined',
  'CallMailsQueued',
  'MailSent',
  'MailFailed',
] as const;

export type BusinessEvent = (typeof businessEvents)[number];

/** Timings the dashboard shows beside the API's own latency (search and matching). */
export type BusinessTiming = 'SearchLatency' | 'MatchLatency';

/** Requests answered 429 (a per-address limit or DynamoDB throttling): alarmed when they spike. */
export const rateLimitedMetric = 'RequestRateLimited';
