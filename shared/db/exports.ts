/**
 * Exports: EXPORT#<id> / EXPORT, written (with its audit event) when an export is asked for; its
 * stream INSERT runs the export (functions/exports/run-export.ts), which records progress here
 * and, when the file is written, marks it done in one transaction with the audit event that
 * holds the row count. Records go after 30 days (TTL); the files sooner (bucket lifecycle).
 */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExportRecord } from '../domain/exports.ts';
import { dynamo, tableName } from './client.ts';
import { ttlAt } from './keys.ts';
import type { TransactItem } from './transaction.ts';

export const exportKey = (id: string) => ({ PK: `EXPORT#${id}`, SK: 'EXPORT' });

export async function putNewExport(record: ExportRecord, now: Date, extra: TransactItem[]): Promise<void> {
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...exportKey(record.id),
              type: 'export',
              ...record,
              ttl: ttlAt(new Date(now.getTime() + 30 * 86_400_000)),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...extra,
      ],
    }),
  );
}

export async function getExport(id: string): Promise<ExportRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: exportKey(id), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, type: _t, ttl: _ttl, ...record } = Item;
  return record as ExportRecord;
}

export async function updateExport(
  id: string,
  changes: Partial<ExportRecord>,
  now: Date,
  extra: TransactItem[] = [],
) {
  const entries = Object.entries({ ...changes, updatedAt: now.toISOString() });
  const update = {
    TableName: tableName,
    Key: exportKey(id),
    UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
  };
  if (extra.length === 0) {
    await dynamo.send(new UpdateCommand(update));
    return;
  }
  await dynamo.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...extra] }));
}
