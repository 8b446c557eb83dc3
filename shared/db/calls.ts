/**
 * The collaboration-call aggregate. One item per call (CALL#id / CALL) carrying two index entries:
 *  - GSI2 `CALLS` sorted by creation: every call, for staff (drafts included);
 *  - GSI1 `CALLS#OPEN` sorted by `<openUntil>#<id>`, only while the call is stored as open: the
 *    public list is a key range (openUntil after now), and the calls that are due to close are
 *    the range before now, so neither needs a scan.
 * Every change is a conditional write on the version read; opening a call also writes, in the
 * same transaction, the job that notifies its audience (call-audience.ts).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { recordedActor, type StaffActor } from '../domain/actor.ts';
import {
  type Call,
  type CallBody,
  type CallPatch,
  type CallStatus,
  callFieldGroups,
  canManageCall,
  canTransition,
  effectiveStatus,
  isEditable,
  type OpenCallsQuery,
  openUntilInstant,
  type PublicCall,
  type StaffCall,
  type StaffCallsQuery,
  toPublicCall,
} from '../domain/call.ts';
import { type MatchReason, rankCallsForExpert } from '../domain/call-matching.ts';
import type { Demand } from '../domain/demand.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed, VersionMismatch } from '../domain/errors.ts';
import { type ExpertProfile, toSummary } from '../domain/expert.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { rankDemandsForExpert } from '../domain/matching.ts';
import { auditPut } from './audit.ts';
import { callJobPut, getCallNotification } from './call-audience.ts';
import { dynamo, tableName } from './client.ts';
import { listOpenDemands } from './demands.ts';
import { cancelledConditions, isConditionalCheckFailed, isTransactionConflict } from './errors.ts';
import { keys } from './keys.ts';
import { queryPage, queryPages } from './paged-query.ts';

export const callKeys = {
  call: (id: string) => ({ PK: `CALL#${id}`, SK: 'CALL' }),
  allCalls: 'CALLS',
  openCalls: 'CALLS#OPEN',
  /** Responses live in the call's partition, and in GSI2 under the responding expert. */
  response: (callId: string, expertId: string) => ({ PK: `CALL#${callId}`, SK: `RESPONSE#${expertId}` }),
  responsesOfExpert: (expertId: string) => `CALLRESPONSES#${expertId}`,
};

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

function toCall(item: Record<string, unknown>): Call {
  return Object.fromEntries(
    callFields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]),
  ) as unknown as Call;
}

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

const asStaffCall = (call: Call, now: Date): StaffCall => ({ ...call, status: effectiveStatus(call, now) });

function futureOpenUntil(value: string, now: Date): string {
  const instant = openUntilInstant(value);
  if (instant <= now.toISOString()) {
    throw new ValidationFailed('Invalid body', [{ path: 'openUntil', message: 'Must be in the future' }]);
  }
  return instant;
}

export async function getCall(id: string): Promise<Call | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: callKeys.call(id), ConsistentRead: true }),
  );
  return Item && toCall(Item);
}

/** Any staff member may read any call; the notification progress comes with it once opened. */
export async function getCallForStaff(id: string, now: Date): Promise<StaffCall> {
  const [call, notification] = await Promise.all([getCall(id), getCallNotification(id)]);
  if (!call) throw new NotFound('Call not found');
  return { ...asStaffCall(call, now), ...(notification ? { notification } : {}) };
}

export async function createCall(body: CallBody, staff: StaffActor, now: Date): Promise<StaffCall> {
  const at = now.toISOString();
  const call: Call = {
    id: randomUUID(),
    ...body,
    openUntil: futureOpenUntil(body.openUntil, now),
    status: 'draft',
    agency: staff.agency,
    createdBy: staff.sub,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: callItem(call),
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return call;
}

/** The call a staff member may change: 404 if unknown, 403 if another agency's. */
async function managedCall(id: string, staff: StaffActor): Promise<Call> {
  const call = await getCall(id);
  if (!call) throw new NotFound('Call not found');
  if (!canManageCall(staff, call)) throw new Forbidden('Only the agency that created the call may change it');
  return call;
}

const storedAs = (call: Call) => ({
  ConditionExpression: 'version = :read AND #status = :status',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':read': call.version, ':status': call.status },
});

