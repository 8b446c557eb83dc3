/**
 * Bulk writes for the demo seed and benchmarks: BatchWriteItem in parallel (DynamoDB Local takes
 * ~140 puts/s one at a time but several times that in parallel batches), retrying unprocessed
 * items with back-off so nothing is silently dropped.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './client.ts';

export async function batchPut(
  items: Record<string, unknown>[],
  options: { concurrency?: number; onProgress?: (written: number) => void } = {},
): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  let written = 0;
  async function worker() {
    while (next < batches.length) {
      const batch = batches[next++];
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; requests.length > 0; round++) {
        if (round > 10) throw new Error('BatchWriteItem kept returning unprocessed items');
        if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(round, 6)));
        const result = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (result.UnprocessedItems?.[tableName] as typeof requests | undefined) ?? [];
      }
      written += batch.length;
      options.onProgress?.(written);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
}
