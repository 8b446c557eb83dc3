import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Dashboard, GraphWidget, type IWidget, Metric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { type BusinessEvent, type BusinessTiming, metricsNamespace } from '#shared/metric-names';
import type { RegistryFunction } from './registry-function.ts';

export interface RegistryDashboardProps {
  api: IHttpApi;
  /** The API's function groups, by group name. */
  groupFunctions: ReadonlyMap<string, RegistryFunction>;
  /** The service name the functions' Powertools Metrics use as their dimension. */
  serviceName: string;
}

const period = Duration.minutes(5);

/**
 * What the programme's operators look at: the business events the functions count (Powertools
 * Metrics, shared/metrics.ts), search and matching latency, and the API and function groups.
 */
export class RegistryDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: RegistryDashboardProps) {
    super(scope, id);
    const business = (name: BusinessEvent | BusinessTiming, statistic = 'Sum') =>
      new Metric({
        namespace: metricsNamespace,
        metricName: name,
        dimensionsMap: { service: props.serviceName },
        statistic,
        period,
      });
    const events = (title: string, names: BusinessEvent[]): IWidget =>
      new GraphWidget({ title, width: 8, left: names.map((name) => business(name)) });
    const groups = [...props.groupFunctions.entries()];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new TextWidget({
            markdown:
              '# Talent Registry\nBusiness events counted by the functions (EMF), then the API and its function groups.',
            width: 24,
            height: 2,
          }),
        ],
        [
          events('Registrations and verifications', ['ExpertRegistered', 'ExpertVerified']),
          events('Offers', ['OfferSent', 'OfferAccepted', 'OfferDeclined']),
          events('Mail', ['CallMailsQueued', 'MailSent', 'MailFailed']),
        ],
        [
          new GraphWidget({
            title: 'Search and matching latency (ms)',
            width: 12,
            left: [
              business('SearchLatency', 'p50'),
              business('SearchLatency', 'p90'),
              business('MatchLatency', 'p50'),
              business('MatchLatency', 'p90'),
            ],
          }),
          new GraphWidget({
            title: 'API requests and errors',
            width: 12,
            left: [props.api.metricCount({ period, statistic: 'Sum' })],
            right: [
              props.api.metricClientError({ period, statistic: 'Sum' }),
              props.api.metricServerError({ period, statistic: 'Sum' }),
            ],
          }),
        ],
        [
          new GraphWidget({
            title: 'Function groups: p99 duration (ms)',
            width: 12,
            left: groups.map(([group, fn]) =>
              fn.function.metricDuration({ period, statistic: 'p99', label: group }),
            ),
          }),
          new GraphWidget({
            title: 'Function groups: errors and throttles',
            width: 12,
            left: groups.map(([group, fn]) => fn.function.metricErrors({ period, label: `${group} errors` })),
            right: groups.map(([group, fn]) =>
              fn.function.metricThrottles({ period, label: `${group} throttles` }),
            ),
          }),
        ],
      ],
    });
  }
}