/** A versioned PATCH (If-Match) of a draft or open call. */
export async function updateCall(
  id: string,
  patch: CallPatch,
  expectedVersion: number,
  staff: StaffActor,
  now: Date,
): Promise<StaffCall> {
  const current = await managedCall(id, staff);
  if (current.version !== expectedVersion) throw new VersionMismatch();
  if (!isEditable(effectiveStatus(current, now))) throw new Conflict('A closed call cannot be edited');
  const next: Call = {
    ...current,
    ...patch,
    openUntil: patch.openUntil ? futureOpenUntil(patch.openUntil, now) : current.openUntil,
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
  try {
    await dynamo.send(new PutCommand({ TableName: tableName, Item: callItem(next), ...storedAs(current) }));
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new VersionMismatch();
    throw error;
  }
  return asStaffCall(next, now);
}

/**
 * draft → open → closed. Opening writes the notification job in the same transaction; the job's
 * condition and the status condition make a retried or concurrent open a 409 that adds nothing.
 */
export async function transitionCall(
  id: string,
  to: CallStatus,
  staff: StaffActor,
  now: Date,
): Promise<StaffCall> {
  const current = await managedCall(id, staff);
  const from = effectiveStatus(current, now);
  if (!canTransition(from, to)) throw new Conflict(`A ${from} call cannot become ${to}`);
  if (to === 'open' && current.openUntil <= now.toISOString()) {
    throw new Conflict('openUntil has passed; move it into the future before opening the call');
  }
  const at = now.toISOString();
  const next: Call = {
    ...current,
    status: to,
    ...(to === 'open' ? { openedAt: at } : { closedAt: at }),
    updatedAt: at,
    version: current.version + 1,
  };
  const actor = recordedActor(staff);
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: callItem(next), ...storedAs(current) } },
          auditPut({ at, action: 'call.transitioned', actor, target: `call:${id}`, detail: { from, to } }),
          ...(to === 'open'
            ? [
                callJobPut(
                  {
                    callId: id,
                    title: next.title,
                    fieldCodes: next.fieldCodes,
                    fieldGroups: callFieldGroups(next.fieldCodes),
                    audience: next.audience,
                    openUntil: next.openUntil,
                  },
                  now,
                ),
              ]
            : []),
        ],
      }),
    );
  } catch (error) {
    if (cancelledConditions(error)?.length || isTransactionConflict(error)) {
      throw new Conflict('The call changed meanwhile; reload it and try again');
    }
    throw error;
  }
  return asStaffCall(next, now);
}

/** Open calls, soonest deadline first, for anyone: public fields only. */
export async function listOpenCalls(query: OpenCallsQuery, now: Date): Promise<Page<PublicCall>> {
  const { items, nextCursor } = await queryPage(
    {
      index: 'GSI1',
      partition: callKeys.openCalls,
      sortKeyCondition: { expression: 'GSI1SK > :now', values: { ':now': instantBound(now) } },
    },
    pageLimit(query.limit),
    query.cursor,
    (item) => toPublicCall(toCall(item), now),
  );
  return { items, nextCursor };
}

