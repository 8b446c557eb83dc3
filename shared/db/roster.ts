/**
 * Roster entries: ROSTER#<entryId> / ENTRY, `type: 'rosterEntry'`, `source` (whose list),
 * `importId` and `row` (where it came from), `status` (`roster`, or `claimed` once its person
 * registered; statistics count `roster` ones, the registration counts the claimed person).
 * The id is a hash of the person's identity (roster.ts), so a later file updates the same entry.
 *
 * GSI1: ROSTER#NAMES / <folded name>#<birth year>#<id>: where likely duplicates meet.
 * GSI2: ROSTERIMPORT#<importId> / <row>: the entries an import wrote last (to delete them).
 * Entries have no listing, field-group or call-audience items: nothing can search, match or mail them.
 *
 * INVITE#<e-mail hash> / INVITE: the one claim invitation an address ever gets; kept when entries
 * are deleted, so a re-import never invites twice.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LikelyDuplicateIndex, mergeableFields, type RecordRef } from '../domain/duplicates.ts';
import type { RosterPerson } from '../domain/roster.ts';
import { nameYearKey } from '../domain/roster.ts';
import { emailKeyHash } from '../domain/secret-token.ts';
import { foldVietnamese } from '../domain/text.ts';
import { batchDelete, batchGet } from './batch.ts';
import { batchPut } from './bulk-load.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { projection } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPages } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export const rosterKeys = {
  entry: (entryId: string) => ({ PK: `ROSTER#${entryId}`, SK: 'ENTRY' }),
  names: 'ROSTER#NAMES',
  ofImport: (importId: string) => `ROSTERIMPORT#${importId}`,
  invite: (emailHash: string) => ({ PK: `INVITE#${emailHash}`, SK: 'INVITE' }),
};

export const rowSortKey = (row: number) => String(row).padStart(6, '0');

export interface RosterEntry extends RosterPerson {
  id: string;
  source: string;
  importId: string;
  row: number;
  status: 'roster' | 'claimed' | 'merged';
  claimedBy?: string;
  /** Merged by an administrator into this other entry (duplicates queue). */
  mergedInto?: string;
  contentHash: string;
  createdAt: string;
  updatedAt: string;
}

/** Everything an entry says about the person: what a merge may take, and the e-mail (who it is). */
export const personFields = ['email', ...mergeableFields] as const;

export function rosterEntryItem(entry: RosterEntry): Record<string, unknown> {
  return {
    ...rosterKeys.entry(entry.id),
    type: 'rosterEntry',
    ...entry,
    GSI1PK: rosterKeys.names,
    GSI1SK: `${nameYearKey(entry)}#${entry.id}`,
    GSI2PK: rosterKeys.ofImport(entry.importId),
    GSI2SK: rowSortKey(entry.row),
  };
}

/** What the import needs to know about existing entries, by id. */
export async function getEntryStates(
  entryIds: readonly string[],
): Promise<Map<string, { contentHash: string; claimedBy?: string; mergedInto?: string; createdAt: string }>> {
  const items = await batchGet(
    entryIds.map((id) => rosterKeys.entry(id)),
    { attributes: ['id', 'contentHash', 'claimedBy', 'mergedInto', 'createdAt'] },
  );
  return new Map(
    items.map((i) => [
      i.id as string,
      {
        contentHash: i.contentHash as string,
        createdAt: i.createdAt as string,
        ...(i.claimedBy ? { claimedBy: i.claimedBy as string } : {}),
        ...(i.mergedInto ? { mergedInto: i.mergedInto as string } : {}),
      },
    ]),
  );
}

export async function getEntries(entryIds: readonly string[]): Promise<RosterEntry[]> {
  const items = await batchGet(entryIds.map((id) => rosterKeys.entry(id)));
  return items.map(toEntry);
}

function toEntry(item: Record<string, unknown>): RosterEntry {
  const { PK: _pk, SK: _sk, type: _t, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...entry } = item;
  return entry as unknown as RosterEntry;
}

export async function putEntries(entries: readonly RosterEntry[], concurrency = 8): Promise<void> {
  await batchPut(entries.map(rosterEntryItem), { concurrency });
}

const likelyAttributes = ['id', 'fullName', 'birthYear', 'employer', 'fields', 'claimedBy'] as const;

/** Where a roster entry stands for likely duplicates: itself, or the profile that claimed it. */
const likelyRef = (item: Record<string, unknown>): RecordRef =>
  item.claimedBy
    ? { kind: 'expert', id: item.claimedBy as string }
    : { kind: 'roster', id: item.id as string };

/**
 * Every entry's likely-duplicate keys, read once for a whole dry run: a few pages of the names
 * index with six attributes, instead of one query per row of the file.
 */
