/**
 * Experts' responses to calls: CALL#<callId> / RESPONSE#<expertId> (one per expert and call, by
 * key), also in GSI2 under CALLRESPONSES#<expertId> so an expert's responses can be exported and
 * erased with the profile. Who may respond and who sees the responses is the service's
 * (shared/app/call-responses.ts).
 */
import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OpenCallsQuery } from '../domain/call.ts';
import { Conflict, Forbidden } from '../domain/errors.ts';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { batchDelete } from './batch.ts';
import { dynamo, tableName } from './client.ts';
import { decodeCursor, encodeCursor, type Key } from './cursor.ts';
import { cancelledConditions, isTransactionConflict } from './errors.ts';
import { callKeys, keys } from './keys.ts';
import { queryAll, queryFromCursor } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export interface CallResponse {
  callId: string;
  message: string;
  respondedAt: string;
}

export type StoredCallResponse = CallResponse & { expertId: string };

/**
 * One response per expert and call, written only while the call is open and the expert active
 * and opted in to calls (checked again in the same transaction): a second one is a 409.
 */
export async function putCallResponse(
  response: StoredCallResponse,
  extraWrites: TransactItem[] = [],
): Promise<CallResponse> {
  const { callId, expertId, message, respondedAt } = response;
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
          // The service's: the agency's notice and the officer's mail (after the three above,
          // whose positions the error mapping below relies on).
          ...extraWrites,
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

/** Deletes the expert's response to the call; false if there was none. */
export async function deleteCallResponse(callId: string, expertId: string): Promise<boolean> {
  const { Attributes } = await dynamo.send(
    new DeleteCommand({
      TableName: tableName,
      Key: callKeys.response(callId, expertId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  return !!Attributes;
}

/** A page of the call's responses, in the order of the responders' ids. */
export async function queryCallResponses(
  callId: string,
  query: OpenCallsQuery,
): Promise<Page<StoredCallResponse>> {
  const partition = callKeys.call(callId).PK;
  const page = await queryFromCursor({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :responses)',
    ExpressionAttributeValues: { ':pk': partition, ':responses': 'RESPONSE#' },
    ExclusiveStartKey: decodeCursor(query.cursor, { PK: partition }, ['PK', 'SK']),
    Limit: pageLimit(query.limit),
  });
  const items = (page.Items ?? []).map((item) => ({
    callId: item.callId as string,
    expertId: item.expertId as string,
    message: item.message as string,
    respondedAt: item.respondedAt as string,
  }));
  const last = page.LastEvaluatedKey as Key | undefined;
  return { items, nextCursor: last ? encodeCursor({ PK: String(last.PK), SK: String(last.SK) }) : null };
}

function responseItemsOfExpert(expertId: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: tableName,
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': callKeys.responsesOfExpert(expertId) },
  });
}

/** The expert's own responses, oldest first (data export). */
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