/** Every open call (their number is small: a province publishes a few a month). */
export async function allOpenCalls(now: Date): Promise<Call[]> {
  const calls: Call[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      {
        index: 'GSI1',
        partition: callKeys.openCalls,
        sortKeyCondition: { expression: 'GSI1SK > :now', values: { ':now': instantBound(now) } },
      },
      100,
      cursor,
      toCall,
    );
    calls.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return calls;
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

/** All calls for staff, newest first, optionally by (effective) status. */
export async function listCalls(query: StaffCallsQuery, now: Date): Promise<Page<StaffCall>> {
  const filter = query.status ? statusFilter(query.status, now) : undefined;
  const { items, nextCursor } = await queryPage(
    { index: 'GSI2', partition: callKeys.allCalls, filter, newestFirst: true },
    pageLimit(query.limit),
    query.cursor,
    (item) => asStaffCall(toCall(item), now),
  );
  return { items, nextCursor };
}

/**
 * Stores "closed" on every open call whose openUntil has passed: a key range of the open-calls
 * partition, never a scan. Readers already treat such calls as closed; this makes it durable and
 * takes them out of the open partition. Returns how many it closed.
 */
export async function closeDueCalls(now: Date): Promise<number> {
  let closed = 0;
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :bound',
    ExpressionAttributeValues: { ':pk': callKeys.openCalls, ':bound': instantBound(now) },
    ProjectionExpression: 'id',
    Limit: 100,
  })) {
    for (const { id } of page.Items ?? []) {
      if (await closeIfDue(id as string, now)) closed++;
    }
  }
  return closed;
}

async function closeIfDue(id: string, now: Date): Promise<boolean> {
  const current = await getCall(id);
  if (current?.status !== 'open' || effectiveStatus(current, now) !== 'closed') return false;
  const at = now.toISOString();
  const next: Call = {
    ...current,
    status: 'closed',
    closedAt: at,
    updatedAt: at,
    version: current.version + 1,
  };
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: callItem(next), ...storedAs(current) } },
          auditPut({
            at,
            action: 'call.transitioned',
            actor: recordedActor({ kind: 'system', id: 'deadline-sweep' }),
            target: `call:${id}`,
            detail: { from: 'open', to: 'closed' },
          }),
        ],
      }),
    );
    return true;
  } catch (error) {
    // Changed meanwhile (edited, closed by staff): the next sweep looks again.
    if (cancelledConditions(error)?.length || isTransactionConflict(error)) return false;
    throw error;
  }
}

/** What an expert may see of a demand that fits them: no internal priority, status or version. */
const publicDemandFields = [
  'id',
  'agency',
  'title',
  'description',
  'fieldCodes',
  'minDegree',
  'minYearsExperience',
  'languages',
  'zone',
  'engagement',
  'headcount',
  'policyIds',
  'openUntil',
] as const;

type PublicDemand = Pick<Demand, (typeof publicDemandFields)[number]>;

export type MyMatch =
  | { kind: 'call'; call: PublicCall; score: number; reasons: MatchReason[] }
  | { kind: 'demand'; demand: PublicDemand; score: number; reasons: MatchReason[] };

const matchId = (m: MyMatch) => (m.kind === 'call' ? m.call.id : m.demand.id);

/**
 * Open calls and open demands that fit the expert's profile, best first (GET /api/me/matches).
 * The profile item is read here rather than through experts.ts, which imports this module's
 * dependants (erasure deletes call responses): no import cycle.
 */
export async function listMatchesForExpert(expertId: string, now: Date): Promise<{ items: MyMatch[] }> {
  const [{ Item }, calls, demands] = await Promise.all([
    dynamo.send(new GetCommand({ TableName: tableName, Key: keys.expert(expertId), ConsistentRead: true })),
    allOpenCalls(now),
    listOpenDemands(),
  ]);
  if (!Item) throw new NotFound('Profile not found');
  const expert = Item as ExpertProfile;
  const items: MyMatch[] = [
    ...rankCallsForExpert(expert, calls, now).map(
      ({ call, score, reasons }): MyMatch => ({
        kind: 'call',
        call: toPublicCall(call, now),
        score,
        reasons,
      }),
    ),
    ...rankDemandsForExpert(
      { ...toSummary(expert), status: expert.status, consent: expert.consent },
      demands,
      now,
    ).map(
      ({ demand, score, reasons }): MyMatch => ({
        kind: 'demand',
        demand: Object.fromEntries(publicDemandFields.map((f) => [f, demand[f]])) as PublicDemand,
        score,
        reasons,
      }),
    ),
  ];
  items.sort(
    (a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || matchId(a).localeCompare(matchId(b)),
  );
  return { items };
}
