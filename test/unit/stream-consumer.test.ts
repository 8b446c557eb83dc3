/**
 * Every stream consumer acts only on the records its event source filter admits (its event on
 * its key prefix), the same filter the CDK mapping and the local poller apply; remove the check
 * from shared/stream-consumer.ts and these fail.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { streamConsumers } from '#shared/routes';
import { streamConsumer } from '#shared/stream-consumer';

const recordOf = (eventName: DynamoDBRecord['eventName'], pk: string, sequence: string): DynamoDBRecord => ({
  eventID: sequence,
  eventName,
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: { PK: { S: pk }, SK: { S: 'X' } }, SequenceNumber: sequence },
});

describe.each(streamConsumers.map((c) => [c.handler, c] as const))('the %s consumer', (_, consumer) => {
  const other = ['INSERT', 'MODIFY', 'REMOVE'].filter(
    (e) => e !== consumer.eventName,
  ) as DynamoDBRecord['eventName'][];

  it('hands on its own records, with the key after the prefix, and no other record', async () => {
    const seen: string[] = [];
    const handler = streamConsumer(consumer.handler, async (record) => {
      seen.push(record.dynamodb?.SequenceNumber ?? '');
    });
    const result = await handler({
      Records: [
        recordOf(consumer.eventName, `${consumer.partitionKeyPrefix}mine`, '1'),
        ...other.map((eventName, i) =>
          recordOf(eventName, `${consumer.partitionKeyPrefix}mine`, `${10 + i}`),
        ),
        recordOf(consumer.eventName, 'EXPERT#someone', '20'),
        recordOf(consumer.eventName, `X${consumer.partitionKeyPrefix}`, '21'),
        recordOf(consumer.eventName, `${consumer.partitionKeyPrefix}also-mine`, '2'),
      ],
    });

    expect(seen).toEqual(['1', '2']);
    expect(result.batchItemFailures).toEqual([]);
  });

  it('reports exactly the records whose handling failed, in a batch that otherwise succeeds', async () => {
    const handler = streamConsumer(consumer.handler, async (record) => {
      if (record.dynamodb?.SequenceNumber === '2') throw new Error('injected');
    });
    const result = await handler({
      Records: ['1', '2', '3'].map((n) =>
        recordOf(consumer.eventName, `${consumer.partitionKeyPrefix}${n}`, n),
      ),
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
  });
});
