/**
 * Experts' responses to calls: CALL#<callId> / RESPONSE#<expertId> (one per expert and call, by
 * key), also in GSI2 under CALLRESPONSES#<expertId> so an expert's responses can be exported and
 * erased with the profile. Staff see a responder's summary only while the profile exists, is
 * active and keeps the collaboration-calls consent.
 */
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffActor } from '../domain/actor.ts';
import { canManageCall, isOpen, type OpenCallsQuery } from '../domain/call.ts';
import { Conflict, Forbidden, NotFound } from '../domain/errors.ts';
import { type ExpertProfile, type ExpertSummary, toSummary } from '../domain/expert.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { batchDelete, batchGet } from './batch.ts';
import { callKeys, getCall } from './calls.ts';
import { dynamo, tableName } from './client.ts';
import { decodeCursor, encodeCursor, type Key } from './cursor.ts';
import { cancelledConditions, isTransactionConflict } from './errors.ts';
import { keys } from './keys.ts';
import { queryAll } from './paged-query.ts';

export interface CallResponse {
  callId: string;
  message: string;
  respondedAt: string;
}

export interface CallResponseForStaff {
  expert: ExpertSummary;
  message: string;
  respondedAt: string;
}

const mayTakePart = (p: Pick<ExpertProfile, 'status' | 'consent'> | undefined): boolean =>
  !!p && p.status === 'active' && p.consent.collaborationCalls;

/** Read here, not through experts.ts: that module imports this one (erasure). */
async function readProfile(expertId: string): Promise<ExpertProfile | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: keys.expert(expertId), ConsistentRead: true }),
  );
  return Item as ExpertProfile | undefined;
}

/** One response per expert and call: a second one is a 409 (withdraw it first to change it). */
export async function respondToCall(
  callId: string,
  expertId: string,
  message: string,
  now: Date,
): Promise<CallResponse> {
  const [call, expert] = await Promise.all([getCall(callId), readProfile(expertId)]);
  if (!call) throw new NotFound('Call not found');
  if (!mayTakePart(expert)) {
    throw new Forbidden('Opt in to collaboration calls in your consent settings to respond');
  }
  if (!isOpen(call, now)) throw new Conflict('This call is not open for responses');
  const respondedAt = now.toISOString();
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: tableName,
              Key: callKeys.call(callId),
              ConditionExpression: '#status = :open AND openUntil > :now',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open', ':now': respondedAt },
            },
          },
          {
            ConditionCheck: {
              TableName: tableName,
              Key: keys.expert(expertId),
              ConditionExpression: '#status = :active AND consent.collaborationCalls = :yes',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':active': 'active', ':yes': true },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...callKeys.response(callId, expertId),
                GSI2PK: callKeys.responsesOfExpert(expertId),
                GSI2SK: `${respondedAt}#${callId}`,
                type: 'callResponse',
                callId,
                expertId,
                message,
                respondedAt,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    const failed = cancelledConditions(error);
    if (failed?.includes(2)) throw new Conflict('You have already responded to this call');
    if (failed?.includes(1)) throw new Forbidden('Opt in to collaboration calls to respond');
    if (failed?.includes(0)) throw new Conflict('This call is not open for responses');
    if (isTransactionConflict(error)) throw new Conflict('Try again in a moment');
    throw error;
  }
  return { callId, message, respondedAt };
}

export async function withdrawCallResponse(callId: string, expertId: string): Promise<void> {
  const { Attributes } = await dynamo.send(
    new DeleteCommand({
      TableName: tableName,
      Key: callKeys.response(callId, expertId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  if (!Attributes) throw new NotFound('You have no response to this call');
}

/** Who responded, for the creating agency or an administrator. */
export async function listCallResponses(
  callId: string,
  staff: StaffActor,
  query: OpenCallsQuery,
): Promise<Page<CallResponseForStaff>> {
  const call = await getCall(callId);
  if (!call) throw new NotFound('Call not found');
  if (!canManageCall(staff, call))
    throw new Forbidden('Only the agency that created the call sees its responses');
  const partition = callKeys.call(callId).PK;
  const page = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :responses)',
      ExpressionAttributeValues: { ':pk': partition, ':responses': 'RESPONSE#' },
      ExclusiveStartKey: decodeCursor(query.cursor, { PK: partition }, ['PK', 'SK']),
      Limit: pageLimit(query.limit),
    }),
  );
  const responses = page.Items ?? [];
  const profiles = await readProfiles(responses.map((r) => r.expertId as string));
  const items = responses.flatMap((r) => {
    const profile = profiles.get(r.expertId as string);
    return mayTakePart(profile) && profile
      ? [{ expert: toSummary(profile), message: r.message as string, respondedAt: r.respondedAt as string }]
      : [];
  });
  const last = page.LastEvaluatedKey as Key | undefined;
  return { items, nextCursor: last ? encodeCursor({ PK: String(last.PK), SK: String(last.SK) }) : null };
}

async function readProfiles(expertIds: string[]): Promise<Map<string, ExpertProfile>> {
  const items = await batchGet(expertIds.map((id) => keys.expert(id)));
  return new Map(items.map((item) => [item.id as string, item as unknown as ExpertProfile]));
}

function responseItemsOfExpert(expertId: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: tableName,
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': callKeys.responsesOfExpert(expertId) },
  });
}

/** The expert's own responses, oldest first (data export, "my matches"). */
export async function listCallResponsesOfExpert(expertId: string): Promise<CallResponse[]> {
  return (await responseItemsOfExpert(expertId)).map((item) => ({
    callId: item.callId as string,
    message: item.message as string,
    respondedAt: item.respondedAt as string,
  }));
}

/** Erasure: the expert's responses go with the profile. Safe to repeat. */
export async function deleteCallResponsesOfExpert(expertId: string): Promise<void> {
  const items = await responseItemsOfExpert(expertId);
  await batchDelete(items.map((item) => ({ PK: item.PK, SK: item.SK })));
}
