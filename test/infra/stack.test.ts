import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RootConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessEvents } from '#shared/metric-names';
import {
  findRoute,
  functionGroups,
  groupTableAccess,
  type RouteDefinition,
  routeKey,
  routes,
  routesOfGroup,
  scheduledJobs,
  streamConsumers,
  streamFilterOf,
  usedFunctionGroups,
} from '#shared/routes';
import { groupEntrySource } from '../../infra/bundling.ts';
import { constructIdFor } from '../../infra/constructs/registry-function.ts';
import { readSettings } from '../../infra/registry-stack.ts';
import { toCreateTableInput } from '../../shared/db/table.ts';
import { removeSynthOutput, type Synthesized, synthRegistry } from './synth.ts';

/** A synthesized resource; assertions walk its CloudFormation JSON freely and let expect() judge it. */
// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static shape worth modelling here.
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let main: Synthesized;
let template: Template;
let resources: Record<string, Resource>;
/** The operations nested stack's resources (alarms, topic, dashboard), parameters resolved to the parent's ids. */
let operations: Record<string, Resource>;
/** A dev stack for another province that deploys a built web app. */
let devWithWebApp: Synthesized;
let webDist: string;

beforeAll(() => {
  // Explicit web app paths: whether the repo's web/dist is built must not change these tests.
  main = synthRegistry({ stackProps: { webDistPath: path.join(tmpdir(), 'talent-registry-web-not-built') } });
  template = main.template;
  resources = template.toJSON().Resources;
  operations = main.operations.resources as Record<string, Resource>;

  webDist = mkdtempSync(path.join(tmpdir(), 'talent-registry-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><html><head><title>Talent Registry</title></head><body></body></html>',
  );
  writeFileSync(path.join(webDist, 'assets', 'app.js'), 'export {};');
  // What the build writes beside them: precompressed copies and the manifest, for local use only.
  writeFileSync(path.join(webDist, 'assets', 'app.js.br'), '');
  writeFileSync(path.join(webDist, 'robots.txt'), 'User-agent: *\nDisallow: /staff\n');
  writeFileSync(path.join(webDist, 'robots.txt.gz'), '');
  mkdirSync(path.join(webDist, '.vite'));
  writeFileSync(path.join(webDist, '.vite', 'manifest.json'), '{}');
  devWithWebApp = synthRegistry({
    context: {
      dev: 'true',
      province: 'kon-tum',
      mailFrom: 'thu-moi@kontum.example.vn',
      alarmEmail: 'van-hanh@kontum.example.vn',
    },
    stackProps: { webDistPath: webDist },
  });
});

afterAll(() => {
  removeSynthOutput();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

const ofType = (type: string, from = resources) =>
  Object.entries(from).filter(([, resource]) => resource.Type === type) as [string, Resource][];
const onlyOfType = (type: string, from = resources): [string, Resource] => {
  const found = ofType(type, from);
  expect(found).toHaveLength(1);
  return found[0];
};
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const tableId = () => onlyOfType('AWS::DynamoDB::Table')[0];
/** The stack's customer-managed data key (infra/constructs/data-key.ts). */
const dataKeyId = () => {
  const found = ofType('AWS::KMS::Key').filter(([id]) => id.startsWith('DataKey'));
  expect(found).toHaveLength(1);
  return found[0][0];
};
const mailDeadLetterQueueId = () => {
  const found = ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('MailDeadLetterQueue'));
  expect(found).toHaveLength(1);
  return found[0][0];
};
/** This stack's own id, as CloudFront sends it to the API (infra/registry-stack.ts). */
const originVerifySecret = { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] };

/** The Lambda function behind a route: Route → Integration → Function. */
function functionOfRoute(route: RouteDefinition): [string, Resource] {
  const [, apiRoute] =
    ofType('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKey(route)) ?? [];
  expect(apiRoute, `route ${routeKey(route)}`).toBeDefined();
  const integrationId = apiRoute?.Properties.Target['Fn::Join'][1][1].Ref as string;
  const functionId = resources[integrationId].Properties.IntegrationUri['Fn::GetAtt'][0] as string;
  return [functionId, resources[functionId]];
}

/** Every IAM statement that applies to a function's role. */
function statementsOf(functionId: string): Statement[] {
  const roleId = resources[functionId].Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => asArray(s.Action));
const dynamoActionsOf = (functionId: string) =>
  actionsOf(statementsOf(functionId)).filter((action) => action.startsWith('dynamodb:'));

/** The function of a stream consumer or scheduled job, by its handler module and its construct. */
function functionOfHandler(scope: 'Mail' | 'Jobs', handler: string): string {
  const logicalId = new RegExp(`^${scope}${constructIdFor(handler)}Function[0-9A-F]{8}$`);
  const found = ofType('AWS::Lambda::Function').filter(([id]) => logicalId.test(id));
  expect(found, handler).toHaveLength(1);
  return found[0][0];
}
const outboxFunctionId = () => functionOfHandler('Mail', 'outbox/deliver-mail');
const consumerFunctionIds = () =>
  streamConsumers.map((consumer) => functionOfHandler('Mail', consumer.handler));
const jobFunctionIds = () => scheduledJobs.map((job) => functionOfHandler('Jobs', job.handler));
const groupFunctionIds = () => [...new Set(routes.map((route) => functionOfRoute(route)[0]))];
/** Every function of the registry: route groups, stream consumers, scheduled jobs. */
const allFunctionIds = () => [...groupFunctionIds(), ...consumerFunctionIds(), ...jobFunctionIds()];
const functionCount = usedFunctionGroups().length + streamConsumers.length + scheduledJobs.length;
/** The uploads-and-exports bucket (issue 12), and the functions its settings give access to. */
const filesBucketId = () =>
  ofType('AWS::S3::Bucket').find(([id]) => id.startsWith('FilesBucket'))?.[0] ?? 'no files bucket';
const filesFunctionIds = () => [
  ...usedFunctionGroups()
    .filter((g) => functionGroups[g].files)
    .map((g) => functionOfRoute(routesOfGroup(g)[0])[0]),
  ...streamConsumers.filter((c) => c.files).map((c) => functionOfHandler('Mail', c.handler)),
];

describe('registry table', () => {
  it('has the keys, indexes and stream of the shared table definition', () => {
    const expected = toCreateTableInput('any');
    const { Properties: table } = onlyOfType('AWS::DynamoDB::Table')[1];
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName));

    expect(table.KeySchema).toEqual(expected.KeySchema);
    expect([...table.AttributeDefinitions].sort(byName)).toEqual(
      [...(expected.AttributeDefinitions ?? [])].sort(byName),
    );
    expect(
      table.GlobalSecondaryIndexes.map((index: Record<string, unknown>) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
      })),
    ).toEqual(expected.GlobalSecondaryIndexes);
    expect(table.StreamSpecification).toEqual({
      StreamViewType: expected.StreamSpecification?.StreamViewType,
    });
    expect(table.BillingMode).toBe(expected.BillingMode);
  });

  it('keeps point-in-time recovery, expires items on ttl and is encrypted with the data key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [dataKeyId(), 'Arn'] },
      },
    });
  });

  it('is deletion-protected and retained when the stack goes', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('is neither deletion-protected nor retained in a dev stack', () => {
    devWithWebApp.template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: 'Delete',
    });
    const devResources = devWithWebApp.template.toJSON().Resources as Record<string, Resource>;
    const retained = Object.entries(devResources).filter(([, r]) => r.DeletionPolicy === 'Retain');
    expect(retained.map(([id]) => id)).toEqual([]);
  });
});

