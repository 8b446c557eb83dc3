/**
 * Who hears about a call, and the job that tells them (shared/app/call-notifications.ts).
 *
 * CALLOPTIN#g: a sparse read model written with the profile (expert-projections.ts): one item per
 * field group of every expert who is active AND opted in to collaboration calls, in GSI1 under
 * CALLOPTIN#g sorted by `overseas-native#<id>` or `other#<id>`, so the audience of a call is a key
 * range (consent, status and the overseas-natives audience are enforced by the key) and holds
 * just what the mail needs. Withdrawn consent or erasure deletes the items at once.
 *
 * CALLJOB#<callId>: written in the transaction that opens a call (once: a retried open writes no
 * second job). Its stream INSERT runs the job, which pages through the audience and records its
 * progress here after each page. Should two runs still write the same mail id, the second write
 * is a MODIFY, which the outbox never delivers.
 */
import { GetCommand, QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CallAudience, CallNotification } from '../domain/call.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { indexKeys } from './keys.ts';

export const callJobKey = (callId: string) => ({ PK: `CALLJOB#${callId}`, SK: 'JOB' });

/** What the job needs to know about the call, as it was when it opened. */
export interface CallJobFacts {
  callId: string;
  title: string;
  fieldCodes: string[];
  fieldGroups: string[];
  audience: CallAudience;
  openUntil: string;
}

interface JobCursor {
  /** Index into fieldGroups. */
  group: number;
  /** GSI1 key to resume the group's query from. */
  key: Record<string, unknown> | null;
}

export interface CallJob extends CallJobFacts {
  cursor: string;
  queued: number;
  done: boolean;
}

const startCursor = JSON.stringify({ group: 0, key: null } satisfies JobCursor);

/** The job item for the opening transaction; the condition makes a repeated open add nothing. */
export function callJobPut(facts: CallJobFacts, now: Date) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...callJobKey(facts.callId),
        type: 'callJob',
        ...facts,
        cursor: startCursor,
        queued: 0,
        done: false,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function getCallJob(callId: string): Promise<CallJob | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: callJobKey(callId), ConsistentRead: true }),
  );
  return Item as CallJob | undefined;
}

export async function getCallNotification(callId: string): Promise<CallNotification | undefined> {
  const job = await getCallJob(callId);
  return job && { queued: job.queued, done: job.done };
}

export interface AudienceMember {
  expertId: string;
  email: string;
  fullName: string;
}

/** Where the job goes after a page: the cursor to record, and whether that was the last page. */
export interface JobStep {
  cursor: string;
  done: boolean;
}

/**
 * The page of the audience at the job's cursor. An expert in several of the call's groups is
 * returned from the first of them only.
 */
export async function readAudiencePage(
  job: CallJob,
  pageSize: number,
): Promise<{ recipients: AudienceMember[]; next: JobStep }> {
  const cursor = JSON.parse(job.cursor) as JobCursor;
  const group: string = job.fieldGroups[cursor.group];
  const overseasOnly: boolean = job.audience === 'overseas_natives';
  const page: QueryCommandOutput = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: `GSI1PK = :pk${overseasOnly ? ' AND begins_with(GSI1SK, :prefix)' : ''}`,
      ExpressionAttributeValues: {
        ':pk': indexKeys.callOptIn(group),
        ...(overseasOnly ? { ':prefix': indexKeys.overseasNativeSegment } : {}),
      },
      ProjectionExpression: 'expertId, email, fullName, fieldGroups',
      ExclusiveStartKey: cursor.key ?? undefined,
      Limit: pageSize,
    }),
  );
  const earlierGroups = new Set(job.fieldGroups.slice(0, cursor.group));
  const recipients = (page.Items ?? [])
    .filter((item) => !(item.fieldGroups as string[]).some((g) => earlierGroups.has(g)))
    .map((item) => ({
      expertId: item.expertId as string,
      email: item.email as string,
      fullName: item.fullName as string,
    }));
  const next: JobCursor = page.LastEvaluatedKey
    ? { group: cursor.group, key: page.LastEvaluatedKey }
    : { group: cursor.group + 1, key: null };
  return { recipients, next: { cursor: JSON.stringify(next), done: next.group >= job.fieldGroups.length } };
}

/**
 * Records a page as done (`queued` more mails), if the job is still at the cursor it was read
 * at; undefined if a concurrent run of the same job got there first.
 */
export async function advanceCallJob(
  job: CallJob,
  next: JobStep,
  queued: number,
): Promise<CallJob | undefined> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: callJobKey(job.callId),
        UpdateExpression: 'SET #cursor = :next, queued = queued + :n, done = :done, updatedAt = :now',
        ConditionExpression: '#cursor = :read',
        ExpressionAttributeNames: { '#cursor': 'cursor' },
        ExpressionAttributeValues: {
          ':next': next.cursor,
          ':read': job.cursor,
          ':n': queued,
          ':done': next.done,
          ':now': new Date().toISOString(),
        },
      }),
    );
    return { ...job, cursor: next.cursor, queued: job.queued + queued, done: next.done };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return undefined;
  }
}
