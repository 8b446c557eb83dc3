/**
 * The statistics read model: a handful of counter items kept from the table's stream.
 *   STATS / experts#registered   people by source (experts#roster for the import's roster entries)
 *   STATS / demands · offers · calls
 *   STATSDONE#<stream event id> / MARKER   one per applied stream record, with a 2-day TTL
 * Each counter item holds flat `dimension:value` number attributes (shared/domain/statistics.ts),
 * `rev` (bumped by every change) and `asOf`. Reading the statistics is one BatchGetItem of these
 * few items whatever the size of the register.
 *
 * Exactly once: a record's deltas and its marker are one TransactWriteItems, the marker put on
 * `attribute_not_exists`. A record delivered again (Lambda retries a batch, the poller resends)
 * finds its marker and changes nothing; a failed transaction changes nothing either, so the retry
 * applies it whole. The marker outlives the stream's 24-hour retention, after which no record can
 * come again.
 */
import { PutCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CountablePerson,
  type CounterScope,
  type Counters,
  callContribution,
  callResponseContribution,
  counterDelta,
  demandContribution,
  offerContribution,
  type PeopleSource,
  peopleSources,
  personContribution,
  rosterEntryContribution,
  sumCounters,
} from '../domain/statistics.ts';
import { batchGet } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed, isTransactionConflict } from './errors.ts';
import { ttlAt } from './keys.ts';

export const statsKeys = {
  partition: 'STATS',
  counters: (scope: CounterScope) => ({ PK: 'STATS', SK: scope }),
  marker: (eventId: string) => ({ PK: `STATSDONE#${eventId}`, SK: 'MARKER' }),
};

export const peopleScope = (source: PeopleSource): CounterScope => `experts#${source}`;
export const counterScopes: readonly CounterScope[] = [
  ...peopleSources.map(peopleScope),
  'demands',
  'offers',
  'calls',
];

/** Attributes of a counter item that are not counters. */
const bookkeeping = new Set(['PK', 'SK', 'type', 'rev', 'asOf', 'recountedAt']);

/** Markers are kept past the stream's 24-hour retention: no record can arrive after they expire. */
const markerDays = 2;

/**
 * The one place that knows which stored items are counted, and as what: the stream consumer and
 * the recount both ask it. Roster entries of the spreadsheet import (issue #12) join here with
 * their key, `personContribution` and the `roster` source.
 */
export function countedItem(
  key: { PK: string; SK: string },
  item: Record<string, unknown> | undefined,
): { scope: CounterScope; counters: Counters } | undefined {
  const { PK, SK } = key;
  if (PK.startsWith('EXPERT#') && SK === 'PROFILE') {
    return {
      scope: peopleScope('registered'),
      counters: personContribution(item as CountablePerson | undefined),
    };
  }
  if (PK.startsWith('ROSTER#') && SK === 'ENTRY') {
    return { scope: peopleScope('roster'), counters: rosterEntryContribution(item) };
  }
  if (PK.startsWith('DEMAND#') && SK === 'DEMAND') {
    return {
      scope: 'demands',
      counters: demandContribution(item as Parameters<typeof demandContribution>[0]),
    };
  }
  if (PK.startsWith('OFFER#') && SK === 'OFFER') {
    return { scope: 'offers', counters: offerContribution(item as Parameters<typeof offerContribution>[0]) };
  }
  if (PK.startsWith('CALL#') && SK === 'CALL') {
    return { scope: 'calls', counters: callContribution(item as { status: string } | undefined) };
  }
  if (PK.startsWith('CALL#') && SK.startsWith('RESPONSE#')) {
    return { scope: 'calls', counters: callResponseContribution(item) };
  }
  return undefined;
}

/** The counter changes of one stored change: the new image's contribution minus the old one's. */
export function deltaOfChange(
  key: { PK: string; SK: string },
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown> | undefined,
): { scope: CounterScope; delta: Counters } | undefined {
  const before = countedItem(key, oldImage);
  const after = countedItem(key, newImage);
  if (!before || !after) return undefined;
  const delta = counterDelta(before.counters, after.counters);
  return Object.keys(delta).length ? { scope: after.scope, delta } : undefined;
}

