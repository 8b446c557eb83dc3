import { Aws, CfnOutput, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { serviceName } from '#shared/metric-names';
import { routes, scheduledJobs, streamConsumers } from '#shared/routes';
import { RegistryAlarms } from './constructs/alarms.ts';
import { RegistryApi } from './constructs/api.ts';
import { StaffAuth } from './constructs/auth.ts';
import { RegistryDashboard } from './constructs/dashboard.ts';
import { EdgeWebAcl } from './constructs/edge-web-acl.ts';
import { MailPipeline } from './constructs/mail.ts';
import type { RegistryEnvironment } from './constructs/registry-function.ts';
import { ScheduledJobs } from './constructs/schedules.ts';
import { SearchSnapshots } from './constructs/search-snapshots.ts';
import { Site } from './constructs/site.ts';
import { RegistryTable } from './constructs/table.ts';

export interface RegistryStackProps extends StackProps {
  /** The built web app. @default <repo>/web/dist */
  webDistPath?: string;
}

/** Deployment settings, from CDK context (`cdk deploy -c dev=true -c province=kon-tum`). */
export interface RegistrySettings {
  /** A throwaway stack: nothing is retained or deletion-protected. */
  dev: boolean;
  provinceId: string;
  mailFrom: string;
  alarmEmail?: string;
}

export function readSettings(scope: Construct): RegistrySettings {
  const context = (key: string): unknown => scope.node.tryGetContext(key);
  const alarmEmail = context('alarmEmail');
  return {
    dev: context('dev') === true || context('dev') === 'true',
    provinceId: String(context('province') ?? 'quang-ngai'),
    mailFrom: String(context('mailFrom') ?? 'no-reply@talent.quangngai.gov.vn'),
    alarmEmail: typeof alarmEmail === 'string' && alarmEmail !== '' ? alarmEmail : undefined,
  };
}

/**
 * The whole Talent Registry: table, staff auth, the API with one function per route group, the mail
 * pipeline (stream consumers), scheduled jobs, the site and the alarms.
 */
export class RegistryStack extends Stack {
  constructor(scope: Construct, id: string, props: RegistryStackProps = {}) {
    super(scope, id, props);
    const settings = readSettings(this);
    const removalPolicy = settings.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    const { table } = new RegistryTable(this, 'Registry', { removalPolicy });
    const auth = new StaffAuth(this, 'StaffAuth', { removalPolicy });

    // API first, routes later: the site needs the API, and every function needs the site's URL.
    // (Functions → distribution → API is acyclic; the distribution never depends on a route.)
    const api = new RegistryApi(this, 'Api', {
      userPool: auth.userPool,
      userPoolClient: auth.webClient,
      removalPolicy,
    });
    // Only CloudFront knows this value (it is this stack's id, which nothing publishes): it sends it
    // to the API on every request, and the functions refuse requests that reach the execute-api
    // endpoint without it. (Disabling that endpoint needs a custom domain for the API origin.)
    const originVerifySecret = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    const site = new Site(this, 'Site', {
      originVerifySecret,
      httpApi: api.httpApi,
      removalPolicy,
      webDistPath: props.webDistPath,
      webAclArn: new EdgeWebAcl(this, 'EdgeWebAcl', { removalPolicy }).arn,
    });

    const environment: RegistryEnvironment = {
      tableName: table.tableName,
      provinceId: settings.provinceId,
      appUrl: site.url,
      mailFrom: settings.mailFrom,
    };
    // Everything is built from the tables in shared/routes.ts, like the local server.
    api.addRoutes(routes, { table, environment, originVerifySecret });
    const mail = new MailPipeline(this, 'Mail', {
      table,
      consumers: streamConsumers,
      environment,
      removalPolicy,
    });
    const jobs = new ScheduledJobs(this, 'Jobs', { jobs: scheduledJobs, table, environment, removalPolicy });

    // The search read model's snapshot: the builder writes it, the search group reads it.
    const searchSnapshots = new SearchSnapshots(this, 'SearchSnapshots', {
      removalPolicy,
      accessLogsBucket: site.logBucket,
    });
    for (const consumer of streamConsumers.filter((c) => c.writesSearchSnapshot)) {
      const builder = mail.consumers.get(consumer.handler);
      if (builder) searchSnapshots.bind(builder, 'readwrite');
    }
    const searchGroup = api.groupFunctions.get('search');
    if (searchGroup) searchSnapshots.bind(searchGroup, 'read');

    new RegistryAlarms(this, 'Alarms', {
      api: api.httpApi,
      functions: [...api.groupFunctions.values(), ...mail.consumers.values(), ...jobs.functions.values()],
      apiFunctions: [...api.groupFunctions.values()],
      streamConsumers: [...mail.consumers.values()],
      deadLetterQueue: mail.deadLetterQueue,
      mailConfigurationSetName: mail.configurationSet.configurationSetName,
      table,
      alarmEmail: settings.alarmEmail,
      removalPolicy,
    });

    new RegistryDashboard(this, 'Dashboard', {
      api: api.httpApi,
      groupFunctions: api.groupFunctions,
      serviceName,
    });

    new CfnOutput(this, 'SiteUrl', { value: site.url, description: 'The web app and, under /api, the API' });
    new CfnOutput(this, 'ApiUrl', {
      value: api.httpApi.apiEndpoint,
      description: 'The HTTP API itself (browsers use SiteUrl/api)',
    });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
