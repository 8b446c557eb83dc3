import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricsNamespace, rateLimitedMetric, serviceName } from '#shared/metric-names';
import { mailConfigurationSetDimension } from './mail.ts';
import type { RegistryFunction } from './registry-function.ts';

export interface RegistryAlarmsProps {
  api: IHttpApi;
  /** Every function of the stack: routes, stream consumers, scheduled jobs. */
  functions: readonly RegistryFunction[];
  /** The API's function groups: each gets a latency alarm beside its error alarm. */
  apiFunctions: readonly RegistryFunction[];
  /** The table stream's consumers; a backlog there delays login links and verification mail. */
  streamConsumers: readonly RegistryFunction[];
  deadLetterQueue: IQueue;
  /** The scheduled jobs' dead-letter queue (failed or undeliverable runs). */
  jobsDeadLetterQueue: IQueue;
  table: ITable;
  /** The SES configuration set the outbox sends with: its bounces and complaints are alarmed. */
  mailConfigurationSetName: string;
  /**
   * The registry stack's data key (`dataKey(stack)`), which encrypts the topic; passed in because
   * the alarms live in a nested stack, where `dataKey(this)` would make a second key.
   */
  topicKey: IKey;
  /** Subscribed to the alarm topic when given (context `alarmEmail`). */
  alarmEmail?: string;
  removalPolicy: RemovalPolicy;
}

const period = Duration.minutes(5);
const latencyThreshold = Duration.seconds(3);

/**
 * What an operator must hear about: the API failing, a function failing, mail stuck, the table
 * throttling. Every alarm notifies one encrypted SNS topic.
 */
export class RegistryAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: RegistryAlarmsProps) {
    super(scope, id);

    // The registry's customer-managed data key, because CloudWatch cannot publish to a topic encrypted
    // with the AWS managed aws/sns key; the data key's policy lets CloudWatch of this account use it.
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Talent Registry alarms',
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.alarm('Api5xx', {
      metric: props.api.metricServerError({ period, statistic: 'Sum' }),
      description:
        'The API answered 5xx; the contract allows none for bad input, so this is a bug or an outage.',
    });

    // Abuse or a broken client: many refused requests, or many answered 429.
    this.alarm('Api4xxSpike', {
      metric: props.api.metricClientError({ period, statistic: 'Sum' }),
      threshold: 500,
      description: 'Over 500 client errors in 5 minutes: a scan, a flood, or a broken client release.',
    });
    this.alarm('RateLimitedSpike', {
      metric: new Metric({
        namespace: metricsNamespace,
        metricName: rateLimitedMetric,
        dimensionsMap: { service: serviceName },
        statistic: 'Sum',
        period,
      }),
      threshold: 50,
      description: 'Over 50 requests answered 429 in 5 minutes (per-address limits or DynamoDB throttling).',
    });
    const ses = (metricName: 'Bounce' | 'Complaint') =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { [mailConfigurationSetDimension]: props.mailConfigurationSetName },
        statistic: 'Sum',
        period: Duration.hours(1),
      });
    this.alarm('MailBounces', {
      metric: ses('Bounce'),
      threshold: 20,
      description: 'Over 20 mails bounced in an hour: bad addresses in the register, or mail to strangers.',
    });
    this.alarm('MailComplaints', {
      metric: ses('Complaint'),
      description: 'A recipient marked a registry mail as spam: SES may suspend sending if this goes on.',
    });

    for (const registryFunction of props.functions) {
      this.alarm(`${registryFunction.node.id}Errors`, {
        metric: registryFunction.function.metricErrors({ period, statistic: 'Sum' }),
        description: `${registryFunction.function.node.path} threw or timed out.`,
      });
    }

    // Per function group rather than per route: two alarms a route would cost 2 resources each of
    // CloudFormation's 500. The access log names the route (routeKey) when an alarm fires.
    for (const groupFunction of props.apiFunctions) {
      this.alarm(`${groupFunction.node.id}Latency`, {
        metric: groupFunction.function.metricDuration({ period, statistic: 'p99' }),
        threshold: latencyThreshold.toMilliseconds(),
        evaluationPeriods: 2,
        description:
          `${groupFunction.node.id}: the slowest 1 % of requests took over ${latencyThreshold.toSeconds()} s ` +
          'for 10 minutes (the function times out at 10 s).',
      });
    }

    this.alarm('StreamDeadLetters', {
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period,
        statistic: 'Maximum',
      }),
      description:
        'Mail items failed every delivery attempt; the queue holds their stream positions for replay.',
    });

    for (const consumer of props.streamConsumers) {
      this.alarm(`${consumer.node.id}Backlog`, {
        metric: consumer.function.metric('IteratorAge', { period, statistic: 'Maximum' }),
        threshold: Duration.minutes(15).toMilliseconds(),
        description: `${consumer.node.id} lags more than 15 minutes behind the table stream; mail goes out late.`,
      });
    }

    // --- Operations (issue 14): throttled functions and failed scheduled runs. ---
    this.alarm('JobDeadLetters', {
      metric: props.jobsDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period,
        statistic: 'Maximum',
      }),
      description: 'A scheduled job failed or could not be invoked; the queue holds the event.',
    });
    // One alarm per ten functions (a metric-math alarm takes at most 10 metrics): a function at its
    // reserved concurrency refuses invocations. Its name is in the dashboard's per-function view.
    const throttled = props.functions.map((f) => f.function.metricThrottles({ period, statistic: 'Sum' }));
    for (let start = 0; start < throttled.length; start += 10) {
      const chunk = throttled.slice(start, start + 10);
      const names = props.functions.slice(start, start + 10).map((f) => f.node.id);
      this.alarm(`FunctionThrottles${start / 10 + 1}`, {
        metric: new MathExpression({
          expression: chunk.map((_, i) => `t${i}`).join(' + '),
          label: 'Throttled invocations',
          period,
          usingMetrics: Object.fromEntries(chunk.map((metric, i) => [`t${i}`, metric])),
        }),
        description:
          `Lambda throttled invocations of ${names.join(', ')}: a function is at its reserved ` +
          'concurrency (shared/routes.ts concurrencyLimits); a flood, or a limit to raise.',
      });
    }

    this.alarm('TableThrottles', {
      metric: new MathExpression({
        expression: 'reads + writes',
        label: 'Throttle events',
        period,
        usingMetrics: {
          reads: props.table.metric('ReadThrottleEvents', { period, statistic: 'Sum' }),
          writes: props.table.metric('WriteThrottleEvents', { period, statistic: 'Sum' }),
        },
      }),
      description: 'DynamoDB throttled requests to the registry table.',
    });
  }

  private alarm(
    id: string,
    options: { metric: IMetric; description: string; threshold?: number; evaluationPeriods?: number },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric: options.metric,
      alarmDescription: options.description,
      threshold: options.threshold ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