describe('stack budget', () => {
  // CloudFormation refuses a stack of more than 500 resources; 300 leaves room for the routes
  // still to come (each new route costs one AWS::ApiGatewayV2::Route, a new group about ten).
  it('stays under 300 CloudFormation resources, and so does the operations nested stack', () => {
    expect(Object.keys(resources).length).toBeLessThanOrEqual(300);
    expect(Object.keys(operations).length).toBeLessThanOrEqual(300);
    // CloudFormation allows a template 200 parameters: the nested stack takes one per referenced value.
    expect(Object.keys(main.operations.template.toJSON().Parameters ?? {}).length).toBeLessThanOrEqual(200);
  });

  it('keeps the alarms and dashboard out of the main stack, in one nested stack deployed with it', () => {
    for (const type of ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::SNS::Topic']) {
      expect(ofType(type), type).toEqual([]);
      expect(ofType(type, operations).length, type).toBeGreaterThan(0);
    }
    const [, nested] = onlyOfType('AWS::CloudFormation::Stack');
    // Parameters from the parent, not exports: nothing in the main stack is locked by an import.
    expect(JSON.stringify(main.operations.template.toJSON())).not.toContain('Fn::ImportValue');
    expect(
      Object.keys(template.toJSON().Outputs ?? {}).filter((id) => id.startsWith('ExportsOutput')),
    ).toEqual([]);
    expect(Object.keys(nested.Properties.Parameters).length).toBeGreaterThan(0);
  });

  it('costs one resource per route once its group exists', () => {
    const perRoute = ofType('AWS::ApiGatewayV2::Route').length;
    expect(perRoute).toBe(routes.length);
    expect(
      ofType('AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Runtime === 'nodejs22.x'),
    ).toHaveLength(functionCount);
  });
});

describe('HTTP API', () => {
  it('has exactly one route per entry of the route table', () => {
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual(routes.map(routeKey).sort());
  });

  it('puts the JWT authorizer on exactly the hr and admin routes', () => {
    const [authorizerId] = onlyOfType('AWS::ApiGatewayV2::Authorizer');
    for (const route of routes) {
      const staffOnly = route.access === 'hr' || route.access === 'admin';
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey(route),
        AuthorizationType: staffOnly ? 'JWT' : 'NONE',
        AuthorizerId: staffOnly ? { Ref: authorizerId } : Match.absent(),
      });
    }
  });

  it('accepts only tokens of the staff user pool issued to the web client', () => {
    const [poolId] = onlyOfType('AWS::Cognito::UserPool');
    const [clientId] = onlyOfType('AWS::Cognito::UserPoolClient');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: { 'Fn::GetAtt': [poolId, 'ProviderURL'] },
      },
    });
  });

  it('throttles the default stage and writes JSON access logs without paths or query strings', () => {
    const { Properties: stage } = onlyOfType('AWS::ApiGatewayV2::Stage')[1];
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
    expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.path|querystring|\$request/i);
    const logGroupId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(resources[logGroupId]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [dataKeyId(), 'Arn'] } },
    });
  });
});

describe('route functions', () => {
  it('serves every route from its function group: one function per group, routes of a group share it', () => {
    const functionOfGroup = new Map<string, string>();
    for (const route of routes) {
      const [functionId] = functionOfRoute(route);
      expect(functionOfGroup.get(route.group) ?? functionId, routeKey(route)).toBe(functionId);
      functionOfGroup.set(route.group, functionId);
    }
    expect(new Set(functionOfGroup.values()).size).toBe(usedFunctionGroups().length);
  });

  it('runs each group from the entry generated for it, which dispatches exactly its routes', () => {
    for (const group of usedFunctionGroups()) {
      const source = groupEntrySource(group);
      const keys = [...source.matchAll(/^ {2}"([A-Z]+ [^"]+)": \(\) => import\("([^"]+)"\)/gm)];
      expect(
        keys.map((m) => m[1]),
        group,
      ).toEqual(routesOfGroup(group).map(routeKey));
      for (const [, key, module] of keys) {
        expect(module, key).toBe(`../../functions/${findRoute(key).handler}.ts`);
      }
    }
  });

  it('lets API Gateway invoke each group function through one integration and one API-scoped permission', () => {
    const integrations = ofType('AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(usedFunctionGroups().length);
    const permissions = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(permissions.map(([, p]) => p.Properties.FunctionName['Fn::GetAtt'][0]).sort()).toEqual(
      groupFunctionIds().sort(),
    );
    for (const [id, permission] of permissions) {
      expect(JSON.stringify(permission.Properties.SourceArn), id).toMatch(/\/\*\/\*\/\*"/);
    }
  });

  it('runs every route on Node 22, ARM64, with active tracing and its memory size', () => {
    for (const route of routes) {
      const [, fn] = functionOfRoute(route);
      expect(fn.Properties, routeKey(route)).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: functionGroups[route.group].memoryMb ?? 512,
        Handler: 'index.handler',
      });
    }
  });

  it('runs stream consumers and scheduled jobs with the same defaults', () => {
    for (const id of [...consumerFunctionIds(), ...jobFunctionIds()]) {
      expect(resources[id].Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
      });
    }
  });

  it('tells every function the table, the province, the site URL and the sender', () => {
    const [distributionId] = onlyOfType('AWS::CloudFront::Distribution');
    const [configurationSetId] = onlyOfType('AWS::SES::ConfigurationSet');
    const metaFunctionId = functionOfRoute(
      routes.find((r) => r.path === '/api/meta') as (typeof routes)[number],
    )[0];
    for (const id of allFunctionIds()) {
      const {
        STAFF_OIDC_ISSUER,
        STAFF_OIDC_CLIENT_ID,
        STAFF_OIDC_SCOPES,
        STAFF_OIDC_SIGN_OUT_URL,
        // The search read model's bucket is asserted with it ("search read model").
        SEARCH_SNAPSHOT_BUCKET: _bucket,
        // The staff pool of the staff function ("staff administration").
        STAFF_USER_POOL_ID: _pool,
        // The recount job's name, with its invoke permission ("the on-demand recount").
        RECOUNT_FUNCTION_NAME: _recount,
        ...variables
      } = resources[id].Properties.Environment.Variables;
      // Only the meta function tells the web app where staff sign in (tested under "staff sign-in").
      expect(STAFF_OIDC_ISSUER !== undefined, id).toBe(id === metaFunctionId);
      expect(variables, id).toEqual({
        // Only the function that sends mail names the SES configuration set.
        ...(id === outboxFunctionId() ? { MAIL_CONFIGURATION_SET: { Ref: configurationSetId } } : {}),
        // Only the API's functions check that a request came through CloudFront.
        ...(groupFunctionIds().includes(id) ? { ORIGIN_VERIFY_SECRET: originVerifySecret } : {}),
        // Only the functions that read or write uploads and exports name the files bucket.
        ...(filesFunctionIds().includes(id) ? { FILES_BUCKET: { Ref: filesBucketId() } } : {}),
        TABLE_NAME: { Ref: tableId() },
        PROVINCE_ID: 'quang-ngai',
        APP_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
        MAIL_FROM: 'no-reply@talent.quangngai.gov.vn',
        MAIL_TRANSPORT: 'ses',
        POWERTOOLS_SERVICE_NAME: 'talent-registry',
        POWERTOOLS_METRICS_NAMESPACE: 'TalentRegistry',
        LOG_LEVEL: 'INFO',
      });
    }
  });

  it('takes the province and the sender from context', () => {
    const registryFunctions = Object.values(
      devWithWebApp.template.findResources('AWS::Lambda::Function', {
        Properties: { Runtime: 'nodejs22.x' },
      }),
    ) as Resource[];
    expect(registryFunctions).toHaveLength(functionCount);
    for (const fn of registryFunctions) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        PROVINCE_ID: 'kon-tum',
        MAIL_FROM: 'thu-moi@kontum.example.vn',
      });
    }
  });

  it('logs every function to its own log group, kept a year (access log lines) and encrypted with the data key', () => {
    const functions = ofType('AWS::Lambda::Function').filter(
      ([, fn]) => fn.Properties.Runtime === 'nodejs22.x',
    );
    const logGroupIds = functions.map(([, fn]) => fn.Properties.LoggingConfig.LogGroup.Ref as string);
    expect(new Set(logGroupIds).size).toBe(functionCount);
    for (const id of logGroupIds) {
      expect(resources[id].Properties.RetentionInDays).toBe(365);
      expect(resources[id].Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [dataKeyId(), 'Arn'] });
    }
  });
});

