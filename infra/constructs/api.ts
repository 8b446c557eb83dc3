import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  concurrencyLimits,
  type FunctionGroup,
  functionGroups,
  groupTableAccess,
  type RouteDefinition,
  routeKey,
} from '#shared/routes';
import { writeGroupEntry } from '../bundling.ts';
import { encryptedLogGroup } from './data-key.ts';
import type { RegistryFiles } from './files-bucket.ts';
import { constructIdFor, type RegistryEnvironment, RegistryFunction } from './registry-function.ts';

export interface RegistryApiProps {
  /** Staff tokens come from this pool (and the client given to addRoutes); the JWT authorizer accepts nothing else. */
  userPool: UserPool;
  /** For the access-log group and every route function's log group. */
  removalPolicy: RemovalPolicy;
}

export interface RouteFunctionsProps {
  table: ITable;
  environment: RegistryEnvironment;
  /** The value CloudFront sends as `x-origin-verify` (shared/http/origin.ts). */
  originVerifySecret: string;
  /** The web app's client: the audience of the staff ID tokens (it needs the site's URL, so comes late). */
  staffClient: IUserPoolClient;
  /** The uploads-and-exports bucket, for the groups whose settings ask for `files`. */
  files?: RegistryFiles;
}

/** Access levels that API Gateway checks itself with the staff JWT authorizer. */
const staffAccess = new Set<RouteDefinition['access']>(['hr', 'admin']);

/** Why the routes without an API Gateway authorizer are meant to have none. */
const unauthorizedRouteReasons: Partial<Record<RouteDefinition['access'], string>> = {
  public:
    'Public by contract (API.md "Public": health, meta, self-registration, login links, the opt-in ' +
    'directory): anyone may call it; stage throttling and per-address limits in the handler curb abuse.',
  expert:
    'Expert route: the handler verifies the opaque session token issued by POST /api/me/session ' +
    '(API.md "Expert"); it is not a JWT, so API Gateway\'s JWT authorizer cannot check it.',
};

/**
 * The HTTP API behind CloudFront's `/api/*`. The API itself is created first, without routes, so
 * that the site (and with it the APP_URL every function needs) can be built from it; the routes
 * and their functions are then added from the route table with `addRoutes`.
 */
export class RegistryApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The function that serves each route, by route key (`GET /api/health`). */
  readonly routeFunctions = new Map<string, RegistryFunction>();
  /** One function per function group (shared/routes.ts `functionGroups`). */
  readonly groupFunctions = new Map<FunctionGroup, RegistryFunction>();
  private readonly userPool: UserPool;
  private readonly removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: RegistryApiProps) {
    super(scope, id);
    this.removalPolicy = props.removalPolicy;
    this.userPool = props.userPool;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Talent Registry API (served to browsers through CloudFront under /api)',
      // Our own $default stage below carries throttling and access logs.
      createDefaultStage: false,
    });

    // Kept a year (the province's retention for access logs), encrypted with the data key.
    const accessLogs = encryptedLogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: props.removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { burstLimit: 100, rateLimit: 50 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // The route key, never the raw path or query string: no token or id a caller puts in a URL is logged.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            requestTime: '$context.requestTime',
            ip: AccessLogField.contextIdentitySourceIp(),
            routeKey: '$context.routeKey',
            status: AccessLogField.contextStatus(),
            latency: AccessLogField.contextResponseLatency(),
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  /**
   * One function and one integration per function group, and one API Gateway route per entry of
   * the route table, so API Gateway still matches every route and runs the JWT authorizer on the
   * staff ones before any code runs; the group's function dispatches on the route key.
   */
  addRoutes(routes: readonly RouteDefinition[], props: RouteFunctionsProps): void {
    // The staff ID token of the user pool, issued to the web client (issuer and audience).
    const staffAuthorizer = new HttpJwtAuthorizer('StaffJwt', this.userPool.userPoolProviderUrl, {
      jwtAudience: [props.staffClient.userPoolClientId],
    });
    const groups = [...new Set(routes.map((route) => route.group))];
    for (const group of groups) {
      const settings = functionGroups[group];
      const id = groupConstructId(group);
      const groupFunction = new RegistryFunction(this, id, {
        entry: writeGroupEntry(group),
        description: `${settings.description} (function group "${group}")`,
        memorySize: settings.memoryMb,
        environment: props.environment,
        removalPolicy: this.removalPolicy,
        reservedConcurrency: concurrencyLimits.routeGroups[group] ?? concurrencyLimits.routeGroupDefault,
        noDeadLetterQueueBecause:
          'Invoked only synchronously, by API Gateway: a failure is the HTTP response the caller gets ' +
          '(and the Errors alarm); a dead-letter queue receives only asynchronous invocations.',
      });
      groupFunction.function.addEnvironment('ORIGIN_VERIFY_SECRET', props.originVerifySecret);
      const access = groupTableAccess(group);
      if (access !== 'none') {
        groupFunction.bindTable(props.table, { access, writesAudit: settings.writesAudit ?? false });
      }
      if (settings.files) {
        if (!props.files) throw new Error(`Function group "${group}" needs the files bucket`);
        props.files.grant(groupFunction, settings.files);
      }
      // One integration and one API-scoped permission for the whole group, not one per route.
      const integration = new HttpLambdaIntegration(`${id}Integration`, groupFunction.function, {
        scopePermissionToRoute: false,
      });

      for (const route of routes.filter((r) => r.group === group)) {
        const key = routeKey(route);
        const httpRoute = new HttpRoute(this, `Route${constructIdFor(route.handler)}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
          authorizer: staffAccess.has(route.access) ? staffAuthorizer : undefined,
        });
        const reason = unauthorizedRouteReasons[route.access];
        if (reason) {
          Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason });
        }
        if (route.throttle) this.throttleRoute(key, route.throttle);
        this.routeFunctions.set(key, groupFunction);
      }
      this.groupFunctions.set(group, groupFunction);
    }
  }

  /** A route's own throttle on the stage (the HTTP API L2 construct sets only the default). */
  private throttleRoute(key: string, throttle: { rateLimit: number; burstLimit: number }): void {
    const stage = this.stage.node.defaultChild as CfnStage;
    // RouteSettings is a JSON map in CloudFormation: its keys are written as CloudFormation spells them.
    const current = (stage.routeSettings ?? {}) as Record<string, unknown>;
    stage.routeSettings = {
      ...current,
      [key]: { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit },
    };
  }
}

/** `demands` → `GroupDemands`: the construct id of a function group. */
export const groupConstructId = (group: FunctionGroup): string =>
  `Group${group[0].toUpperCase()}${group.slice(1)}`;
