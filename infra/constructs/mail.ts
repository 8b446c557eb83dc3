import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { concurrencyLimits, type StreamConsumer, streamFilterOf } from '#shared/routes';
import { deadLetterQueue } from './data-key.ts';
import type { RegistryFiles } from './files-bucket.ts';
import {
  constructIdFor,
  handlerEntry,
  type RegistryEnvironment,
  RegistryFunction,
} from './registry-function.ts';

export interface MailPipelineProps {
  /** The registry table; its stream carries the jobs and mail items handlers wrote with their change. */
  table: ITable;
  /** The stream consumers of shared/routes.ts, with the filters the local stream poller applies too. */
  consumers: readonly StreamConsumer[];
  environment: RegistryEnvironment;
  removalPolicy: RemovalPolicy;
  /** The uploads-and-exports bucket, for the consumers that ask for `files` (import and export jobs). */
  files?: RegistryFiles;
}

/** The CloudWatch dimension SES puts bounce and complaint counts under (SES's own message tag). */
export const mailConfigurationSetDimension = 'ses:configuration-set';

/**
 * The event filter pattern of a consumer (the same rules as `admits` in shared/stream-consumer.ts):
 * its events, any of its key prefixes and, if it names them, its sort keys.
 */
export function streamFilterPattern(consumer: StreamConsumer) {
  const filter = streamFilterOf(consumer);
  const sortKeys = filter.sortKeys?.map((key) => (typeof key === 'string' ? key : { prefix: key.prefix }));
  return {
    eventName: FilterRule.or(...filter.eventNames),
    dynamodb: {
      Keys: {
        PK: { S: filter.partitionKeyPrefixes.flatMap((prefix) => FilterRule.beginsWith(prefix)) },
        ...(sortKeys ? { SK: { S: sortKeys } } : {}),
      },
    },
  };
}

/** The consumer that sends mail; the others turn jobs into mail items for it. */
export const mailDeliveryHandler = 'outbox/deliver-mail';

/**
 * The transactional outbox and what feeds it. A handler writes a mail item (`OUTBOX#...`) or a job
 * (`CALLJOB#...`) in the same transaction as its data change; the table stream hands only those
 * inserts to their consumer. So only committed changes produce mail, and a batch that fails every
 * retry is parked in a dead-letter queue instead of being lost.
 */
export class MailPipeline extends Construct {
  /** One function per stream consumer, by handler module. */
  readonly consumers = new Map<string, RegistryFunction>();
  readonly deliverMail: RegistryFunction;
  /** Stream batches that failed every retry: their stream positions, for replay by an operator. */
  readonly deadLetterQueue: Queue;
  /** The SES configuration set every mail is sent with: bounces and complaints as metrics. */
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailPipelineProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', {
      removalPolicy: props.removalPolicy,
      destinationOf: "the stream mappings' on-failure destination",
    });

    for (const consumer of props.consumers) {
      const consumerFunction = new RegistryFunction(this, constructIdFor(consumer.handler), {
        entry: handlerEntry(consumer.handler),
        description: `Stream consumer: ${streamFilterOf(consumer).eventNames.join('/')} of ${streamFilterOf(
          consumer,
        )
          .partitionKeyPrefixes.map((p) => `${p}*`)
          .join(', ')} items`,
        environment: props.environment,
        // A batch of SES calls or a page of an audience must fit, with room for throttling back-off.
        timeout: Duration.seconds(consumer.timeoutSeconds ?? 60),
        memorySize: consumer.memoryMb,
        removalPolicy: props.removalPolicy,
        reservedConcurrency:
          concurrencyLimits.streamConsumers[consumer.handler] ?? concurrencyLimits.streamConsumerDefault,
        noDeadLetterQueueBecause:
          'Invoked only by its DynamoDB stream event source mapping, whose on-failure destination is the ' +
          'dead-letter queue of this pipeline (records that fail 5 retries); a function-level dead-letter ' +
          'queue receives only asynchronous invocations, which this function never gets.',
      });
      // Readwrite: consumers claim and mark what they processed, and write mail items.
      consumerFunction.bindTable(props.table, {
        access: 'readwrite',
        writesAudit: consumer.writesAudit ?? false,
      });
      if (consumer.files) {
        if (!props.files) throw new Error(`Stream consumer ${consumer.handler} needs the files bucket`);
        props.files.grant(consumerFunction, consumer.files);
      }
      consumerFunction.function.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          ...(consumer.batchingWindowSeconds
            ? { maxBatchingWindow: Duration.seconds(consumer.batchingWindowSeconds) }
            : {}),
          bisectBatchOnError: true,
          retryAttempts: 5,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(this.deadLetterQueue),
          // Every table write flows through the stream; only this consumer's items should wake it.
          filters: [FilterCriteria.filter(streamFilterPattern(consumer))],
        }),
      );
      Validations.of(consumerFunction).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Besides X-Ray, the DynamoDB stream event source needs dynamodb:ListStreams, which supports ' +
          'no resource-level permissions; the stream reads themselves are scoped to the table stream ARN.',
      });
      this.consumers.set(consumer.handler, consumerFunction);
    }

    const deliverMail = this.consumers.get(mailDeliveryHandler);
    if (!deliverMail)
      throw new Error(`shared/routes.ts has no stream consumer ${mailDeliveryHandler}: no mail would go out`);
    this.deliverMail = deliverMail;

    // Every mail goes out through one configuration set, whose bounces, complaints and rejects
    // become CloudWatch metrics (alarmed in alarms.ts); SES suppresses addresses that bounce or
    // complain, so a call to 5,000 experts does not keep mailing dead or unwilling inboxes.
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('DeliveryProblems', {
      destination: EventDestination.cloudWatchDimensions([
        {
          name: mailConfigurationSetDimension,
          source: CloudWatchDimensionSource.MESSAGE_TAG,
          defaultValue: 'talent-registry',
        },
      ]),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    this.deliverMail.function.addEnvironment(
      'MAIL_CONFIGURATION_SET',
      this.configurationSet.configurationSetName,
    );

    const senderDomain = props.environment.mailFrom.split('@')[1];
    if (!senderDomain) throw new Error(`MAIL_FROM "${props.environment.mailFrom}" is not an e-mail address`);
    this.deliverMail.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: senderDomain }),
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
  }
}
