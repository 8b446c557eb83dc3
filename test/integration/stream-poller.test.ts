/**
 * The local event source mapping recovers as Lambda's does: an expired or trimmed shard iterator
 * is replaced by one after the last record handed over, so no record is skipped or repeated.
 * Runs its own table and poller with a recording consumer, so the server's mail is not involved.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, GetRecordsCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb-local.ts';
import { type StreamPoller, startStreamPoller } from '../../infra/local/stream-poller.ts';

const pollers: StreamPoller[] = [];
afterEach(async () => {
  for (const poller of pollers.splice(0)) await poller.stop();
});

/** A streams client whose GetRecords fails once with `errorName` after `okCalls` good calls. */
function failingOnce(endpoint: string, errorName: string, okCalls: number): DynamoDBStreamsClient {
  const client = new DynamoDBStreamsClient({ endpoint });
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  let getRecordsCalls = 0;
  client.send = (async (command: unknown) => {
    if (command instanceof GetRecordsCommand && ++getRecordsCalls === okCalls + 1) {
      const error = new Error(`injected ${errorName}`);
      error.name = errorName;
      throw error;
    }
    return send(command);
  }) as typeof client.send;
  return client;
}

describe.each(['ExpiredIteratorException', 'TrimmedDataAccessException'])(
  'the local stream poller after %s',
  (errorName) => {
    it('resumes after the last delivered record: every record once, in order', async () => {
      const endpoint = inject('ddbEndpoint');
      const tableName = `poller-${randomUUID().slice(0, 8)}`;
      await ensureTable(endpoint, tableName);
      const dynamo = new DynamoDBClient({ endpoint });
      const put = (n: number) =>
        dynamo.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { PK: { S: `OUTBOX#${n}` }, SK: { S: 'MAIL' } },
          }),
        );
      const delivered: string[] = [];
      const errors: string[] = [];
      const poller = await startStreamPoller({
        endpoint,
        tableName,
        intervalMs: 20,
        streamsClient: failingOnce(endpoint, errorName, 3),
        onError: (error) => errors.push(error.name),
        loadHandler: async (name) => async (event: DynamoDBStreamEvent) => {
          if (name === 'outbox/deliver-mail') {
            for (const record of event.Records) delivered.push(record.dynamodb?.Keys?.PK?.S ?? '');
          }
          return { batchItemFailures: [] };
        },
      });
      pollers.push(poller);

      for (let n = 1; n <= 3; n++) await put(n);
      await poller.drain();
      for (let n = 4; n <= 6; n++) await put(n);
      await poller.drain();
      await poller.drain();

      expect(delivered).toEqual([1, 2, 3, 4, 5, 6].map((n) => `OUTBOX#${n}`));
      expect(errors).toEqual([]);
      dynamo.destroy();
    });
  },
);
