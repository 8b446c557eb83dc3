import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CorsRule,
  type IBucket,
  type LifecycleRule,
} from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * The one customer-managed KMS key of a stack (the registry's data: table, buckets with personal
 * data, log groups, queues, the alarm topic), created on first use at the stack's root:
 * `dataKey(this)` from any construct. Rotation is on; the key policy names who may use it:
 *
 * - the account root, as AWS requires (without it the key becomes unmanageable); it lets IAM
 *   policies delegate use, which is how each function role gets exactly what it needs, through
 *   CDK grants (`table` reads → kms:Decrypt; writes and queue sends → encrypt/decrypt);
 * - CloudWatch Logs of this region, only for this account's log groups (encryption context);
 * - CloudWatch (alarm actions publish to the encrypted topic) and EventBridge (a scheduled job's
 *   events that cannot be delivered go to its encrypted dead-letter queue), only from this account.
 *
 * The key outlives the stack except in a dev stack: backups, retained log groups and the retained
 * table are unreadable without it.
 */
export function dataKey(scope: Construct): Key {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(dataKeyId);
  if (existing) return existing as Key;

  const dev = isDevStack(stack);
  const key = new Key(stack, dataKeyId, {
    description: `Talent Registry data (${stack.stackName}): table, buckets, logs, queues, alarm topic`,
    enableKeyRotation: true,
    pendingWindow: Duration.days(dev ? 7 : 30),
    removalPolicy: dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  const sameAccount = { StringEquals: { 'aws:SourceAccount': stack.account } };
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchLogsOfThisAccount',
      principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AlarmsAndSchedulesOfThisAccount',
      principals: [
        new ServicePrincipal('cloudwatch.amazonaws.com'),
        new ServicePrincipal('events.amazonaws.com'),
      ],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: sameAccount,
    }),
  );
  return key;
}

const dataKeyId = 'DataKey';

/** Context `dev` (cdk.json's boolean or `-c dev=true`): a throwaway stack, nothing retained. */
export const isDevStack = (scope: Construct): boolean =>
  ['true', true].includes(scope.node.tryGetContext('dev'));

/** A log group encrypted with the stack's data key. */
export function encryptedLogGroup(
  scope: Construct,
  id: string,
  props: { retention: RetentionDays; removalPolicy: RemovalPolicy; logGroupName?: string },
): LogGroup {
  return new LogGroup(scope, id, { ...props, encryptionKey: dataKey(scope) });
}

export interface ProtectedBucketProps {
  removalPolicy: RemovalPolicy;
  /** Where S3 writes the bucket's server access logs (the site's access-log bucket, `Site.logBucket`). */
  serverAccessLogsBucket: IBucket;
  serverAccessLogsPrefix: string;
  lifecycleRules?: LifecycleRule[];
  /** Browsers that PUT or GET objects through presigned URLs (the uploads-and-exports bucket). */
  cors?: CorsRule[];
  /**
   * Why this bucket needs no replication to a second region (NIST S3BucketReplicationEnabled):
   * say what rebuilds its content or why it is transient.
   */
  noReplicationBecause: string;
}

/**
 * A bucket fit for personal data: encrypted with the stack's data key (with an S3 bucket key, so
 * KMS is called per bucket-key period, not per object), versioned, private, TLS only, access-logged.
 * Functions that use it need `bucket.grantRead(role)` / `grantPut(role)`, which grant the key too.
 */
export function protectedBucket(scope: Construct, id: string, props: ProtectedBucketProps): Bucket {
  const destroy = props.removalPolicy === RemovalPolicy.DESTROY;
  const bucket = new Bucket(scope, id, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: BucketEncryption.KMS,
    encryptionKey: dataKey(scope),
    bucketKeyEnabled: true,
    versioned: true,
    serverAccessLogsBucket: props.serverAccessLogsBucket,
    serverAccessLogsPrefix: props.serverAccessLogsPrefix,
    lifecycleRules: props.lifecycleRules,
    cors: props.cors,
    removalPolicy: props.removalPolicy,
    autoDeleteObjects: destroy,
  });
  Validations.of(bucket).acknowledge({
    id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
    reason: props.noReplicationBecause,
  });
  return bucket;
}

/**
 * cdk-nag NIST findings on a function that CDK itself adds (a custom resource provider) and that
 * runs only while CloudFormation deploys the stack.
 */
export function acknowledgeDeploymentTimeFunction(scope: Construct, what: string): void {
  Validations.of(scope).acknowledge(
    {
      id: 'NIST.800.53.R5-LambdaConcurrency',
      reason: `${what}'s provider runs only during a deployment, once per changed resource; it cannot be flooded.`,
    },
    {
      id: 'NIST.800.53.R5-LambdaDLQ',
      reason:
        `${what}'s provider is invoked by CloudFormation, which waits for its answer: a failure fails ` +
        'and rolls back the deployment visibly, so there is nothing for a dead-letter queue to keep.',
    },
    {
      id: 'NIST.800.53.R5-LambdaInsideVPC',
      reason: `${what}'s provider calls only AWS public APIs (SSM, S3, CloudFront) with its IAM role.`,
    },
    {
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason: `${what} (aws-cdk-lib) writes its provider role's policy inline; the role serves only it.`,
    },
  );
}

/** A dead-letter queue: encrypted with the data key, TLS only, kept 14 days (SQS's longest). */
export function deadLetterQueue(
  scope: Construct,
  id: string,
  props: { removalPolicy: RemovalPolicy; destinationOf: string },
): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: dataKey(scope),
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: props.removalPolicy,
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      `This queue is itself the dead-letter destination of ${props.destinationOf}; a dead-letter ` +
      'queue of the dead-letter queue would only move the same records once more.',
  });
  return queue;
}

/**
 * Get (`read`) or get and put (`readwrite`) on these objects of a protected bucket, and the data
 * key's matching use (decrypt, or encrypt and decrypt): a presigned URL acts with the signer's rights.
 */
export function grantObjectAccess(
  scope: Construct,
  role: IRole,
  objectArns: string[],
  access: 'read' | 'readwrite',
): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject'],
      resources: objectArns,
    }),
  );
  const key = dataKey(scope);
  if (access === 'read') key.grantDecrypt(role);
  else key.grantEncryptDecrypt(role);
}