describe('least privilege', () => {
  const readActions = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
  const writeActions = [
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:DeleteItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
  ];

  const actionsFor = { none: [], read: readActions, readwrite: [...readActions, ...writeActions].sort() };

  it('lets each function group do on the table what its most demanding route needs, and nothing more', () => {
    for (const group of usedFunctionGroups()) {
      const [functionId] = functionOfRoute(routesOfGroup(group)[0]);
      const actions = [...new Set(dynamoActionsOf(functionId))].sort();
      expect(actions, group).toEqual(actionsFor[groupTableAccess(group)]);
    }
  });

  it('keeps the audit trail append-only, and writable only by the functions that audit', () => {
    const denyOnAudit = (functionId: string) =>
      statementsOf(functionId)
        .filter(
          (s) =>
            (s as { Effect?: string }).Effect === 'Deny' &&
            JSON.stringify((s as { Condition?: unknown }).Condition) ===
              JSON.stringify({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } }),
        )
        .flatMap((s) => asArray(s.Action))
        .sort();
    const writers = new Set([
      ...usedFunctionGroups()
        .filter((g) => functionGroups[g].writesAudit)
        .map((g) => functionOfRoute(routesOfGroup(g)[0])[0]),
      ...scheduledJobs.filter((j) => j.writesAudit).map((j) => functionOfHandler('Jobs', j.handler)),
      ...streamConsumers.filter((c) => c.writesAudit).map((c) => functionOfHandler('Mail', c.handler)),
    ]);
    expect(writers.size).toBeGreaterThanOrEqual(5);
    const readwrite = allFunctionIds().filter((id) => dynamoActionsOf(id).includes('dynamodb:PutItem'));
    for (const id of readwrite) {
      expect(denyOnAudit(id), id).toEqual(
        writers.has(id) ? ['dynamodb:DeleteItem', 'dynamodb:UpdateItem'] : writeActions,
      );
    }
  });

  it('keeps read-only and table-free groups read-only and table-free', () => {
    // The grouping must not widen a read-only domain: these hold no route that writes.
    expect(groupTableAccess('meta')).toBe('none');
    expect(groupTableAccess('search')).toBe('read');
    expect(dynamoActionsOf(functionOfRoute(routesOfGroup('search')[0])[0]).sort()).toEqual(readActions);
    expect(dynamoActionsOf(functionOfRoute(routesOfGroup('meta')[0])[0])).toEqual([]);
  });

  it('grants Scan only to the recount job, and never dynamodb:* or table access beyond the table and its two indexes', () => {
    const statements = ofType('AWS::IAM::Policy').flatMap(
      ([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[],
    );
    const actions = actionsOf(statements);
    expect(actions.filter((action) => action === 'dynamodb:Scan')).toHaveLength(1);
    const scanners = allFunctionIds().filter((id) => dynamoActionsOf(id).includes('dynamodb:Scan'));
    expect(scanners).toEqual([functionOfHandler('Jobs', 'stats/recount-statistics')]);
    expect(actions.filter((action) => /^dynamodb:\*|^\*$/.test(action))).toEqual([]);

    const tableArn = { 'Fn::GetAtt': [tableId(), 'Arn'] };
    const indexArn = (name: string) => ({ 'Fn::Join': ['', [tableArn, `/index/${name}`]] });
    const streamArn = { 'Fn::GetAtt': [tableId(), 'StreamArn'] };
    // The outbox's event source reads the stream; ListStreams has no resource-level permission.
    const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
    let itemStatements = 0;
    for (const statement of statements) {
      const dynamoActions = asArray(statement.Action).filter((a) => a.startsWith('dynamodb:'));
      if (dynamoActions.length === 0) continue;
      if (statement.Resource === '*') {
        expect(dynamoActions).toEqual(['dynamodb:ListStreams']);
      } else if (dynamoActions.every((action) => streamActions.includes(action))) {
        expect(asArray(statement.Resource)).toEqual([streamArn]);
      } else {
        itemStatements++;
        for (const resource of asArray(statement.Resource)) {
          expect([tableArn, indexArn('GSI1'), indexArn('GSI2')]).toContainEqual(resource);
        }
      }
    }
    expect(itemStatements).toBeGreaterThan(0);
  });

  it('gives function roles no managed policy (their logs go to their own log group only)', () => {
    const functionRoleIds = ofType('AWS::Lambda::Function')
      .filter(([, fn]) => fn.Properties.Runtime === 'nodejs22.x')
      .map(([, fn]) => fn.Properties.Role['Fn::GetAtt'][0] as string);
    for (const roleId of functionRoleIds) {
      expect(resources[roleId].Properties.ManagedPolicyArns, roleId).toBeUndefined();
    }
  });

  it('lets only the outbox send mail, and only from the sender domain', () => {
    const outbox = outboxFunctionId();
    const sendStatements = statementsOf(outbox).filter((s) => asArray(s.Action).includes('ses:SendEmail'));
    expect(sendStatements).toHaveLength(1);
    expect(JSON.stringify(sendStatements[0].Resource)).toMatch(
      /:ses:.*:identity\/talent\.quangngai\.gov\.vn"/,
    );
    for (const route of routes) {
      const actions = actionsOf(statementsOf(functionOfRoute(route)[0]));
      expect(
        actions.filter((action) => action.startsWith('ses:')),
        routeKey(route),
      ).toEqual([]);
    }

    const devOutbox = devWithWebApp.template.findResources('AWS::IAM::Policy', {
      Properties: {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ses:SendEmail' })]) },
      },
    });
    expect(JSON.stringify(devOutbox)).toContain('identity/kontum.example.vn');
  });
});

describe('mail pipeline', () => {
  it('wakes each stream consumer only for inserts of its own items and parks failed batches in a dead-letter queue', () => {
    const queueId = mailDeadLetterQueueId();
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    expect(mappings).toHaveLength(streamConsumers.length);
    for (const consumer of streamConsumers) {
      const functionId = functionOfHandler('Mail', consumer.handler);
      const mapping = mappings.find((m) => m.FunctionName.Ref === functionId);
      expect(mapping, consumer.handler).toMatchObject({
        EventSourceArn: { 'Fn::GetAtt': [tableId(), 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: consumer.batchSize,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
      expect(mapping?.FilterCriteria.Filters).toHaveLength(1);
      const filter = streamFilterOf(consumer);
      expect(JSON.parse(mapping?.FilterCriteria.Filters[0].Pattern)).toEqual({
        eventName: filter.eventNames,
        dynamodb: {
          Keys: {
            PK: { S: filter.partitionKeyPrefixes.map((prefix) => ({ prefix })) },
            ...(filter.sortKeys ? { SK: { S: filter.sortKeys } } : {}),
          },
        },
      });
    }
  });

  it('delivers mail only for new OUTBOX# items, 25 at a time', () => {
    const mapping = ofType('AWS::Lambda::EventSourceMapping').find(
      ([, m]) => m.Properties.FunctionName.Ref === outboxFunctionId(),
    );
    expect(mapping?.[1].Properties.BatchSize).toBe(25);
    expect(JSON.parse(mapping?.[1].Properties.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { Keys: { PK: { S: [{ prefix: 'OUTBOX#' }] } } },
    });
  });

  it('encrypts the dead-letter queue with the data key and refuses plain-HTTP access to it', () => {
    const queueId = mailDeadLetterQueueId();
    expect(resources[queueId].Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [dataKeyId(), 'Arn'] });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('lets the consumers mark items processed and write mail items', () => {
    for (const id of consumerFunctionIds()) {
      expect(dynamoActionsOf(id), id).toEqual(
        expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:PutItem']),
      );
    }
  });
});

describe('scheduled jobs', () => {
  it('runs every job on its own EventBridge schedule with its table access, without retrying a failed run', () => {
    const rules = ofType('AWS::Events::Rule').map(([, rule]) => rule.Properties);
    expect(rules).toHaveLength(scheduledJobs.length);
    for (const job of scheduledJobs) {
      const functionId = functionOfHandler('Jobs', job.handler);
      const rule = rules.find((r) => r.Targets[0].Arn['Fn::GetAtt'][0] === functionId);
      // CDK writes whole days as days (the weekly recount: rate(7 days)).
      const days = job.everyMinutes % 1440 === 0 ? job.everyMinutes / 1440 : 0;
      expect(rule?.ScheduleExpression, job.handler).toBe(
        days
          ? `rate(${days} day${days === 1 ? '' : 's'})`
          : `rate(${job.everyMinutes} minute${job.everyMinutes === 1 ? '' : 's'})`,
      );
      expect(rule?.State).toBe('ENABLED');
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId },
        MaximumRetryAttempts: 0,
      });
      const actions = dynamoActionsOf(functionId);
      expect(actions.includes('dynamodb:PutItem'), job.handler).toBe(job.table === 'readwrite');
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query']));
    }
  });
});

describe('the on-demand recount', () => {
  it('lets the stats group invoke the recount job, that one function only, and tells it its name', () => {
    const recountId = functionOfHandler('Jobs', 'stats/recount-statistics');
    const statsId = functionOfRoute(routesOfGroup('stats')[0])[0];
    const invokeStatements = allFunctionIds().flatMap((id) =>
      statementsOf(id)
        .filter((s) => actionsOf([s]).some((a) => a.startsWith('lambda:')))
        .map((s) => ({ id, s })),
    );
    expect(invokeStatements.map(({ id }) => id)).toEqual([statsId]);
    const [{ s: statement }] = invokeStatements;
    expect(statement.Effect).toBe('Allow');
    expect(asArray(statement.Action)).toEqual(['lambda:InvokeFunction']);
    expect(asArray(statement.Resource)).toEqual([{ 'Fn::GetAtt': [recountId, 'Arn'] }]);
    expect(resources[statsId].Properties.Environment.Variables.RECOUNT_FUNCTION_NAME).toEqual({
      Ref: recountId,
    });
  });
});

describe('staff sign-in', () => {
  it('requires a TOTP second factor and lets only administrators create accounts', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has the groups hr and admin and the mutable agency attribute', () => {
    const [poolId, pool] = onlyOfType('AWS::Cognito::UserPool');
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties);
    expect(groups.map((g) => g.GroupName).sort()).toEqual(['admin', 'hr']);
    for (const group of groups) expect(group.UserPoolId).toEqual({ Ref: poolId });
    expect(pool.Properties.Schema).toContainEqual(
      expect.objectContaining({ Name: 'agency', AttributeDataType: 'String', Mutable: true }),
    );
  });

  it('gives the web app a public client for the code grant (PKCE) whose tokens last 15 minutes and cannot change the agency', () => {
    const { Properties: client } = onlyOfType('AWS::Cognito::UserPoolClient')[1];
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: expect.arrayContaining(['openid', 'email', 'profile']),
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 480,
      EnableTokenRevocation: true,
    });
    // No password ever reaches the app: only the hosted code grant and refresh tokens.
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.ReadAttributes).toContain('custom:agency');
    expect(client.WriteAttributes).not.toContain('custom:agency');
  });

  it('redirects only to the site’s own callback and signed-out pages on its CloudFront domain', () => {
    const { Properties: client } = onlyOfType('AWS::Cognito::UserPoolClient')[1];
    const [distributionId] = onlyOfType('AWS::CloudFront::Distribution');
    const onSite = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, path]],
    });
    expect(client.CallbackURLs).toEqual([onSite('/staff/callback')]);
    expect(client.LogoutURLs).toEqual([onSite('/staff/signed-out')]);
  });

  it('adds the custom domain’s pages with -c siteDomain', () => {
    const custom = synthRegistry({
      context: { siteDomain: 'talent.example.gov.vn' },
      stackProps: { webDistPath: path.join(tmpdir(), 'talent-registry-web-not-built') },
    }).template.findResources('AWS::Cognito::UserPoolClient');
    const [client] = Object.values(custom).map((r) => r.Properties);
    expect(client.CallbackURLs).toContain('https://talent.example.gov.vn/staff/callback');
    expect(client.LogoutURLs).toContain('https://talent.example.gov.vn/staff/signed-out');
  });

  it('serves Cognito’s managed login (version 2) on a domain, with a branding style for the client', () => {
    const [poolId] = onlyOfType('AWS::Cognito::UserPool');
    const [clientId] = onlyOfType('AWS::Cognito::UserPoolClient');
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: { Ref: poolId },
      ManagedLoginVersion: 2,
      Domain: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UserPoolId: { Ref: poolId },
      ClientId: { Ref: clientId },
      UseCognitoProvidedValues: true,
    });
  });

  it('tells the web app where staff sign in, through GET /api/meta (the meta function’s environment)', () => {
    const [poolId] = onlyOfType('AWS::Cognito::UserPool');
    const [clientId] = onlyOfType('AWS::Cognito::UserPoolClient');
    const metaFunction = ofType('AWS::Lambda::Function').find(([, f]) =>
      String(f.Properties.Description ?? '').includes('function group "meta"'),
    );
    const variables = metaFunction?.[1].Properties.Environment.Variables;
    expect(variables.STAFF_OIDC_ISSUER).toEqual({ 'Fn::GetAtt': [poolId, 'ProviderURL'] });
    expect(variables.STAFF_OIDC_CLIENT_ID).toEqual({ Ref: clientId });
    expect(variables.STAFF_OIDC_SCOPES).toBe('openid email profile');
    expect(JSON.stringify(variables.STAFF_OIDC_SIGN_OUT_URL)).toContain('/logout?client_id=');
  });
});

