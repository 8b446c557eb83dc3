/**
 * Duplicate pairs: DUP#<pairId> / PAIR, `type: 'duplicatePair'`. The id is derived from the two
 * records (domain/duplicates.ts), so proposing a pair again finds the item already there, whatever
 * its status: a pair marked distinct is never proposed again.
 *
 * GSI1: DUPS#<status> / <createdAt>#<id>: the queue (open pairs, oldest first) and the resolved.
 * Resolving is one transaction conditional on the pair still being open at the version read, with
 * the records' changes and the audit event: two administrators on one pair, one wins, one gets 409.
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordedActor } from '../domain/actor.ts';
import type { DuplicatePair, DuplicateStatus } from '../domain/duplicates.ts';
import { Conflict } from '../domain/errors.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed, isTransactionConflict } from './errors.ts';
import { queryPage } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export const duplicateKeys = {
  pair: (id: string) => ({ PK: `DUP#${id}`, SK: 'PAIR' }),
  queue: (status: DuplicateStatus) => `DUPS#${status}`,
};

const pairItem = (pair: DuplicatePair) => ({
  ...duplicateKeys.pair(pair.id),
  type: 'duplicatePair',
  ...pair,
  GSI1PK: duplicateKeys.queue(pair.status),
  GSI1SK: `${pair.createdAt}#${pair.id}`,
});

function toPair(item: Record<string, unknown>): DuplicatePair {
  const { PK: _pk, SK: _sk, type: _t, GSI1PK: _a, GSI1SK: _b, ...pair } = item;
  return pair as unknown as DuplicatePair;
}

/** Puts the pairs not known yet; returns how many were new. */
export async function proposePairs(pairs: readonly DuplicatePair[]): Promise<number> {
  let added = 0;
  for (const pair of pairs) {
    try {
      await dynamo.send(
        new PutCommand({
          TableName: tableName,
          Item: pairItem(pair),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      added++;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  return added;
}

export async function getPair(id: string): Promise<DuplicatePair | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: duplicateKeys.pair(id), ConsistentRead: true }),
  );
  return Item ? toPair(Item) : undefined;
}

export const listPairs = (status: DuplicateStatus, limit: number, cursor: string | undefined) =>
  queryPage({ index: 'GSI1', partition: duplicateKeys.queue(status) }, limit, cursor, toPair);

/** The pair's own write in a resolving transaction: open at the version read → `to`. */
export function resolvePairWrite(
  pair: DuplicatePair,
  to: Exclude<DuplicateStatus, 'open'>,
  by: RecordedActor,
  now: Date,
  merge?: DuplicatePair['merge'],
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: duplicateKeys.pair(pair.id),
      UpdateExpression: `SET #st = :to, GSI1PK = :queue, resolvedBy = :by, resolvedAt = :now, version = :next${merge ? ', #merge = :merge' : ''}`,
      ConditionExpression: '#st = :open AND version = :read',
      ExpressionAttributeNames: { '#st': 'status', ...(merge ? { '#merge': 'merge' } : {}) },
      ExpressionAttributeValues: {
        ':to': to,
        ':queue': duplicateKeys.queue(to),
        ':by': by,
        ':now': now.toISOString(),
        ':next': pair.version + 1,
        ':open': 'open',
        ':read': pair.version,
        ...(merge ? { ':merge': merge } : {}),
      },
    },
  };
}

/** Runs a resolving transaction; any failed condition (the pair or a record moved on) is a 409. */
export async function resolveInTransaction(items: TransactItem[]): Promise<void> {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    throw asResolveConflict(error);
  }
}

/** A lost race in a resolving transaction, as the 409 the caller gets; other errors unchanged. */
export function asResolveConflict(error: unknown): unknown {
  if (cancelledConditions(error)?.length || isTransactionConflict(error)) {
    return new Conflict('This pair has been resolved already, or one of its records has changed; reload it');
  }
  return error;
}