export async function rosterLikelyIndex(): Promise<LikelyDuplicateIndex<RecordRef & { entryId: string }>> {
  const index = new LikelyDuplicateIndex<RecordRef & { entryId: string }>();
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': rosterKeys.names },
    ...projection(likelyAttributes),
  })) {
    for (const item of page.Items ?? []) {
      index.add(item as unknown as RosterPerson, { ...likelyRef(item), entryId: item.id as string });
    }
  }
  return index;
}

/** The entries whose folded name is this person's (a registration's likely duplicates). */
export async function entriesNamed(
  fullName: string,
): Promise<(RosterPerson & { ref: RecordRef; id: string })[]> {
  const items = await queryAll({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
    ExpressionAttributeValues: { ':pk': rosterKeys.names, ':prefix': `${foldVietnamese(fullName)}#` },
    ...projection(likelyAttributes),
  });
  return items.map((i) => ({ ...(i as unknown as RosterPerson), id: i.id as string, ref: likelyRef(i) }));
}

/** Of these e-mail addresses, those an expert has registered with (pending or verified), with the expert. */
export async function registeredEmails(emails: readonly string[]): Promise<Map<string, string>> {
  const byHash = new Map(emails.map((e) => [emailKeyHash(e), e]));
  const found = await batchGet(
    [...byHash.keys()].map((h) => keys.email(h)),
    { attributes: ['PK', 'expertId'] },
  );
  return new Map(
    found.map((i) => [byHash.get(String(i.PK).slice('EMAIL#'.length)) as string, i.expertId as string]),
  );
}

/**
 * A merge's writes on entries. The kept entry takes its new values, if it still holds what the
 * administrator saw (its content hash); the other stops being a person of its own: merged into
 * the kept entry (out of the names index and the register export), or claimed by the kept profile.
 */
export const entryReplaceWrite = (entry: RosterEntry, readHash: string): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: rosterEntryItem(entry),
    ConditionExpression:
      'contentHash = :read AND attribute_not_exists(claimedBy) AND attribute_not_exists(mergedInto)',
    ExpressionAttributeValues: { ':read': readHash },
  },
});

export function entryRetireWrite(entryId: string, into: RecordRef, now: Date): TransactItem {
  const claimed = into.kind === 'expert';
  return {
    Update: {
      TableName: tableName,
      Key: rosterKeys.entry(entryId),
      UpdateExpression: claimed
        ? 'SET #st = :claimed, claimedBy = :into, claimedAt = :now, updatedAt = :now'
        : 'SET #st = :merged, mergedInto = :into, updatedAt = :now REMOVE GSI1PK, GSI1SK',
      ConditionExpression:
        'attribute_exists(PK) AND attribute_not_exists(claimedBy) AND attribute_not_exists(mergedInto)',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: {
        ...(claimed ? { ':claimed': 'claimed' } : { ':merged': 'merged' }),
        ':into': into.id,
        ':now': now.toISOString(),
      },
    },
  };
}

/** Of these addresses, those that were ever invited. */
export async function invitedEmails(emails: readonly string[]): Promise<Set<string>> {
  const byHash = new Map(emails.map((e) => [emailKeyHash(e), e]));
  const found = await batchGet(
    [...byHash.keys()].map((h) => rosterKeys.invite(h)),
    { attributes: ['PK'] },
  );
  return new Set(found.map((i) => byHash.get(String(i.PK).slice('INVITE#'.length)) as string));
}

export async function markInvited(emails: readonly string[], importId: string, now: Date): Promise<void> {
  await batchPut(
    emails.map((e) => ({
      ...rosterKeys.invite(emailKeyHash(e)),
      type: 'rosterInvite',
      importId,
      invitedAt: now.toISOString(),
    })),
    { concurrency: 4 },
  );
}

/**
 * A registration that verified an address some roster entry holds takes the entry over: the
 * entry stops being a separate person (status `claimed`, linked to the expert).
 */
export async function claimEntry(entryId: string, expertId: string, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: rosterKeys.entry(entryId),
        UpdateExpression: 'SET #status = :claimed, claimedBy = :expert, claimedAt = :now, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(claimedBy)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':claimed': 'claimed', ':expert': expertId, ':now': now.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** Deletes the unclaimed entries an import wrote last; returns how many. */
export async function deleteEntriesOfImport(importId: string): Promise<number> {
  let deleted = 0;
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': rosterKeys.ofImport(importId) },
    ProjectionExpression: 'PK, SK, claimedBy',
  })) {
    const doomed = (page.Items ?? []).filter((i) => !i.claimedBy);
    await batchDelete(doomed.map((i) => ({ PK: i.PK, SK: i.SK })));
    deleted += doomed.length;
  }
  return deleted;
}

/** Every unclaimed roster entry, page by page (the register export). */
export async function* rosterEntryPages(): AsyncGenerator<RosterEntry[]> {
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': rosterKeys.names },
  })) {
    yield (page.Items ?? []).map(toEntry).filter((e) => e.status === 'roster');
  }
}
