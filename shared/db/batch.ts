/**
 * BatchGetItem and BatchWriteItem with what DynamoDB leaves to the caller: requests cut to its
 * limits (100 keys, 25 writes) and the unprocessed keys or items it hands back (under throttling
 * or load) retried with exponential backoff and full jitter, a bounded number of times, then an
 * error: nothing is dropped silently.
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './client.ts';
import { projection } from './items.ts';

export type ItemKey = Record<string, unknown>;
export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: ItemKey } };

export interface Backoff {
  /** Requests in all for one batch, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultBackoff: Backoff = { maxAttempts: 10, baseDelayMs: 50, maxDelayMs: 5000 };

export interface BatchOptions {
  backoff?: Backoff;
  /** How to wait between attempts (tests record the delays instead). */
  sleep?: (ms: number) => Promise<void>;
}

/** "Full jitter": a random wait between 0 and base × 2^retry, capped. */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** retry));
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends `pending` until nothing is left unprocessed, backing off between attempts. */
async function untilProcessed<T>(
  operation: string,
  first: T[],
  send: (pending: T[]) => Promise<T[]>,
  options: BatchOptions,
): Promise<void> {
  const backoff = options.backoff ?? defaultBackoff;
  let pending = first;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > backoff.maxAttempts) {
      throw new Error(
        `${operation} left ${pending.length} unprocessed after ${backoff.maxAttempts} attempts`,
      );
    }
    if (attempt > 1) await (options.sleep ?? wait)(backoffDelay(attempt - 1, backoff));
    pending = await send(pending);
  }
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The items with these keys that exist (strongly consistent), in no particular order. Up to
 * `concurrency` requests of 100 keys are in flight at once (a 50,000-row import's dry run reads
 * 500 of them: one after the other they took most of its time).
 */
export async function batchGet(
  keys: readonly ItemKey[],
  options: BatchOptions & { attributes?: readonly string[]; concurrency?: number } = {},
): Promise<Record<string, unknown>[]> {
  // DynamoDB refuses a request that names the same key twice.
  const unique = [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()];
  const found: Record<string, unknown>[] = [];
  const pending = chunks(unique, 100);
  const getChunk = (chunk: ItemKey[]) =>
    untilProcessed(
      'BatchGetItem',
      chunk,
      async (keysLeft) => {
        const result = await dynamo.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: {
                Keys: keysLeft,
                ConsistentRead: true,
                ...(options.attributes ? projection(options.attributes) : {}),
              },
            },
          }),
        );
        found.push(...(result.Responses?.[tableName] ?? []));
        return result.UnprocessedKeys?.[tableName]?.Keys ?? [];
      },
      options,
    );
  const worker = async () => {
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) await getChunk(chunk);
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, pending.length)) }, worker),
  );
  return found;
}

/** Puts and deletes, 25 a request, one request after the other. */
export async function batchWrite(
  requests: readonly WriteRequest[],
  options: BatchOptions = {},
): Promise<void> {
  for (const chunk of chunks(requests, 25)) {
    await untilProcessed(
      'BatchWriteItem',
      chunk,
      async (pending) => {
        const result = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        return (result.UnprocessedItems?.[tableName] as WriteRequest[] | undefined) ?? [];
      },
      options,
    );
  }
}

/** Deletes the items with these keys; deleting a missing item is no error. */
export const batchDelete = (keys: readonly ItemKey[], options: BatchOptions = {}): Promise<void> =>
  batchWrite(
    keys.map((Key) => ({ DeleteRequest: { Key } })),
    options,
  );
