/**
 * Every stream consumer acts only on the records its event source filter admits (its event on
 * its key prefix), the same filter the CDK mapping and the local poller apply; remove the check
 * from shared/stream-consumer.ts and these fail.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { streamConsumers, streamFilterOf } from '#shared/routes';
import { streamConsumer } from '#shared/stream-consumer';

describe.each(streamConsumers.map((c) => [c.handler, c] as const))('the %s consumer', (_, consumer) => {
  const filter = streamFilterOf(consumer);
  const sortKey = (() => {
    const first = filter.sortKeys?.[0] ?? 'X';
    return typeof first === 'string' ? first : `${first.prefix}x`;
  })();
  const recordOf = (
    eventName: DynamoDBRecord['eventName'],
    pk: string,
    sequence: string,
    sk = sortKey,
  ): DynamoDBRecord => ({
    eventID: sequence,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { PK: { S: pk }, SK: { S: sk } }, SequenceNumber: sequence },
  });
  const mine = filter.eventNames[0] as DynamoDBRecord['eventName'];
  const prefix = filter.partitionKeyPrefixes[0];
  const other = (['INSERT', 'MODIFY', 'REMOVE'] as const).filter((e) => !filter.eventNames.includes(e));
  const otherPrefix = filter.partitionKeyPrefixes.includes('EXPERT#') ? 'POLICY#' : 'EXPERT#';

  it('hands on its own records, with the key after the prefix, and no other record', async () => {
    const seen: string[] = [];
    const handler = streamConsumer(consumer.handler, async (record) => {
      seen.push(record.dynamodb?.SequenceNumber ?? '');
    });
    const result = await handler({
      Records: [
        recordOf(mine, `${prefix}mine`, '1'),
        ...other.map((eventName, i) => recordOf(eventName, `${prefix}mine`, `${10 + i}`)),
        recordOf(mine, `${otherPrefix}someone`, '20'),
        recordOf(mine, `X${prefix}`, '21'),
        ...(filter.sortKeys ? [recordOf(mine, `${prefix}mine`, '22', 'SESSION#x')] : []),
        recordOf(mine, `${prefix}also-mine`, '2'),
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
      Records: ['1', '2', '3'].map((n) => recordOf(mine, `${prefix}${n}`, n)),
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
  });
});
