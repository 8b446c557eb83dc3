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
import { admits } from '#shared/stream-consumer';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handed to the consumers. */
  drain(): Promise<void>;
}

/** Errors after which a shard iterator is useless: get a new one from where we stopped. */
const lostIteratorErrors = new Set(['ExpiredIteratorException', 'TrimmedDataAccessException']);

interface ShardPosition {
  /** Undefined once the shard is closed and read to its end. */
  iterator: string | undefined;
  /** The last record handed to the consumers: a new iterator resumes after it. */
  lastSequenceNumber?: string;
}

export async function startStreamPoller(options: {
  endpoint: string;
  tableName: string;
  loadHandler: (name: string) => Promise<StreamHandler>;
  intervalMs?: number;
  onError?: (error: Error) => void;
  /** Only for tests that inject faults the real stream will not produce on demand. */
  streamsClient?: DynamoDBStreamsClient;
}): Promise<StreamPoller> {
  const clientConfig = { endpoint: options.endpoint };
  const dynamo = new DynamoDBClient(clientConfig);
  const streams = options.streamsClient ?? new DynamoDBStreamsClient(clientConfig);
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const shards = new Map<string, ShardPosition>();
  let stopped = false;
  let idle = false;
  let waiters: (() => void)[] = [];

  /** An iterator after the last processed record, or from the oldest record kept if none. */
  async function iteratorFor(shardId: string, after: string | undefined): Promise<string | undefined> {
    const request = after
      ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: after }
      : { ShardIteratorType: 'TRIM_HORIZON' as const };
    try {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...request }),
      );
      return ShardIterator;
    } catch (error) {
      // The record we stopped after was trimmed away (24 h in DynamoDB): the oldest one kept is next.
      if (after && lostIteratorErrors.has((error as Error).name)) return iteratorFor(shardId, undefined);
      throw error;
    }
  }

  /** Re-reads the shard list: new shards start at their oldest record; vanished ones are dropped. */
  async function refreshShards() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const current = new Set<string>();
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId) continue;
      current.add(shard.ShardId);
      if (!shards.has(shard.ShardId)) {
        shards.set(shard.ShardId, { iterator: await iteratorFor(shard.ShardId, undefined) });
      }
    }
    for (const shardId of shards.keys()) if (!current.has(shardId)) shards.delete(shardId);
  }

  async function deliver(consumer: StreamConsumer, records: _Record[]) {
    const handler = await options.loadHandler(consumer.handler);
    let pending = records.filter((r) => admits(consumer, r as DynamoDBRecord));
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

  // Each consumer drains its own queue, in stream order, as each has its own event source mapping
  // in AWS: a slow consumer (the statistics over a bulk load) never holds up another (the mail).
  const queues = new Map(
    streamConsumers.map((c) => [
      c.handler,
      { records: [] as _Record[], running: null as Promise<void> | null },
    ]),
  );
  const consumersBusy = () => [...queues.values()].some((q) => q.running !== null || q.records.length > 0);

  function enqueue(consumer: StreamConsumer, records: _Record[]) {
    const queue = queues.get(consumer.handler);
    if (!queue) return;
    queue.records.push(...records.filter((r) => admits(consumer, r as DynamoDBRecord)));
    if (queue.running || queue.records.length === 0) return;
    queue.running = (async () => {
      try {
        while (queue.records.length > 0) await deliver(consumer, queue.records.splice(0, 1000));
      } catch (error) {
        options.onError?.(error as Error);
      } finally {
        queue.running = null;
      }
    })();
  }

  async function pollOnce(): Promise<number> {
    await refreshShards();
    let seen = 0;
    for (const [shardId, position] of shards) {
      if (!position.iterator) continue;
      let page: Awaited<ReturnType<typeof readPage>>;
      try {
        page = await readPage(position.iterator);
      } catch (error) {
        if (!lostIteratorErrors.has((error as Error).name)) throw error;
        // An iterator expires after 15 minutes unused, or its records were trimmed: resume after
        // the last record handed over, so nothing is skipped and nothing is delivered twice.
        position.iterator = await iteratorFor(shardId, position.lastSequenceNumber);
        continue;
      }
      position.iterator = page.NextShardIterator;
      const records = (page.Records ?? []).map((r) => ({ ...r, eventSourceARN: streamArn }));
      seen += records.length;
      for (const consumer of streamConsumers) enqueue(consumer, records);
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) position.lastSequenceNumber = last;
    }
    return seen;
  }

  const readPage = (iterator: string) =>
    streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));

  const loop = (async () => {
    while (!stopped) {
      try {
        const seen = await pollOnce();
        idle = seen === 0 && !consumersBusy();
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
      await Promise.all([...queues.values()].map((q) => q.running));
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
