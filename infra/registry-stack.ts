import { Aws, CfnOutput, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { registryMeta } from '#shared/domain/meta';
import { serviceName } from '#shared/metric-names';
import { routes, scheduledJobs, streamConsumers } from '#shared/routes';
import { RegistryApi } from './constructs/api.ts';
import { StaffAuth } from './constructs/auth.ts';
import { TableBackups } from './constructs/backups.ts';
import { dataKey } from './constructs/data-key.ts';
import { EdgeWebAcl } from './constructs/edge-web-acl.ts';
import { RegistryFiles } from './constructs/files-bucket.ts';
import { MailPipeline } from './constructs/mail.ts';
import { OperationsStack } from './constructs/operations-stack.ts';
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
  /** A second region that every backup is copied to (`-c backupCopyRegion=ap-northeast-1`). */
  backupCopyRegion?: string;
  /** Cognito managed login's domain prefix (`-c authDomainPrefix=`); globally unique per region. */
  authDomainPrefix: string;
  /** The site's own domain, if any (`-c siteDomain=talent.example.gov.vn`): staff sign-in redirects there too. */
  siteDomain?: string;
}

export function readSettings(scope: Construct): RegistrySettings {
  const context = (key: string): unknown => scope.node.tryGetContext(key);
  const alarmEmail = context('alarmEmail');
  return {
    dev: context('dev') === true || context('dev') === 'true',
    provinceId: String(context('province') ?? 'quang-ngai'),
    mailFrom: String(context('mailFrom') ?? 'no-reply@talent.quangngai.gov.vn'),
    alarmEmail: typeof alarmEmail === 'string' && alarmEmail !== '' ? alarmEmail : undefined,
    backupCopyRegion: nonEmpty(context('backupCopyRegion')),
    authDomainPrefix: String(context('authDomainPrefix') ?? `talent-registry-${Aws.ACCOUNT_ID}`),
    siteDomain: nonEmpty(context('siteDomain')),
  };
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

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
    new TableBackups(this, 'Backups', { table, dev: settings.dev, copyRegion: settings.backupCopyRegion });
    const auth = new StaffAuth(this, 'StaffAuth', { removalPolicy, domainPrefix: settings.authDomainPrefix });

    // API first, routes later: the site needs the API, and every function needs the site's URL.
    // (Functions → distribution → API is acyclic; the distribution never depends on a route.)
    const api = new RegistryApi(this, 'Api', { userPool: auth.userPool, removalPolicy });
    // Only CloudFront knows this value (it is this stack's id, which nothing publishes): it sends it
    // to the API on every request, and the functions refuse requests that reach the execute-api
    // endpoint without it. (Disabling that endpoint needs a custom domain for the API origin.)
    const originVerifySecret = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    const site = new Site(this, 'Site', {
      originVerifySecret,
      httpApi: api.httpApi,
      removalPolicy,
      webAclArn: new EdgeWebAcl(this, 'EdgeWebAcl', { removalPolicy }).arn,
    });

    // Staff sign in on Cognito's managed login and come back to the site (its CloudFront domain
    // and, if set, its own domain); the web app reads the issuer and client from GET /api/meta.
    const siteUrls = [site.url, ...(settings.siteDomain ? [`https://${settings.siteDomain}`] : [])];
    const webClient = auth.addWebClient(siteUrls);

    const environment: RegistryEnvironment = {
      tableName: table.tableName,
      provinceId: settings.provinceId,
      appUrl: site.url,
      mailFrom: settings.mailFrom,
    };
    // Everything is built from the tables in shared/routes.ts, like the local server.
    const files = new RegistryFiles(this, 'Files', {
      accessLogsBucket: site.logBucket,
      siteUrl: site.url,
      removalPolicy,
    });
    api.addRoutes(routes, { table, environment, originVerifySecret, staffClient: webClient, files });
    const staffSignIn = {
      issuer: auth.userPool.userPoolProviderUrl,
      clientId: webClient.userPoolClientId,
      scopes: 'openid email profile',
      signOutUrl: auth.signOutUrl(webClient, siteUrls[siteUrls.length - 1]),
    };
    const meta = api.groupFunctions.get('meta')?.function;
    meta?.addEnvironment('STAFF_OIDC_ISSUER', staffSignIn.issuer);
    meta?.addEnvironment('STAFF_OIDC_CLIENT_ID', staffSignIn.clientId);
    meta?.addEnvironment('STAFF_OIDC_SCOPES', staffSignIn.scopes);
    meta?.addEnvironment('STAFF_OIDC_SIGN_OUT_URL', staffSignIn.signOutUrl);
    // The app shell carries what GET /api/meta answers, so the first page needs no API round trip.
    site.deployWebApp({
      meta: { ...registryMeta(settings.provinceId), staffSignIn },
      webDistPath: props.webDistPath,
    });
    // Staff administration calls Cognito's admin API on the staff pool, and only that group does.
    const staffGroup = api.groupFunctions.get('staff')?.function;
    if (staffGroup) auth.grantStaffAdministration(staffGroup);
    const mail = new MailPipeline(this, 'Mail', {
      table,
      consumers: streamConsumers,
      environment,
      removalPolicy,
      files,
    });
    const jobs = new ScheduledJobs(this, 'Jobs', { jobs: scheduledJobs, table, environment, removalPolicy });
    // A job a route group starts on demand (the recount): that group may invoke that one function.
    for (const job of scheduledJobs) {
      const starter = job.startedOnDemandBy && api.groupFunctions.get(job.startedOnDemandBy.group);
      const target = jobs.functions.get(job.handler)?.function;
      if (!job.startedOnDemandBy || !starter || !target) continue;
      starter.function.addEnvironment(job.startedOnDemandBy.environment, target.functionName);
      starter.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
      );
    }

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

    // Alarms and dashboard in a nested stack: the main stack keeps its resources for routes.
    new OperationsStack(this, 'Operations', {
      alarms: {
        api: api.httpApi,
        functions: [...api.groupFunctions.values(), ...mail.consumers.values(), ...jobs.functions.values()],
        apiFunctions: [...api.groupFunctions.values()],
        streamConsumers: [...mail.consumers.values()],
        deadLetterQueue: mail.deadLetterQueue,
        jobsDeadLetterQueue: jobs.deadLetterQueue,
        mailConfigurationSetName: mail.configurationSet.configurationSetName,
        table,
        topicKey: dataKey(this),
        alarmEmail: settings.alarmEmail,
        removalPolicy,
      },
      dashboard: { api: api.httpApi, groupFunctions: api.groupFunctions, serviceName },
    });

    new CfnOutput(this, 'SiteUrl', { value: site.url, description: 'The web app and, under /api, the API' });
    new CfnOutput(this, 'ApiUrl', {
      value: api.httpApi.apiEndpoint,
      description: 'The HTTP API itself (browsers use SiteUrl/api)',
    });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: webClient.userPoolClientId });
    new CfnOutput(this, 'StaffSignInUrl', {
      value: auth.domain.baseUrl(),
      description: "Cognito's managed login for staff",
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
