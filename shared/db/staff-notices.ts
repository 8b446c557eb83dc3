/**
 * Notices to an agency's staff that an expert answered (accepted or declined an offer, responded
 * to a call). Items:
 *   NOTICES#<agency> / N#<at>#<kind>#<ref>   one per answer, newest last; ids only (the expert's
 *                            name is joined at read time, so an erasure leaves nothing to read)
 *   NOTICES_SEEN#<agency> / SEEN             how far the agency has read: `upTo`, a notice id
 *   OFFER#<id> | CALL#<id> / ANSWER_RECIPIENT  whom to mail when the expert answers: the officer
 *                            who sent the offer or created the call (sub and address)
 * A notice is written in the answer's own transaction under a key made of the answer, with
 * `attribute_not_exists(PK)`: one notice per answer, however often the request is retried.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffNoticeKind } from '../domain/staff-notice.ts';
import { dynamo, tableName } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { queryFromCursor } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export const staffNoticeKeys = {
  ofAgency: (agency: string) => `NOTICES#${agency}`,
  notice: (agency: string, id: string) => ({ PK: `NOTICES#${agency}`, SK: id }),
  seen: (agency: string) => ({ PK: `NOTICES_SEEN#${agency}`, SK: 'SEEN' }),
  recipient: (partition: string) => ({ PK: partition, SK: 'ANSWER_RECIPIENT' }),
};

/** A notice id: sortable by time, unique per answer. */
export const staffNoticeId = (at: string, kind: StaffNoticeKind, ref: string) => `N#${at}#${kind}#${ref}`;

export interface StoredStaffNotice {
  id: string;
  kind: StaffNoticeKind;
  at: string;
  expertId: string;
  offerId?: string;
  callId?: string;
  /** The demand's or the call's title, as it was when the expert answered. */
  title: string;
}

/** Who is mailed when the expert answers an offer or a call. */
export interface AnswerRecipient {
  sub: string;
  email: string;
}

export function staffNoticePut(agency: string, notice: StoredStaffNotice): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...staffNoticeKeys.notice(agency, notice.id), type: 'staffNotice', agency, ...notice },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** `partition` is the offer's or the call's (OFFER#<id>, CALL#<id>). */
export function answerRecipientPut(partition: string, recipient: AnswerRecipient): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...staffNoticeKeys.recipient(partition), type: 'answerRecipient', ...recipient },
    },
  };
}

export async function getAnswerRecipient(partition: string): Promise<AnswerRecipient | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: staffNoticeKeys.recipient(partition), ConsistentRead: true }),
  );
  return Item && typeof Item.email === 'string' ? { sub: String(Item.sub), email: Item.email } : undefined;
}

const toNotice = (item: Record<string, unknown>): StoredStaffNotice => ({
  id: String(item.id),
  kind: item.kind as StaffNoticeKind,
  at: String(item.at),
  expertId: String(item.expertId),
  ...(item.offerId ? { offerId: String(item.offerId) } : {}),
  ...(item.callId ? { callId: String(item.callId) } : {}),
  title: String(item.title ?? ''),
});

/** The agency's notices, newest first. */
export async function queryStaffNotices(
  agency: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: StoredStaffNotice[]; nextCursor: string | null }> {
  const PK = staffNoticeKeys.ofAgency(agency);
  const page = await queryFromCursor({
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': PK },
    ExclusiveStartKey: decodeCursor(cursor, { PK }, ['PK', 'SK']),
    ScanIndexForward: false,
    Limit: limit,
  });
  const last = page.LastEvaluatedKey;
  return {
    items: (page.Items ?? []).map(toNotice),
    nextCursor: last ? encodeCursor({ PK: String(last.PK), SK: String(last.SK) }) : null,
  };
}

export async function getSeenUpTo(agency: string): Promise<string> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: staffNoticeKeys.seen(agency), ConsistentRead: true }),
  );
  return typeof Item?.upTo === 'string' ? Item.upTo : '';
}

/** How many notices are newer than `upTo`, counting up to `max` (reads only those). */
export async function countNoticesAfter(agency: string, upTo: string, max: number): Promise<number> {
  const { Count } = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK > :seen',
      ExpressionAttributeValues: { ':pk': staffNoticeKeys.ofAgency(agency), ':seen': upTo || 'N#' },
      Select: 'COUNT',
      Limit: max,
    }),
  );
  return Count ?? 0;
}

/** Moves the agency's read mark forward to `upTo`; never back (two officers reading at once). */
export async function advanceSeenUpTo(agency: string, upTo: string): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: staffNoticeKeys.seen(agency),
        UpdateExpression: 'SET upTo = :upTo, #type = :type',
        ConditionExpression: 'attribute_not_exists(upTo) OR upTo < :upTo',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':upTo': upTo, ':type': 'staffNoticesSeen' },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
