/**
 * Bulk writes for the demo seed, benchmarks and the call notification job: BatchWriteItem in
 * parallel (DynamoDB Local takes ~140 puts/s one at a time but several times that in parallel
 * batches), each batch retried with backoff until written (batch.ts).
 */
import { batchWrite } from './batch.ts';

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
      await batchWrite(batch.map((Item) => ({ PutRequest: { Item } })));
      written += batch.length;
      options.onProgress?.(written);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
}
