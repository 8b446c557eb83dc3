import path from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableDefinition } from '#shared/db/table';
import { metricsNamespace, serviceName } from '#shared/metric-names';
import { repoRoot } from '../bundling.ts';
import { dataKey, encryptedLogGroup } from './data-key.ts';
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
  // --- Operations (issue 14): limits and failure destinations. ---
  /**
   * Reserved concurrency: at most this many instances run at once, and they are always available
   * (see shared/routes.ts `concurrencyLimits` for the numbers and why).
   */
  reservedConcurrency: number;
  /** Where asynchronous invocations (EventBridge schedules) go after they fail: required for those. */
  deadLetterQueue?: IQueue;
  /** For functions never invoked asynchronously: why no dead-letter queue applies (cdk-nag NIST LambdaDLQ). */
  noDeadLetterQueueBecause?: string;
}

/** Log retention of every function: the handler writes the access log of each request there. */
export const functionLogRetention = RetentionDays.ONE_YEAR;

export type TableAccess = 'read' | 'readwrite';

const readActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];
// TransactWriteItems is authorised through these item-level actions. Scan only for the recount job
// (shared/routes.ts `scansTable`), granted by infra/constructs/schedules.ts.
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

    this.logGroup = encryptedLogGroup(this, 'LogGroup', {
      retention: functionLogRetention,
      removalPolicy: props.removalPolicy,
    });

    // An own role instead of AWSLambdaBasicExecutionRole: that managed policy may create and write
    // any log group in the account; this role writes only to this function's log group.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    const { environment } = props;
    this.function = new LambdaFunction(this, 'Function', {
      code: functionCode(props.entry, environment.provinceId),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      reservedConcurrentExecutions: props.reservedConcurrency,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        TABLE_NAME: environment.tableName,
        PROVINCE_ID: environment.provinceId,
        APP_URL: environment.appUrl,
        MAIL_FROM: environment.mailFrom,
        MAIL_TRANSPORT: 'ses',
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        LOG_LEVEL: 'INFO',
        // No NODE_OPTIONS=--enable-source-maps: Node would parse every module's source map at every
        // cold start (0.07-0.28x the SDK floor measured); a logged error's frames are mapped when it is
        // logged instead (shared/source-mapped-stack.ts), from the `.map` files the bundle keeps.
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
    this.acknowledgeOperationsFindings(props);
  }

  /** cdk-nag NIST 800-53 rev. 5 findings that are right for this design, with the reasons. */
  private acknowledgeOperationsFindings(props: RegistryFunctionProps): void {
    if (!props.deadLetterQueue) {
      if (!props.noDeadLetterQueueBecause)
        throw new Error(`${this.node.path}: give a deadLetterQueue or say why none applies`);
      Validations.of(this.function).acknowledge({
        id: 'NIST.800.53.R5-LambdaDLQ',
        reason: props.noDeadLetterQueueBecause,
      });
    }
    Validations.of(this.function).acknowledge({
      id: 'NIST.800.53.R5-LambdaInsideVPC',
      reason:
        'The function reaches only AWS public service endpoints (DynamoDB, SES, CloudWatch, X-Ray, KMS), ' +
        'every call signed with its own IAM role over TLS; the registry has no private network resource ' +
        '(no database server, no VPC). A VPC would add NAT gateways or endpoints and ENI cold starts ' +
        'without narrowing access: IAM and the key policy already decide who may read the data.',
    });
    const keyActions =
      'Granted by CDK on the one data key ARN (no other key): the actions AWS documents for using a ' +
      'customer-managed key with DynamoDB and SQS, which name action families (GenerateDataKey*, ' +
      'ReEncrypt*) rather than single actions.';
    Validations.of(this.role).acknowledge(
      { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: keyActions },
      { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: keyActions },
    );
    Validations.of(this.role).acknowledge({
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason:
        "The role belongs to this one function and its inline policy is that function's least-privilege " +
        'policy (its own log group, its table actions with the audit Deny, its queue and key grants). ' +
        'AWS recommends inline policies for a strict one-to-one relation: a managed policy could be ' +
        'attached to other principals, which is what AC-6 asks to prevent.',
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
    // The table is encrypted with the stack's data key: DynamoDB uses it on the caller's behalf.
    const key = table.encryptionKey ?? dataKey(this);
    if (access !== 'readwrite') {
      key.grantDecrypt(this.role);
      return;
    }
    key.grantEncryptDecrypt(this.role);
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