describe('staff administration (issue 10)', () => {
  const staffFunctionId = () => functionOfRoute(findRoute('POST /api/staff/users'))[0];

  it('serves the three staff routes from their own function group, for administrators only', () => {
    const staffRoutes = routesOfGroup('staff');
    expect(staffRoutes.map(routeKey)).toEqual([
      'GET /api/staff/users',
      'POST /api/staff/users',
      'PATCH /api/staff/users/{id}',
    ]);
    expect(staffRoutes.every((route) => route.access === 'admin')).toBe(true);
    expect(new Set(staffRoutes.map((route) => functionOfRoute(route)[0]))).toEqual(
      new Set([staffFunctionId()]),
    );
  });

  it('lets only the staff function call Cognito, with exactly the admin actions it needs, on the staff pool only', () => {
    const [poolId] = onlyOfType('AWS::Cognito::UserPool');
    const cognitoStatements = (id: string) =>
      statementsOf(id).filter((s) => asArray(s.Action).some((a) => a.startsWith('cognito-idp:')));

    const [statement, ...others] = cognitoStatements(staffFunctionId());

    expect(others).toEqual([]);
    expect(statement.Effect).toBe('Allow');
    expect([...asArray(statement.Action)].sort()).toEqual(
      [
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:ListUsers',
        'cognito-idp:ListUsersInGroup',
      ].sort(),
    );
    expect(statement.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
    for (const id of allFunctionIds().filter((id) => id !== staffFunctionId())) {
      expect(cognitoStatements(id), id).toEqual([]);
    }
  });

  it('tells the staff function which user pool it manages, and no other function', () => {
    const [poolId] = onlyOfType('AWS::Cognito::UserPool');
    const variablesOf = (id: string) => resources[id].Properties.Environment?.Variables ?? {};

    expect(variablesOf(staffFunctionId()).STAFF_USER_POOL_ID).toEqual({ Ref: poolId });
    expect(
      allFunctionIds().filter((id) => id !== staffFunctionId() && variablesOf(id).STAFF_USER_POOL_ID),
    ).toEqual([]);
  });

  it('lets the staff function append audit events and reserves it two instances', () => {
    expect(functionGroups.staff.writesAudit).toBe(true);
    expect(resources[staffFunctionId()].Properties.ReservedConcurrentExecutions).toBe(2);
  });

  it('mails invitations in Vietnamese first, English beside, with the user name and temporary password', () => {
    const [, pool] = onlyOfType('AWS::Cognito::UserPool');
    const invitation = pool.Properties.AdminCreateUserConfig.InviteMessageTemplate;

    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(invitation.EmailSubject).toMatch(/^Tài khoản cán bộ .* \/ Your Talent Registry staff account$/);
    expect(invitation.EmailMessage).toContain('{username}');
    expect(invitation.EmailMessage).toContain('{####}');
    expect(invitation.EmailMessage.indexOf('Mật khẩu tạm thời')).toBeLessThan(
      invitation.EmailMessage.indexOf('Temporary password'),
    );
  });
});

describe('site', () => {
  it('keeps the web app in a private, encrypted, versioned bucket reachable only over TLS', () => {
    const [, distribution] = onlyOfType('AWS::CloudFront::Distribution');
    const originBucketDomain = distribution.Properties.DistributionConfig.Origins.find(
      (origin: Record<string, unknown>) => origin.S3OriginConfig,
    ).DomainName['Fn::GetAtt'][0] as string;
    expect(resources[originBucketDomain].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: originBucketDomain },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });

  it('serves the app through Origin Access Control and passes /api/* to the HTTP API', () => {
    const [apiId] = onlyOfType('AWS::ApiGatewayV2::Api');
    const [oacId] = onlyOfType('AWS::CloudFront::OriginAccessControl');
    const { DistributionConfig: config } = onlyOfType('AWS::CloudFront::Distribution')[1].Properties;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Origins).toContainEqual(
      expect.objectContaining({ OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] } }),
    );
    const apiOrigin = config.Origins.find((origin: Record<string, unknown>) => origin.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(`{"Ref":"${apiId}"},".execute-api."`);

    const api = config.CacheBehaviors.find((b: Record<string, unknown>) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      TargetOriginId: apiOrigin.Id,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
  });

  it('compresses /api/* without caching it, keyed on the caller’s token, and compresses the app', () => {
    const { DistributionConfig: config } = onlyOfType('AWS::CloudFront::Distribution')[1].Properties;
    const api = config.CacheBehaviors.find((b: Record<string, unknown>) => b.PathPattern === '/api/*');
    const [policyId, policy] = onlyOfType('AWS::CloudFront::CachePolicy');
    expect(api.CachePolicyId).toEqual({ Ref: policyId });
    expect(api.Compress).toBe(true);
    expect(config.DefaultCacheBehavior.Compress).toBe(true);
    const {
      MinTTL,
      DefaultTTL,
      MaxTTL,
      ParametersInCacheKeyAndForwardedToOrigin: key,
    } = policy.Properties.CachePolicyConfig;
    // Min 0: the API's Cache-Control: no-store is obeyed, nothing is stored. Max > 0: a policy with
    // all TTLs 0 could not put Accept-Encoding in the key, and CloudFront would not compress.
    expect([MinTTL, DefaultTTL]).toEqual([0, 0]);
    expect(MaxTTL).toBeGreaterThan(0);
    expect(MaxTTL).toBeLessThanOrEqual(1);
    expect(key).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
    expect(key.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['Authorization'] });
    expect(key.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
  });

  it('lets the API’s own 403 and 404 errors reach the browser while client-side routes get index.html', () => {
    const { DistributionConfig: config } = onlyOfType('AWS::CloudFront::Distribution')[1].Properties;
    // Error responses would apply to /api/* too and turn `404 not_found` into index.html with 200.
    expect(config.CustomErrorResponses).toBeUndefined();
    const api = config.CacheBehaviors.find((b: Record<string, unknown>) => b.PathPattern === '/api/*');
    expect(api.FunctionAssociations).toBeUndefined();

    const [functionId, spaRouting] = onlyOfType('AWS::CloudFront::Function');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    const rewrite = runInNewContext(`${spaRouting.Properties.FunctionCode}; handler`) as (event: {
      request: { uri: string };
    }) => { uri: string };
    expect(rewrite({ request: { uri: '/hr/demands/42' } }).uri).toBe('/index.html');
    expect(rewrite({ request: { uri: '/' } }).uri).toBe('/index.html');
    expect(rewrite({ request: { uri: '/assets/index-3f2a.js' } }).uri).toBe('/assets/index-3f2a.js');
  });

  it('adds security headers to pages and API responses', () => {
    const [policyId, policy] = onlyOfType('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY' },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
    const { DistributionConfig: config } = onlyOfType('AWS::CloudFront::Distribution')[1].Properties;
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it('writes bucket and distribution access logs to a separate private log bucket', () => {
    const { DistributionConfig: config } = onlyOfType('AWS::CloudFront::Distribution')[1].Properties;
    const logBucketId = config.Logging.Bucket['Fn::GetAtt'][0] as string;
    const webAppBucket = ofType('AWS::S3::Bucket').find(([, b]) => b.Properties.LoggingConfiguration);
    expect(webAppBucket?.[1].Properties.LoggingConfiguration.DestinationBucketName).toEqual({
      Ref: logBucketId,
    });
    expect(resources[logBucketId].Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [
          { ExpirationInDays: 366, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' },
        ],
      },
    });
  });

  it('deploys the web app only when it has been built', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    const warnings = main.stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === 'aws:cdk:warning');
    expect(JSON.stringify(warnings)).toContain('web app is not deployed');

    devWithWebApp.template.resourceCountIs('Custom::CDKBucketDeployment', 2);
  });

  it('lets browsers keep the hashed assets for a year and revalidate the shell and its documents', () => {
    const deployments = ofType('Custom::CDKBucketDeployment', devWithWebApp.template.toJSON().Resources);
    const assets = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === 'assets/');
    const shell = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === undefined);
    expect(assets?.[1].Properties).toMatchObject({
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      Prune: false,
    });
    expect(assets?.[1].Properties.DistributionPaths).toBeUndefined();
    expect(shell?.[1].Properties).toMatchObject({
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
      Prune: false,
    });
  });

  it('uploads the hashed assets to assets/ and the shell and robots.txt to the root, nothing else', () => {
    const deployments = ofType('Custom::CDKBucketDeployment', devWithWebApp.template.toJSON().Resources);
    // Each source is a staged asset directory, asset.<hash>, named by the zip's key.
    const filesOf = (deployment: Resource | undefined) =>
      ((deployment?.Properties.SourceObjectKeys ?? []) as string[]).flatMap((key) =>
        readdirSync(path.join(devWithWebApp.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`), {
          recursive: true,
        }).map(String),
      );
    const assets = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === 'assets/');
    const shell = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === undefined);
    expect(filesOf(assets?.[1])).toEqual(['app.js']);
    expect(filesOf(shell?.[1]).sort()).toEqual(['index.html', 'robots.txt']);
  });

  it('embeds the deployment’s province and staff sign-in in the app shell', () => {
    const deployments = ofType('Custom::CDKBucketDeployment', devWithWebApp.template.toJSON().Resources);
    const shell = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === undefined);
    // Source.data's deploy-time values: the markers in index.html and what replaces them.
    const markers = JSON.stringify(shell?.[1].Properties.SourceMarkers);
    const [clientId] = onlyOfType('AWS::Cognito::UserPoolClient', devWithWebApp.template.toJSON().Resources);
    expect(markers).toContain(`{"Ref":"${clientId}"}`);
    expect(shell?.[1].Properties.SourceObjectKeys).toHaveLength(2);
  });
});

describe('site URL in the functions', () => {
  it('adds no dependency from the distribution to any route or function, so there is no cycle', () => {
    const [, distribution] = onlyOfType('AWS::CloudFront::Distribution');
    const routeAndFunctionIds = [
      ...ofType('AWS::Lambda::Function'),
      ...ofType('AWS::ApiGatewayV2::Route'),
      ...ofType('AWS::ApiGatewayV2::Integration'),
    ].map(([id]) => id);
    const distributionJson = JSON.stringify(distribution);
    expect(routeAndFunctionIds.filter((id) => distributionJson.includes(`"${id}"`))).toEqual([]);
  });
});

describe('settings', () => {
  // A bare construct tree: an App would create an output directory in /tmp for each call.
  const settingsWith = (context: Record<string, unknown>) => {
    const root = new RootConstruct();
    for (const [key, value] of Object.entries(context)) root.node.setContext(key, value);
    return readSettings(root);
  };

  it('treats dev given as a boolean (cdk.json) or a string (-c dev=true) alike, and defaults to a kept stack', () => {
    expect(settingsWith({ dev: true }).dev).toBe(true);
    expect(settingsWith({ dev: 'true' }).dev).toBe(true);
    expect(settingsWith({ dev: 'false' }).dev).toBe(false);
    expect(settingsWith({}).dev).toBe(false);
  });

  it('defaults to Quảng Ngãi and its sender address, with no alarm subscription', () => {
    expect(settingsWith({})).toEqual({
      dev: false,
      provinceId: 'quang-ngai',
      mailFrom: 'no-reply@talent.quangngai.gov.vn',
      alarmEmail: undefined,
      authDomainPrefix: expect.stringMatching(/^talent-registry-/),
      siteDomain: undefined,
    });
  });
});

describe('alarms', () => {
  const alarmActionsOf = (alarm: Resource) => alarm.Properties.AlarmActions;

  it('alarm on API 5xx, every function’s errors, each group’s p99 latency, dead letters, stream backlogs and table throttling', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm', operations).map(([, alarm]) => alarm.Properties);
    const onMetric = (namespace: string, metricName: string) =>
      alarms.filter((alarm) => alarm.Namespace === namespace && alarm.MetricName === metricName);

    expect(onMetric('AWS/ApiGateway', '5xx')).toHaveLength(1);
    const errorAlarms = onMetric('AWS/Lambda', 'Errors');
    expect(errorAlarms.map((alarm) => alarm.Dimensions[0].Value.Ref).sort()).toEqual(allFunctionIds().sort());
    // The mail pipeline's and the scheduled jobs' dead-letter queues.
    expect(onMetric('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
    const latencyAlarms = onMetric('AWS/Lambda', 'Duration');
    expect(latencyAlarms.map((alarm) => alarm.Dimensions[0].Value.Ref).sort()).toEqual(
      groupFunctionIds().sort(),
    );
    for (const alarm of latencyAlarms)
      expect(alarm).toMatchObject({ ExtendedStatistic: 'p99', Threshold: 3000 });
    const backlogAlarms = onMetric('AWS/Lambda', 'IteratorAge');
    expect(backlogAlarms.map((alarm) => alarm.Dimensions[0].Value.Ref).sort()).toEqual(
      consumerFunctionIds().sort(),
    );
    const throttles = alarms.filter((alarm) =>
      alarm.Metrics?.some(
        (m: { MetricStat?: { Metric: { MetricName: string } } }) =>
          m.MetricStat?.Metric.MetricName === 'WriteThrottleEvents',
      ),
    );
    expect(throttles).toHaveLength(1);
  });

  it('give each function as many alarms as before the split: errors; latency per group; backlog per consumer; throttles', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm', operations).map(([, alarm]) => alarm.Properties);
    const own = (fnId: string) =>
      alarms.filter((a) => a.Namespace === 'AWS/Lambda' && a.Dimensions?.[0]?.Value?.Ref === fnId).length;
    const inThrottleAlarms = (fnId: string) =>
      alarms.filter((a) => JSON.stringify(a.Metrics ?? []).includes(`{"Ref":"${fnId}"}`)).length;
    const expected = [
      ...groupFunctionIds().map((id) => [id, 2] as const),
      ...consumerFunctionIds().map((id) => [id, 2] as const),
      ...jobFunctionIds().map((id) => [id, 1] as const),
    ];
    expect(expected).toHaveLength(functionCount);
    for (const [id, count] of expected) {
      expect(own(id), id).toBe(count);
      expect(inThrottleAlarms(id), id).toBe(1);
    }
  });

  it('notify one encrypted SNS topic that refuses plain HTTP', () => {
    const [topicId, topic] = onlyOfType('AWS::SNS::Topic', operations);
    for (const [id, alarm] of ofType('AWS::CloudWatch::Alarm', operations)) {
      expect(alarmActionsOf(alarm), id).toEqual([{ Ref: topicId }]);
    }
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
    expect(resources[keyId].Properties.EnableKeyRotation).toBe(true);
    // CloudWatch must be able to use the key, or alarms could not publish to the topic.
    expect(JSON.stringify(resources[keyId].Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    main.operations.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('edge limits and mail reputation', () => {
  it('throttles the routes that mail someone more strictly than the stage', () => {
    const { Properties: stage } = onlyOfType('AWS::ApiGatewayV2::Stage')[1];
    const throttled = routes.filter((r) => r.throttle);
    expect(throttled.map(routeKey).sort()).toEqual([
      'POST /api/experts',
      'POST /api/me/email-change',
      'POST /api/me/login-link',
    ]);
    for (const route of throttled) {
      expect(stage.RouteSettings[routeKey(route)], routeKey(route)).toEqual({
        ThrottlingRateLimit: route.throttle?.rateLimit,
        ThrottlingBurstLimit: route.throttle?.burstLimit,
      });
      expect(route.throttle?.rateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
    }
  });

  it('sends mail through a configuration set that suppresses bounces and complaints and counts them', () => {
    const [configurationSetId, configurationSet] = onlyOfType('AWS::SES::ConfigurationSet');
    expect(configurationSet.Properties).toMatchObject({
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'reject'],
        CloudWatchDestination: {
          DimensionConfigurations: [
            {
              DimensionName: 'ses:configuration-set',
              DimensionValueSource: 'messageTag',
              DefaultDimensionValue: 'talent-registry',
            },
          ],
        },
      },
    });
    const sendResources = statementsOf(outboxFunctionId())
      .filter((s) => asArray(s.Action).includes('ses:SendEmail'))
      .flatMap((s) => asArray(s.Resource));
    expect(JSON.stringify(sendResources)).toContain('configuration-set/');
  });

  it('alarms on 4xx and 429 spikes and on bounces and complaints', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm', operations).map(([, alarm]) => alarm.Properties);
    const on = (namespace: string, metricName: string) =>
      alarms.filter((a) => a.Namespace === namespace && a.MetricName === metricName);
    expect(on('AWS/ApiGateway', '4xx')).toHaveLength(1);
    expect(on('TalentRegistry', 'RequestRateLimited')).toHaveLength(1);
    for (const metric of ['Bounce', 'Complaint']) {
      const [alarm] = on('AWS/SES', metric);
      expect(alarm?.Dimensions, metric).toEqual([
        { Name: 'ses:configuration-set', Value: { Ref: onlyOfType('AWS::SES::ConfigurationSet')[0] } },
      ]);
    }
  });
});

describe('AWS WAF on CloudFront', () => {
  const edgeTemplate = () => {
    const edge = main.app.node.findChild('TalentRegistryEdge') as Stack;
    return { edge, template: Template.fromStack(edge) };
  };

  it('lives in its own stack in us-east-1 (CloudFront web ACLs must), deployed before the site', () => {
    const { edge } = edgeTemplate();
    expect(edge.region).toBe('us-east-1');
    expect(main.stack.dependencies).toContain(edge);
  });

  it('runs the AWS managed rule groups and per-client rate limits, stricter on the mailing routes, answered 429', () => {
    const { template: edge } = edgeTemplate();
    const [, acl] = Object.entries(edge.findResources('AWS::WAFv2::WebACL'))[0] as [string, Resource];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as {
      Name: string;
      Statement: Record<string, { Name?: string; Limit?: number; ScopeDownStatement?: unknown }>;
      Action?: { Block?: { CustomResponse?: { ResponseCode: number; ResponseHeaders: unknown[] } } };
    }[];
    expect(rules.flatMap((r) => r.Statement.ManagedRuleGroupStatement?.Name ?? [])).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    const rate = Object.fromEntries(
      rules.filter((r) => r.Statement.RateBasedStatement).map((r) => [r.Name, r]),
    );
    expect(rate.MailingRoutesPerClient.Statement.RateBasedStatement.Limit).toBeLessThan(
      rate.AllRequestsPerClient.Statement.RateBasedStatement.Limit ?? 0,
    );
    const scope = JSON.stringify(rate.MailingRoutesPerClient.Statement.RateBasedStatement.ScopeDownStatement);
    for (const route of routes.filter((r) => r.throttle))
      expect(scope).toContain(`"SearchString":"${route.path}"`);
    expect(scope).toContain('"SearchString":"POST"');
    for (const rule of Object.values(rate)) {
      expect(rule.Action?.Block?.CustomResponse).toMatchObject({
        ResponseCode: 429,
        ResponseHeaders: [{ Name: 'retry-after', Value: '300' }],
      });
    }
  });

  it('is not bypassed through the execute-api endpoint: CloudFront sends the API a value only it and the functions know', () => {
    const [, distribution] = onlyOfType('AWS::CloudFront::Distribution');
    const apiOrigin = distribution.Properties.DistributionConfig.Origins.find(
      (o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig,
    );
    expect(apiOrigin.OriginCustomHeaders).toEqual([
      { HeaderName: 'x-origin-verify', HeaderValue: originVerifySecret },
    ]);
  });

  it('is attached to the distribution through the ARN the edge stack publishes', () => {
    const [, distribution] = onlyOfType('AWS::CloudFront::Distribution');
    const webAcl = distribution.Properties.DistributionConfig.WebACLId;
    expect(JSON.stringify(webAcl)).toContain('Parameter.Value');
    const { template: edge } = edgeTemplate();
    edge.hasResourceProperties('AWS::SSM::Parameter', { Name: '/talent-registry/cloudfront-web-acl-arn' });
  });
});

describe('dashboard', () => {
  it('shows every business event the functions count, search and match latency, and each function group', () => {
    const [, dashboard] = onlyOfType('AWS::CloudWatch::Dashboard', operations);
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const event of [...businessEvents, 'SearchLatency', 'MatchLatency']) {
      expect(body, event).toContain(
        `\\"TalentRegistry\\",\\"${event}\\",\\"service\\",\\"talent-registry\\"`,
      );
    }
    for (const group of usedFunctionGroups()) expect(body, group).toContain(`\\"label\\":\\"${group}\\"`);
  });
});

describe('alarm subscription', () => {
  it('mails the alarms to the address given as context alarmEmail, and to nobody otherwise', () => {
    main.operations.template.resourceCountIs('AWS::SNS::Subscription', 0);
    devWithWebApp.operations.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'van-hanh@kontum.example.vn',
    });
  });
});

describe('outputs', () => {
  it('names the site, the API, the staff user pool and client, and the table', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const [distributionId] = onlyOfType('AWS::CloudFront::Distribution');
    const [poolId] = onlyOfType('AWS::Cognito::UserPool');
    const [clientId] = onlyOfType('AWS::Cognito::UserPoolClient');
    const [apiId] = onlyOfType('AWS::ApiGatewayV2::Api');
    expect(outputs.SiteUrl.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
    });
    expect(outputs.ApiUrl.Value).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
    expect(outputs.UserPoolId.Value).toEqual({ Ref: poolId });
    expect(outputs.UserPoolClientId.Value).toEqual({ Ref: clientId });
    expect(outputs.TableName.Value).toEqual({ Ref: tableId() });
  });
});

describe('the uploads-and-exports bucket (issue 12)', () => {
  it('is private, encrypted, TLS-only, logged, and expires uploads and exports by themselves', () => {
    const bucket = resources[filesBucketId()].Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    // Rosters are personal data: the stack's data key, with an S3 bucket key; versioned.
    const [encryption] = bucket.BucketEncryption.ServerSideEncryptionConfiguration;
    expect(encryption.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(encryption.ServerSideEncryptionByDefault.KMSMasterKeyID).toEqual(expect.any(Object));
    expect(encryption.BucketKeyEnabled).toBe(true);
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.LoggingConfiguration.LogFilePrefix).toBe('files-bucket/');
    const rules = bucket.LifecycleConfiguration.Rules as { Prefix?: string; ExpirationInDays?: number }[];
    expect(rules.filter((r) => r.Prefix).map((r) => [r.Prefix, r.ExpirationInDays])).toEqual([
      ['imports/', 7],
      ['exports/', 1],
    ]);
    const [, policy] =
      ofType('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === filesBucketId()) ?? [];
    const deny = ((policy?.Properties.PolicyDocument.Statement ?? []) as Statement[]).find(
      (st) => (st as { Effect?: string }).Effect === 'Deny',
    );
    expect((deny as { Condition?: unknown }).Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('gives object access only to the functions that need it: get for the import job, get and put for the others', () => {
    const s3Actions = (id: string) =>
      actionsOf(statementsOf(id))
        .filter((a) => a.startsWith('s3:'))
        .sort();
    const withFiles = new Set(filesFunctionIds());
    expect(withFiles.size).toBe(3);
    // The search snapshot's readers and writer are asserted under "search read model".
    const withSnapshot = (id: string) =>
      resources[id].Properties.Environment.Variables.SEARCH_SNAPSHOT_BUCKET;
    for (const id of allFunctionIds()) {
      if (!withFiles.has(id) && !withSnapshot(id)) expect(s3Actions(id), id).toEqual([]);
    }
    expect(s3Actions(functionOfHandler('Mail', 'imports/run-import-job'))).toEqual(['s3:GetObject']);
    expect(s3Actions(functionOfHandler('Mail', 'exports/run-export'))).toEqual([
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(s3Actions(functionOfRoute(routesOfGroup('imports')[0])[0])).toEqual([
      's3:GetObject',
      's3:PutObject',
    ]);
  });
});

describe('search read model', () => {
  const snapshotBucketId = () => {
    const found = ofType('AWS::S3::Bucket').filter(([id]) => id.startsWith('SearchSnapshotsBucket'));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const builder = streamConsumers.find((c) => c.writesSearchSnapshot);
  const builderId = () => functionOfHandler('Mail', builder?.handler ?? '');
  const searchGroupId = () => functionOfRoute(findRoute('GET /api/experts'))[0];
  const s3Statements = (functionId: string) =>
    statementsOf(functionId).filter((s) => asArray(s.Action).some((a) => a.startsWith('s3:')));

  it('keeps the snapshot in a private, encrypted, versioned bucket reachable only over TLS, old versions for a week', () => {
    const [id, bucket] = snapshotBucketId();
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      // Names, fields and employers: the stack's data key, with an S3 bucket key.
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
      LifecycleConfiguration: {
        Rules: [
          expect.objectContaining({
            NoncurrentVersionExpiration: { NoncurrentDays: 7 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            Status: 'Enabled',
          }),
        ],
      },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('builds the snapshot from the change log’s inserts, batched, with the memory the route table sets', () => {
    expect(builder).toBeDefined();
    const mapping = ofType('AWS::Lambda::EventSourceMapping').find(
      ([, m]) => m.Properties.FunctionName.Ref === builderId(),
    );
    expect(mapping?.[1].Properties).toMatchObject({
      BatchSize: builder?.batchSize,
      MaximumBatchingWindowInSeconds: builder?.batchingWindowSeconds,
      FilterCriteria: {
        Filters: [{ Pattern: expect.stringContaining('"SEARCHLOG#"') }],
      },
    });
    expect(resources[builderId()].Properties.MemorySize).toBe(builder?.memoryMb);
    expect(resources[searchGroupId()].Properties.MemorySize).toBe(functionGroups.search.memoryMb);
  });

  it('lets the builder write and the search group only read the snapshot object, and no one else touch it', () => {
    const [bucketId] = snapshotBucketId();
    const objectArn = {
      'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/search/expert-index.json.gz']],
    };
    expect(s3Statements(builderId())).toEqual([
      expect.objectContaining({ Action: ['s3:GetObject', 's3:PutObject'], Resource: objectArn }),
      expect.objectContaining({ Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] } }),
    ]);
    expect(s3Statements(searchGroupId())).toEqual([
      expect.objectContaining({ Action: 's3:GetObject', Resource: objectArn }),
      expect.objectContaining({ Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] } }),
    ]);
    const onSnapshotBucket = (st: Statement) => JSON.stringify(st).includes(bucketId);
    for (const id of allFunctionIds().filter((id) => id !== builderId() && id !== searchGroupId())) {
      expect(s3Statements(id).filter(onSnapshotBucket), id).toEqual([]);
    }
    for (const id of [builderId(), searchGroupId()]) {
      expect(resources[id].Properties.Environment.Variables.SEARCH_SNAPSHOT_BUCKET).toEqual({
        Ref: bucketId,
      });
    }
  });
});
