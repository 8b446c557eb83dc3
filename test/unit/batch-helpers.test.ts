import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The repositories read their configuration when first imported.
process.env.TABLE_NAME ??= 'batch-helpers-test';
const table = process.env.TABLE_NAME;

const dynamo = mockClient(DynamoDBDocumentClient);
let batch: typeof import('#shared/db/batch');

beforeAll(async () => {
  batch = await import('#shared/db/batch');
});

afterEach(() => {
  dynamo.reset();
  vi.restoreAllMocks();
});

const put = (n: number) => ({ PutRequest: { Item: { PK: `P#${n}`, SK: 'S' } } });
const backoff = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

function recordSleeps() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('batchWrite: UnprocessedItems are retried with backoff', () => {
  it('sends again exactly what DynamoDB left unprocessed, waiting longer each time, until none is left', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    dynamo
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [table]: [put(2), put(3)] } })
      .resolvesOnce({ UnprocessedItems: { [table]: [put(3)] } })
      .resolves({});
    const { delays, sleep } = recordSleeps();

    await batch.batchWrite([put(1), put(2), put(3)], { backoff, sleep });

    const sent = dynamo.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.[table]);
    expect(sent).toEqual([[put(1), put(2), put(3)], [put(2), put(3)], [put(3)]]);
    // Full jitter at random() = 0.5: half of 100 × 2^1, then of 100 × 2^2.
    expect(delays).toEqual([100, 200]);
  });

  it('gives up with an error after the last attempt instead of dropping the items', async () => {
    dynamo.on(BatchWriteCommand).resolves({ UnprocessedItems: { [table]: [put(1)] } });
    const { delays, sleep } = recordSleeps();

    await expect(batch.batchWrite([put(1)], { backoff, sleep })).rejects.toThrow(
      'BatchWriteItem left 1 unprocessed after 4 attempts',
    );
    expect(dynamo.commandCalls(BatchWriteCommand)).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('writes 25 items a request', async () => {
    dynamo.on(BatchWriteCommand).resolves({});
    await batch.batchWrite(
      Array.from({ length: 60 }, (_, i) => put(i)),
      { backoff },
    );
    const sizes = dynamo
      .commandCalls(BatchWriteCommand)
      .map((c) => c.args[0].input.RequestItems?.[table].length);
    expect(sizes).toEqual([25, 25, 10]);
  });
});

describe('batchGet: UnprocessedKeys are retried with backoff', () => {
  it('returns the items of every attempt and asks again only for the unprocessed keys', async () => {
    const key = (n: number) => ({ PK: `P#${n}`, SK: 'S' });
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [table]: [key(1)] }, UnprocessedKeys: { [table]: { Keys: [key(2)] } } })
      .resolves({ Responses: { [table]: [key(2)] } });
    const { delays, sleep } = recordSleeps();

    const found = await batch.batchGet([key(1), key(2), key(1)], { backoff, sleep });

    expect(found).toEqual([key(1), key(2)]);
    const asked = dynamo.commandCalls(BatchGetCommand).map((c) => c.args[0].input.RequestItems?.[table]);
    // The repeated key is asked for once (DynamoDB refuses duplicates), strongly consistent.
    expect(asked).toEqual([
      { Keys: [key(1), key(2)], ConsistentRead: true },
      { Keys: [key(2)], ConsistentRead: true },
    ]);
    expect(delays).toHaveLength(1);
  });

  it('gives up with an error after the last attempt', async () => {
    const key = { PK: 'P#1', SK: 'S' };
    dynamo.on(BatchGetCommand).resolves({ UnprocessedKeys: { [table]: { Keys: [key] } } });
    await expect(batch.batchGet([key], { backoff, sleep: async () => {} })).rejects.toThrow(
      'BatchGetItem left 1 unprocessed after 4 attempts',
    );
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(4);
  });
});

describe('backoffDelay', () => {
  it('doubles the ceiling per retry up to the cap, and jitters below it', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4].map((retry) => batch.backoffDelay(retry, backoff, top))).toEqual([
      199, 399, 799, 999,
    ]);
    expect(batch.backoffDelay(3, backoff, () => 0)).toBe(0);
  });

  it('keeps at most `concurrency` requests of 100 keys in flight and returns what all of them found', async () => {
    const key = (n: number) => ({ PK: `P#${n}`, SK: 'S' });
    let inFlight = 0;
    let most = 0;
    dynamo.on(BatchGetCommand).callsFake(async (input) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return { Responses: { [table]: input.RequestItems[table].Keys } };
    });

    const found = await batch.batchGet(
      Array.from({ length: 950 }, (_, i) => key(i)),
      { concurrency: 3 },
    );

    expect(found).toHaveLength(950);
    expect(new Set(found.map((item) => item.PK)).size).toBe(950);
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(10);
    expect(most).toBe(3);
  });
});
