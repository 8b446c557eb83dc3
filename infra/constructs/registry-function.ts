import path from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { tableDefinition } from '#shared/db/table';
import { metricsNamespace, serviceName } from '#shared/metric-names';
import { repoRoot } from '../bundling.ts';
import { functionCode, tracesAwsCalls } from './function-code.ts';

/** What every function reads from its environment (shared/config.ts), the same for all of them. */
export interface RegistryEnvironment {
  tableName: string;
  provinceId: string;
  /** The site's origin; mail links point at it. */
  appUrl: string;
  mailFrom: string;
}

export interface RegistryFunctionProps {
  /** The module the function runs (exporting `handler`): handlerEntry() or a group's entry. */
  entry: string;
  environment: RegistryEnvironment;
  description: string;
  /** @default 512 */
  memorySize?: number;
  /** @default 10 seconds: well inside the HTTP API's 30 s integration limit */
  timeout?: Duration;
  /** DESTROY in a dev stack, RETAIN otherwise (the logs may be needed after the stack is gone). */
  removalPolicy: RemovalPolicy;
}

export type TableAccess = 'read' | 'readwrite';

const readActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];
// TransactWriteItems is authorised through these item-level actions; Scan is never needed.
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** The file of a handler module under functions/ (`experts/get-expert`). */
export const handlerEntry = (handlerModule: string): string =>
  path.join(repoRoot, 'functions', `${handlerModule}.ts`);

/** Audit items live in `AUDIT#<target>` partitions (shared/db/keys.ts). */
export const auditPartitionPrefix = 'AUDIT#';
/** What not even an audit writer may do to an audit item: change or remove it. */
const auditImmutableActions = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

/** `experts/get-expert` → `ExpertsGetExpert`: one readable construct id per handler module. */
export function constructIdFor(handlerModule: string): string {
  return handlerModule
    .split(/[/-]/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * One Lambda function of the registry with the house defaults baked in: Node 22 on ARM64, X-Ray
 * active tracing, its own log group, a code-split ESM bundle with source maps built by the local
 * esbuild (no Docker), and a role that holds only what this function was bound to.
 */
export class RegistryFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RegistryFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });

    // An own role instead of AWSLambdaBasicExecutionRole: that managed policy may create and write
    // any log group in the account; this role writes only to this function's log group.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    const { environment } = props;
    this.function = new LambdaFunction(this, 'Function', {
      code: functionCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: {
        TABLE_NAME: environment.tableName,
        PROVINCE_ID: environment.provinceId,
        APP_URL: environment.appUrl,
        MAIL_FROM: environment.mailFrom,
        MAIL_TRANSPORT: 'ses',
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        // The Powertools Tracer (a subsegment per AWS call) only on request: shared/tracing.ts.
        ...(tracesAwsCalls(this) ? { TRACE_AWS_CALLS: 'true' } : {}),
      },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level ' +
        'permissions, so AWS requires Resource "*" for these two actions.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose: it is the runtime the project targets and tests against ' +
        '(esbuild target node22, local toolchain) and is supported by Lambda until 2027; moving to ' +
        'Node.js 24 is a deliberate upgrade of the whole project, not of the stack alone.',
    });
  }

  /**
   * Least-privilege access to the registry table: item reads on the table and its indexes, and for
   * `readwrite` item writes on the table. No Scan and no table-level administration.
   */
  bindTable(
    table: ITable,
    { access, writesAudit = false }: { access: TableAccess; writesAudit?: boolean },
  ): void {
    const indexArns = tableDefinition.globalSecondaryIndexes.map(
      (index) => `${table.tableArn}/index/${index.indexName}`,
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: readActions, resources: [table.tableArn, ...indexArns] }),
    );
    if (access !== 'readwrite') return;
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: writeActions, resources: [table.tableArn] }),
    );
    // The audit trail is append-only, and only the functions that audit may append to it: an
    // explicit Deny on items whose partition key is an AUDIT# key wins over the Allow above.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: writesAudit ? auditImmutableActions : writeActions,
        resources: [table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${auditPartitionPrefix}*`] } },
      }),
    );
  }
}