function counterUpdate(scope: CounterScope, delta: Counters, now: Date) {
  const names: Record<string, string> = { '#rev': 'rev', '#asOf': 'asOf', '#type': 'type' };
  const values: Record<string, unknown> = { ':one': 1, ':now': now.toISOString(), ':type': 'statsCounters' };
  const adds = ['#rev :one'];
  Object.entries(delta).forEach(([name, n], i) => {
    names[`#k${i}`] = name;
    values[`:v${i}`] = n;
    adds.push(`#k${i} :v${i}`);
  });
  return {
    Update: {
      TableName: tableName,
      Key: statsKeys.counters(scope),
      UpdateExpression: `SET #asOf = :now, #type = :type ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Applies one stream record's delta once: false if this record was applied before. Concurrent
 * consumers that touch the same counter item conflict now and then; that is retried here.
 */
export async function applyCounterDelta(
  eventId: string,
  change: { scope: CounterScope; delta: Counters },
  now: Date,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...statsKeys.marker(eventId),
                  type: 'statsMarker',
                  ttl: ttlAt(new Date(now.getTime() + markerDays * 86_400_000)),
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            counterUpdate(change.scope, change.delta, now),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledConditions(error)?.includes(0)) return false;
      if (!isTransactionConflict(error) || attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}

export interface CounterItem {
  counters: Counters;
  rev: number;
  asOf: string | null;
}

function toCounterItem(item: Record<string, unknown> | undefined): CounterItem {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    if (!bookkeeping.has(name) && typeof value === 'number') counters[name] = value;
  }
  return {
    counters,
    rev: Number(item?.rev ?? 0),
    asOf: typeof item?.asOf === 'string' ? item.asOf : null,
  };
}

/** Every counter item, in one (consistent) BatchGetItem: a fixed number of items. */
export async function readCounters(): Promise<Map<CounterScope, CounterItem>> {
  const items = await batchGet(counterScopes.map((scope) => statsKeys.counters(scope)));
  const bySk = new Map(items.map((item) => [String(item.SK), item]));
  return new Map(counterScopes.map((scope) => [scope, toCounterItem(bySk.get(scope))]));
}

export type ScanKey = Record<string, unknown>;

/**
 * One page of the recount's scan from `startKey`: what its counted items add to each counter item,
 * how many items it counted, and where the next page starts (undefined: the scan is done).
 */
export async function countTablePage(
  startKey: ScanKey | undefined,
  /** Items read per page; unset: DynamoDB's 1 MB pages (tests make them small to stop between pages). */
  pageLimit?: number,
): Promise<{ totals: Map<CounterScope, Counters>; counted: number; nextKey: ScanKey | undefined }> {
  const totals = new Map<CounterScope, Counters>();
  const page = await dynamo.send(
    new ScanCommand({
      TableName: tableName,
      ...(pageLimit ? { Limit: pageLimit } : {}),
      FilterExpression: 'SK IN (:p, :e, :d, :o, :c) OR begins_with(SK, :r)',
      ExpressionAttributeValues: {
        ':p': 'PROFILE',
        ':e': 'ENTRY',
        ':d': 'DEMAND',
        ':o': 'OFFER',
        ':c': 'CALL',
        ':r': 'RESPONSE#',
      },
      ExclusiveStartKey: startKey,
    }),
  );
  let counted = 0;
  for (const item of page.Items ?? []) {
    const found = countedItem({ PK: String(item.PK), SK: String(item.SK) }, item);
    if (!found) continue;
    counted++;
    const total = totals.get(found.scope) ?? {};
    for (const [name, n] of Object.entries(found.counters)) total[name] = (total[name] ?? 0) + n;
    totals.set(found.scope, total);
  }
  return { totals, counted, nextKey: page.LastEvaluatedKey };
}

/** Counts every counted item of the table from scratch (a full scan: the recount only). */
export async function countFromTable(): Promise<Map<CounterScope, Counters>> {
  const totals = new Map<CounterScope, Counters>(counterScopes.map((s) => [s, {}]));
  let startKey: ScanKey | undefined;
  do {
    const page = await countTablePage(startKey);
    for (const [scope, counters] of page.totals)
      totals.set(scope, sumCounters(totals.get(scope) ?? {}, counters));
    startKey = page.nextKey;
  } while (startKey);
  return totals;
}

/**
 * Replaces a counter item with recounted values, unless a stream record changed it since `rev`
 * was read (false: count again).
 */
export async function replaceCounters(
  scope: CounterScope,
  counters: Counters,
  readRev: number,
  now: Date,
): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...statsKeys.counters(scope),
          type: 'statsCounters',
          ...Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0)),
          rev: readRev + 1,
          asOf: now.toISOString(),
          recountedAt: now.toISOString(),
        },
        ConditionExpression: readRev === 0 ? 'attribute_not_exists(rev) OR rev = :rev' : 'rev = :rev',
        ExpressionAttributeValues: { ':rev': readRev },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
