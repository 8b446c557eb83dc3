/**
 * The local event source mapping: polls the table's DynamoDB Local stream and invokes the real
 * stream handlers with the records their CDK filter admits (shared/routes.ts streamConsumers).
 * Failed records (batchItemFailures) are retried a few times, as Lambda would.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type StreamConsumer, streamConsumers } from '#shared/routes';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handed to the consumers. */
  drain(): Promise<void>;
}

export function admits(consumer: StreamConsumer, record: _Record): boolean {
  return (
    record.eventName === consumer.eventName &&
    !!record.dynamodb?.Keys?.PK?.S?.startsWith(consumer.partitionKeyPrefix)
  );
}

export async function startStreamPoller(options: {
  endpoint: string;
  tableName: string;
  loadHandler: (name: string) => Promise<StreamHandler>;
  intervalMs?: number;
  onError?: (error: Error) => void;
}): Promise<StreamPoller> {
  const clientConfig = { endpoint: options.endpoint };
  const dynamo = new DynamoDBClient(clientConfig);
  const streams = new DynamoDBStreamsClient(clientConfig);
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | undefined>();
  let stopped = false;
  let idle = false;
  let waiters: (() => void)[] = [];

  async function refreshShards() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, ShardIterator);
    }
  }

  async function deliver(consumer: StreamConsumer, records: _Record[]) {
    const handler = await options.loadHandler(consumer.handler);
    let pending = records.filter((r) => admits(consumer, r));
    for (let attempt = 0; pending.length > 0 && attempt < 4; attempt++) {
      const failed = new Set<string>();
      for (let i = 0; i < pending.length; i += consumer.batchSize) {
        const batch = pending.slice(i, i + consumer.batchSize);
        const result = await handler({ Records: batch as unknown as DynamoDBRecord[] });
        for (const f of result?.batchItemFailures ?? []) failed.add(f.itemIdentifier);
      }
      pending = pending.filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      if (pending.length) await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }

  async function pollOnce(): Promise<number> {
    await refreshShards();
    let seen = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(shardId, page.NextShardIterator);
      const records = (page.Records ?? []).map((r) => ({ ...r, eventSourceARN: streamArn }));
      seen += records.length;
      for (const consumer of streamConsumers) await deliver(consumer, records);
    }
    return seen;
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        const seen = await pollOnce();
        idle = seen === 0;
        if (idle) {
          for (const w of waiters) w();
          waiters = [];
        }
      } catch (error) {
        options.onError?.(error as Error);
      }
      if (idle && !stopped) await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
      for (const w of waiters) w();
      dynamo.destroy();
      streams.destroy();
    },
    drain() {
      idle = false;
      return new Promise((resolveDrain) => waiters.push(resolveDrain));
    },
  };
}
