/**
 * The collaboration-call aggregate. One item per call (CALL#id / CALL) carrying two index entries:
 *  - GSI2 `CALLS` sorted by creation: every call, for staff (drafts included);
 *  - GSI1 `CALLS#OPEN` sorted by `<openUntil>#<id>`, only while the call is stored as open: the
 *    public list is a key range (openUntil after now), and the calls that are due to close are
 *    the range before now, so neither needs a scan.
 * Every change is a conditional write on the version and status read; a transition carries what
 * the service adds (the audit event, the notification job of call-audience.ts).
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Call, CallStatus, OpenCallsQuery, StaffCallsQuery } from '../domain/call.ts';
import { VersionMismatch } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed, isTransactionConflict } from './errors.ts';
import { pick } from './items.ts';
import { callKeys } from './keys.ts';
import { type IndexQuery, queryAll, queryPage, queryPages } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

/** Sorts after every `<instant>#<id>` of the same instant: the bound of "openUntil <= now". */
const instantBound = (now: Date) => `${now.toISOString()}#~`;

const callFields = [
  'id',
  'title',
  'description',
  'fieldCodes',
  'engagement',
  'audience',
  'openUntil',
  'status',
  'agency',
  'createdBy',
  'createdAt',
  'updatedAt',
  'openedAt',
  'closedAt',
  'version',
] as const;

const toCall = (item: Record<string, unknown>): Call => pick<Call>(item, callFields);

function callItem(call: Call) {
  return {
    ...callKeys.call(call.id),
    type: 'call',
    ...call,
    GSI2PK: callKeys.allCalls,
    GSI2SK: `${call.createdAt}#${call.id}`,
    ...(call.status === 'open' ? { GSI1PK: callKeys.openCalls, GSI1SK: `${call.openUntil}#${call.id}` } : {}),
  };
}

export async function getCall(id: string): Promise<Call | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: callKeys.call(id), ConsistentRead: true }),
  );
  return Item && toCall(Item);
}

export async function putNewCall(call: Call, extraWrites: TransactItem[] = []): Promise<void> {
  const put = { TableName: tableName, Item: callItem(call), ConditionExpression: 'attribute_not_exists(PK)' };
  if (!extraWrites.length) {
    await dynamo.send(new PutCommand(put));
    return;
  }
  await dynamo.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...extraWrites] }));
}

const storedAs = (call: Call) => ({
  ConditionExpression: 'version = :read AND #status = :status',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':read': call.version, ':status': call.status },
});

/** The changed call, if the stored one is still as read (else 412). */
export async function saveCall(current: Call, next: Call): Promise<void> {
  try {
    await dynamo.send(new PutCommand({ TableName: tableName, Item: callItem(next), ...storedAs(current) }));
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new VersionMismatch();
    throw error;
  }
}

/**
 * The call in its new status with `extraWrites`, in one transaction; false if the call changed
 * meanwhile or a condition of the extra writes failed (a notification job exists already).
 */
export async function saveCallTransition(
  current: Call,
  next: Call,
  extraWrites: TransactItem[],
): Promise<boolean> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: callItem(next), ...storedAs(current) } },
          ...extraWrites,
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledConditions(error)?.length || isTransactionConflict(error)) return false;
    throw error;
  }
}

const openCallsAfter = (now: Date): IndexQuery => ({
  index: 'GSI1',
  partition: callKeys.openCalls,
  sortKeyCondition: { expression: 'GSI1SK > :now', values: { ':now': instantBound(now) } },
});

/** A page of the open calls, soonest deadline first. */
export async function queryOpenCalls(query: OpenCallsQuery, now: Date): Promise<Page<Call>> {
  const { items, nextCursor } = await queryPage(
    openCallsAfter(now),
    pageLimit(query.limit),
    query.cursor,
    toCall,
  );
  return { items, nextCursor };
}

/** Every open call (their number is small: a province publishes a few a month). */
export async function allOpenCalls(now: Date): Promise<Call[]> {
  const items = await queryAll({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK > :now',
    ExpressionAttributeValues: { ':pk': callKeys.openCalls, ':now': instantBound(now) },
  });
  return items.map(toCall);
}

/** A call's effective status as a filter: an open call past openUntil counts as closed. */
function statusFilter(status: CallStatus, now: Date) {
  const names = { '#status': 'status' };
  const at = now.toISOString();
  switch (status) {
    case 'draft':
      return { expression: '#status = :draft', names, values: { ':draft': 'draft' } };
    case 'open':
      return {
        expression: '#status = :open AND openUntil > :now',
        names,
        values: { ':open': 'open', ':now': at },
      };
    case 'closed':
      return {
        expression: '#status = :closed OR (#status = :open AND openUntil <= :now)',
        names,
        values: { ':closed': 'closed', ':open': 'open', ':now': at },
      };
  }
}

/** A page of all calls, newest first, optionally by (effective) status. */
export async function queryCalls(query: StaffCallsQuery, now: Date): Promise<Page<Call>> {
  const filter = query.status ? statusFilter(query.status, now) : undefined;
  const { items, nextCursor } = await queryPage(
    { index: 'GSI2', partition: callKeys.allCalls, filter, newestFirst: true },
    pageLimit(query.limit),
    query.cursor,
    toCall,
  );
  return { items, nextCursor };
}

/** The ids of the calls stored as open whose openUntil has passed: a key range, never a scan. */
export async function* dueCallIds(now: Date): AsyncGenerator<string> {
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :bound',
    ExpressionAttributeValues: { ':pk': callKeys.openCalls, ':bound': instantBound(now) },
    ProjectionExpression: 'id',
    Limit: 100,
  })) {
    for (const { id } of page.Items ?? []) yield id as string;
  }
}
