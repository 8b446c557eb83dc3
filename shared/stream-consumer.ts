/**
 * A DynamoDB stream consumer: Powertools' batch processor over the records, one at a time in
 * stream order, with a partial batch response (the failed records are retried, then dead-lettered),
 * and the same filter as the CDK event source mapping and the local poller (shared/routes.ts
 * `streamConsumers`), so a record the filter would not admit is never acted on.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { contextFor, withPowertools } from './lambda-context.ts';
import { type StreamConsumer, streamConsumers, streamFilterOf } from './routes.ts';

export type StreamRecordHandler = (record: DynamoDBRecord, context: Context) => Promise<void>;

/** Whether a record is one the consumer's filter admits: its event on its partition key prefix. */
export function admits(consumer: StreamConsumer, record: DynamoDBRecord): boolean {
  const pk = record.dynamodb?.Keys?.PK?.S ?? '';
  const sk = record.dynamodb?.Keys?.SK?.S ?? '';
  const filter = streamFilterOf(consumer);
  return (
    filter.eventNames.includes(record.eventName as never) &&
    filter.partitionKeyPrefixes.some((prefix) => pk.startsWith(prefix)) &&
    (!filter.sortKeys ||
      filter.sortKeys.some((key) => (typeof key === 'string' ? sk === key : sk.startsWith(key.prefix))))
  );
}

/** The partition key of a record without the consumer's prefix (the mail id, the call id, ...). */
export const keyAfterPrefix = (consumer: StreamConsumer, record: DynamoDBRecord): string => {
  const pk = record.dynamodb?.Keys?.PK?.S ?? '';
  const prefix = streamFilterOf(consumer).partitionKeyPrefixes.find((p) => pk.startsWith(p)) ?? '';
  return pk.slice(prefix.length);
};

export function streamConsumer(
  handlerModule: string,
  handleRecord: (record: DynamoDBRecord, context: Context, consumer: StreamConsumer) => Promise<void>,
): (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse> {
  const consumer = streamConsumers.find((c) => c.handler === handlerModule);
  if (!consumer) throw new Error(`shared/routes.ts has no stream consumer ${handlerModule}`);
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const stack = withPowertools(
    middy(async (event: DynamoDBStreamEvent, context: Context) =>
      processPartialResponse(
        event,
        async (record: DynamoDBRecord) => {
          if (admits(consumer, record)) await handleRecord(record, context, consumer);
        },
        processor,
        // In order, as the stream delivers them; a batch that fails whole is reported like any
        // other (every record listed), so Lambda retries it and then parks it in the DLQ.
        { context, processInParallel: false, throwOnFullBatchFailure: false },
      ),
    ),
  );
  const functionName = handlerModule.replace('/', '-');
  return (event, context) => stack(event, contextFor(functionName, context));
}
