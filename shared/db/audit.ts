/**
 * The audit trail's items: AUDIT#<target> / <at>#<id>, and in GSI2 under the actor. Services build
 * the events (shared/domain/audit.ts) and add `auditPut(event)` to the transaction of the change
 * they account for.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditQuery, NewAuditEvent } from '../domain/audit.ts';
import { auditMonthsNewestFirst } from '../domain/audit.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { dynamo, tableName } from './client.ts';
import { decodeCursor, encodeCursor, invalidCursor, type Key } from './cursor.ts';
import { indexKeys, keys } from './keys.ts';
import { queryAll, queryFromCursor } from './paged-query.ts';

/** GSI1 partition of the audit events of one month, sorted by time: the log without a filter. */
export const auditMonthPartition = (month: string) => `AUDIT_MONTH#${month}`;

export function auditItem(event: NewAuditEvent) {
  const id = randomUUID();
  return {
    ...keys.audit(event.target, event.at, id),
    GSI2PK: indexKeys.auditByActor(event.actor.id),
    GSI2SK: `${event.at}#${id}`,
    GSI1PK: auditMonthPartition(event.at.slice(0, 7)),
    GSI1SK: `${event.at}#${id}`,
    type: 'audit',
    id,
    ...event,
  };
}

/** A Put of one audit event for a transaction. */
export const auditPut = (event: NewAuditEvent) => ({
  Put: { TableName: tableName, Item: auditItem(event) },
});

export async function recordAudit(event: NewAuditEvent): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: tableName, Item: auditItem(event) }));
}

function toEvent(item: Record<string, unknown>): AuditEvent {
  const { id, at, action, actor, target, detail } = item as unknown as AuditEvent;
  return { id, at, action, actor, target, ...(detail ? { detail } : {}) };
}

/** Every audit event of a target, newest first: the data-subject export owes the whole history. */
export async function listAuditByTarget(target: string): Promise<AuditEvent[]> {
  const items = await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': `AUDIT#${target}` },
    ScanIndexForward: false,
  });
  return items.map(toEvent);
}

/**
 * The audit log for administrators, newest first: by target (its partition), by actor (GSI2) or
 * otherwise month by month (GSI1), each within [from, to] and filtered by what else is asked.
 * The cursor is the key of the last event returned; one that does not belong to this query is a 400.
 */
export async function queryAudit(q: AuditQuery, now: Date): Promise<Page<AuditEvent>> {
  const limit = pageLimit(q.limit);
  const from = q.from ?? '0000';
  // Sort keys are `<at>#<id>`: "~" sorts after every digit, so `to` is inclusive.
  const to = `${q.to ?? now.toISOString()}~`;
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':from': from, ':to': to };
  if (q.action) {
    filters.push('#action = :action');
    names['#action'] = 'action';
    values[':action'] = q.action;
  }
  if (q.actor && q.target) {
    filters.push('#actor.#id = :actor');
    names['#actor'] = 'actor';
    names['#id'] = 'id';
    values[':actor'] = q.actor;
  }
  if (!q.target && !q.actor) {
    return auditByMonth(q, limit, filters, names, values, now);
  }
  const base: QueryCommandInput = q.target
    ? {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ...values, ':pk': `AUDIT#${q.target}` },
      }
    : {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ...values, ':pk': indexKeys.auditByActor(q.actor ?? '') },
      };
  const keyNames = q.target ? ['PK', 'SK'] : ['PK', 'SK', 'GSI2PK', 'GSI2SK'];
  const partition = base.ExpressionAttributeValues?.[':pk'] as string;
  const startKey = decodeCursor(q.cursor, q.target ? { PK: partition } : { GSI2PK: partition }, keyNames);
  const page = await collect(withFilter(base, filters, names), limit, startKey, keyNames);
  return page;
}

function withFilter(
  input: QueryCommandInput,
  filters: string[],
  names: Record<string, string>,
): QueryCommandInput {
  return {
    ...input,
    ScanIndexForward: false,
    ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
  };
}

/** Reads pages of a query until `limit` events are collected; the cursor is the last one's key. */
async function collect(
  input: QueryCommandInput,
  limit: number,
  startKey: Key | undefined,
  keyNames: string[],
): Promise<Page<AuditEvent>> {
  const rows: Record<string, unknown>[] = [];
  let next: Key | undefined = startKey;
  do {
    const page = await queryFromCursor({ ...input, ExclusiveStartKey: next, Limit: Math.max(50, limit + 1) });
    rows.push(...(page.Items ?? []));
    next = page.LastEvaluatedKey as Key | undefined;
  } while (next && rows.length <= limit);
  const items = rows.slice(0, limit);
  const more = rows.length > limit || next !== undefined;
  const last = items.at(-1);
  return {
    items: items.map(toEvent),
    nextCursor:
      more && last ? encodeCursor(Object.fromEntries(keyNames.map((k) => [k, String(last[k])]))) : null,
  };
}

const monthStart = '~';

async function auditByMonth(
  q: AuditQuery,
  limit: number,
  filters: string[],
  names: Record<string, string>,
  values: Record<string, unknown>,
  now: Date,
): Promise<Page<AuditEvent>> {
  const months = auditMonthsNewestFirst(q.from, q.to, now);
  const keyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];
  let startKey: Key | undefined;
  let monthIndex = 0;
  if (q.cursor) {
    // The cursor names the month it continues in; it must be one of this query's months.
    let partition: unknown;
    try {
      partition = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8'))?.GSI1PK;
    } catch {
      throw invalidCursor();
    }
    monthIndex = months.findIndex((m) => auditMonthPartition(m) === partition);
    if (monthIndex < 0) throw invalidCursor();
    startKey = decodeCursor(q.cursor, { GSI1PK: partition as string }, keyNames);
    // A cursor at a month's start (the previous page ended with the newer month).
    if (startKey?.GSI1SK === monthStart) startKey = undefined;
  }
  const items: AuditEvent[] = [];
  for (; monthIndex < months.length; monthIndex++) {
    const page = await collect(
      withFilter(
        {
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ...values, ':pk': auditMonthPartition(months[monthIndex]) },
        },
        filters,
        names,
      ),
      limit - items.length,
      startKey,
      keyNames,
    );
    startKey = undefined;
    items.push(...page.items);
    if (items.length >= limit) {
      const last = items[limit - 1];
      const moreHere = page.nextCursor !== null;
      if (moreHere) return { items, nextCursor: page.nextCursor };
      // The month ended with the page: continue from the start of the next (older) month.
      const older = months[monthIndex + 1];
      return {
        items,
        nextCursor: older
          ? encodeCursor({
              PK: `AUDIT#${last.target}`,
              SK: monthStart,
              GSI1PK: auditMonthPartition(older),
              GSI1SK: monthStart,
            })
          : null,
      };
    }
  }
  return { items, nextCursor: null };
}
