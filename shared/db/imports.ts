/**
 * Imports: IMPORT#<id> / IMPORT (the record: status, counts, the commit's checkpoint) and
 * IMPORT#<id> / ROW#<000123> (each analysed row: its verdict, reasons and the person read from
 * it, kept 30 days). Rows are listed from the import's own partition and by verdict through GSI1
 * (IMPORTROWS#<id>#<status> / <row>): one index write a row, not two (a 50,000-row dry run writes
 * 50,000 of them).
 *
 * IMPORTJOB#<id>#<phase>#<n> / JOB: written in the transaction that moves the import into a
 * phase (dry run, commit, deleting entries); its stream INSERT runs the phase in the background
 * (functions/imports/run-import-job.ts).
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NewAuditEvent } from '../domain/audit.ts';
import type { DuplicateReasonCode, RecordRef } from '../domain/duplicates.ts';
import { Conflict, NotFound } from '../domain/errors.ts';
import type { ImportRecord, ImportRow, ImportRowsQuery, ImportStatus } from '../domain/imports.ts';
import type { RosterPerson, RowStatus } from '../domain/roster.ts';
import { batchDelete } from './batch.ts';
import { batchPut } from './bulk-load.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed } from './errors.ts';
import { ttlAt } from './keys.ts';
import { queryPage } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export type ImportPhase = 'dry-run' | 'commit' | 'delete-entries';

const pad = (row: number) => String(row).padStart(6, '0');

export const importKeys = {
  record: (id: string) => ({ PK: `IMPORT#${id}`, SK: 'IMPORT' }),
  row: (id: string, row: number) => ({ PK: `IMPORT#${id}`, SK: `ROW#${pad(row)}` }),
  job: (id: string, phase: ImportPhase, n: number) => ({ PK: `IMPORTJOB#${id}#${phase}#${n}`, SK: 'JOB' }),
};

/** The job a stream record names: `<id>#<phase>#<n>` after the IMPORTJOB# prefix. */
export function parseJobKey(rest: string): { importId: string; phase: ImportPhase; n: number } | undefined {
  const match = /^([A-Za-z0-9-]+)#(dry-run|commit|delete-entries)#(\d+)$/.exec(rest);
  return match ? { importId: match[1], phase: match[2] as ImportPhase, n: Number(match[3]) } : undefined;
}

const rowRetentionDays = 30;

/** The record a `duplicate?` row may be, and why (the commit puts the pair in the queue). */
export type DuplicateRef = RecordRef & { code: DuplicateReasonCode };

/** A row as stored: the view plus what the commit needs. */
export interface StoredRow extends ImportRow {
  person?: RosterPerson;
  contentHash?: string;
  duplicateOf?: DuplicateRef;
}

export async function putNewImport(record: ImportRecord, extra: TransactItem[]): Promise<void> {
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: { ...importKeys.record(record.id), type: 'import', ...record },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...extra,
      ],
    }),
  );
}

export async function getImport(id: string): Promise<ImportRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: importKeys.record(id), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...record } = Item;
  return record as ImportRecord;
}

function setExpression(changes: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = Object.entries(changes).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  return { expression: `SET ${parts.join(', ')}`, names, values };
}

/**
 * Moves an import from one of `from` to `to` with `changes`, in one transaction with `jobs` (the
 * stream trigger of the phase) and `audit`; 409 if the import is in another state.
 */
export async function transitionImport(
  id: string,
  from: readonly ImportStatus[],
  to: ImportStatus,
  now: Date,
  changes: Record<string, unknown>,
  options: {
    job?: { phase: ImportPhase; n: number };
    audit?: NewAuditEvent & { id?: never };
    extra?: TransactItem[];
  },
): Promise<void> {
  const set = setExpression({ ...changes, status: to, updatedAt: now.toISOString() });
  const fromValues = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: importKeys.record(id),
              UpdateExpression: set.expression,
              ConditionExpression: `attribute_exists(PK) AND #st IN (${Object.keys(fromValues).join(', ')})`,
              ExpressionAttributeNames: { ...set.names, '#st': 'status' },
              ExpressionAttributeValues: { ...set.values, ...fromValues },
            },
          },
          ...(options.job
            ? [
                {
                  Put: {
                    TableName: tableName,
                    Item: {
                      ...importKeys.job(id, options.job.phase, options.job.n),
                      type: 'importJob',
                      importId: id,
                      createdAt: now.toISOString(),
                      ttl: ttlAt(new Date(now.getTime() + 7 * 86_400_000)),
                    },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
              ]
            : []),
          ...(options.extra ?? []),
        ],
      }),
    );
  } catch (error) {
    const failed = cancelledConditions(error);
    if (failed?.includes(0)) {
      const current = await getImport(id);
      if (!current) throw new NotFound('Import not found');
      throw new Conflict(`The import is ${current.status}; that is not possible now`);
    }
    if (failed?.length) throw new Conflict('That step has been requested already');
    throw error;
  }
}

/**
 * A background phase records what it did, if the import is still where the phase left it
 * (`while`); false if it moved on (cancelled, or a newer dry run).
 */
export async function updateImportIf(
  id: string,
  condition: { status: ImportStatus; field?: string; equals?: unknown },
  changes: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const set = setExpression({ ...changes, updatedAt: now.toISOString() });
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: importKeys.record(id),
        UpdateExpression: set.expression,
        ConditionExpression: `#st = :st${condition.field ? ' AND #cf = :cv' : ''}`,
        ExpressionAttributeNames: {
          ...set.names,
          '#st': 'status',
          ...(condition.field ? { '#cf': condition.field } : {}),
        },
        ExpressionAttributeValues: {
          ...set.values,
          ':st': condition.status,
          ...(condition.field ? { ':cv': condition.equals } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export function rowItem(importId: string, row: StoredRow, now: Date) {
  return {
    ...importKeys.row(importId, row.row),
    type: 'importRow',
    ...row,
    GSI1PK: `IMPORTROWS#${importId}#${row.status}`,
    GSI1SK: pad(row.row),
    // The person read from a file is personal data: the rows go once the import is long done.
    ttl: ttlAt(new Date(now.getTime() + rowRetentionDays * 86_400_000)),
  };
}

export async function putRows(importId: string, rows: readonly StoredRow[], now: Date): Promise<void> {
  await batchPut(
    rows.map((r) => rowItem(importId, r, now)),
    { concurrency: 8 },
  );
}

export async function deleteRows(importId: string, fromRow: number, toRow: number): Promise<void> {
  const doomed = [];
  for (let r = fromRow; r <= toRow; r++) doomed.push(importKeys.row(importId, r));
  await batchDelete(doomed);
}

const toRow = (item: Record<string, unknown>): StoredRow => {
  const { row, line, status, reasons, entryId, fullName, person, contentHash, duplicateOf } =
    item as unknown as StoredRow;
  return {
    row,
    line,
    status,
    reasons,
    entryId: entryId ?? null,
    fullName: fullName ?? null,
    ...(person ? { person } : {}),
    ...(contentHash ? { contentHash } : {}),
    ...(duplicateOf ? { duplicateOf } : {}),
  };
};

export async function listRows(importId: string, query: ImportRowsQuery) {
  const page = await queryPage(
    query.status
      ? { index: 'GSI1', partition: `IMPORTROWS#${importId}#${query.status as RowStatus}` }
      : {
          index: 'table',
          partition: `IMPORT#${importId}`,
          sortKeyCondition: { expression: 'begins_with(SK, :rows)', values: { ':rows': 'ROW#' } },
        },
    Number(query.limit ?? 20),
    query.cursor,
    toRow,
  );
  return {
    items: page.items.map(({ person: _p, contentHash: _h, duplicateOf: _d, ...view }) => view),
    nextCursor: page.nextCursor,
  };
}

/** The rows after `afterRow`, in order, `limit` at most (the commit's pages; consistent reads). */
export async function rowsAfter(importId: string, afterRow: number, limit: number): Promise<StoredRow[]> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK > :after',
      ExpressionAttributeValues: { ':pk': `IMPORT#${importId}`, ':after': `ROW#${pad(afterRow)}` },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (Items ?? []).map(toRow);
}
