/**
 * Who hears about a call, and the job that tells them.
 *
 * CALLOPTIN#g: a sparse read model written with the profile (expert-projections.ts): one item per
 * field group of every expert who is active AND opted in to collaboration calls, in GSI1 under
 * CALLOPTIN#g sorted by `overseas-native#<id>` or `other#<id>`, so the audience of a call is a key
 * range (consent, status and the overseas-natives audience are enforced by the key) and holds
 * just what the mail needs. Withdrawn consent or erasure deletes the items at once.
 *
 * CALLJOB#<callId>: written in the transaction that opens a call (once: a retried open writes no
 * second job). Its stream INSERT runs `runCallNotificationJob`, which pages through the audience
 * and writes one outbox mail per expert with a deterministic id, recording its progress in the job
 * after each page: a crashed or repeated run resumes or finds the job done. A page that may have
 * been written already is checked first; and should two runs still write the same mail id, the
 * second write is a MODIFY, which the outbox never delivers.
 */
import { GetCommand, QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { type CallAudience, type CallNotification, isOverseasNative } from '../domain/call.ts';
import type { ExpertProfile } from '../domain/expert.ts';
import { fieldGroupCodes, fieldGroupOf } from '../domain/taxonomy.ts';
import { callOpenedMail } from '../mail/call-messages.ts';
import { batchGet } from './batch.ts';
import { batchPut } from './bulk-load.ts';
import { dynamo, tableName } from './client.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';
import { outboxPut } from './outbox.ts';

export const callOptInKey = (expertId: string, group: string) => ({
  PK: keys.expertPartition(expertId),
  SK: `CALLOPTIN#${group}`,
});
export const callOptInPartition = (group: string) => `CALLOPTIN#${group}`;
export const callJobKey = (callId: string) => ({ PK: `CALLJOB#${callId}`, SK: 'JOB' });
/** One mail per call and expert, whatever runs the job and however often. */
export const callMailId = (callId: string, expertId: string) => `call-${callId}-${expertId}`;

const overseasNativePrefix = 'overseas-native#';

/** The CALLOPTIN items of a profile: put or deleted for all six groups, so no read is needed. */
export function callOptInWrites(p: ExpertProfile) {
  const optedIn = p.status === 'active' && p.consent.collaborationCalls;
  const groups = [...new Set(p.fields.map((f) => fieldGroupOf(f.code)))].sort();
  const segment = isOverseasNative(p) ? overseasNativePrefix : 'other#';
  return fieldGroupCodes.map((group) =>
    optedIn && groups.includes(group)
      ? {
          Put: {
            TableName: tableName,
            Item: {
              ...callOptInKey(p.id, group),
              GSI1PK: callOptInPartition(group),
              GSI1SK: `${segment}${p.id}`,
              type: 'callOptIn',
              expertId: p.id,
              email: p.email,
              fullName: p.fullName,
              // Lets the job skip, without a read, an expert it reaches through an earlier group.
              fieldGroups: groups,
            },
          },
        }
      : { Delete: { TableName: tableName, Key: callOptInKey(p.id, group) } },
  );
}

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

interface CallJob extends CallJobFacts {
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

async function readJob(callId: string): Promise<CallJob | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: callJobKey(callId), ConsistentRead: true }),
  );
  return Item as CallJob | undefined;
}

export async function getCallNotification(callId: string): Promise<CallNotification | undefined> {
  const job = await readJob(callId);
  return job && { queued: job.queued, done: job.done };
}

const audiencePageSize = 500;

/**
 * Pages through the call's audience into the outbox until done, or until `shouldStop` says the
 * invocation is running out of time (the caller then fails the record, and the retry resumes
 * from the recorded cursor). Returns undefined when there is no such job.
 */
export async function runCallNotificationJob(
  callId: string,
  now: Date,
  options: { shouldStop?: () => boolean; pageSize?: number } = {},
): Promise<CallNotification | undefined> {
  let job: CallJob | undefined = await readJob(callId);
  if (!job) return undefined;
  const { appUrl } = config();
  // The page at the recorded cursor may have been written by a run that crashed before recording
  // it, or by a duplicate run alongside: its mails are checked, not rewritten (a delivered mail
  // keeps no text, and a rewrite would put it back).
  let mayBeQueued = true;
  while (!job.done && !options.shouldStop?.()) {
    const facts = { ...job, id: callId };
    const cursor = JSON.parse(job.cursor) as JobCursor;
    const group: string = job.fieldGroups[cursor.group];
    const overseasOnly: boolean = job.audience === 'overseas_natives';
    const page: QueryCommandOutput = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: `GSI1PK = :pk${overseasOnly ? ' AND begins_with(GSI1SK, :prefix)' : ''}`,
        ExpressionAttributeValues: {
          ':pk': callOptInPartition(group),
          ...(overseasOnly ? { ':prefix': overseasNativePrefix } : {}),
        },
        ProjectionExpression: 'expertId, email, fullName, fieldGroups',
        ExclusiveStartKey: cursor.key ?? undefined,
        Limit: options.pageSize ?? audiencePageSize,
      }),
    );
    // An expert in several of the call's groups is mailed from the first of them only.
    const earlierGroups = new Set(job.fieldGroups.slice(0, cursor.group));
    const mails: Record<string, unknown>[] = (page.Items ?? [])
      .filter((item) => !(item.fieldGroups as string[]).some((g) => earlierGroups.has(g)))
      .map(
        (item) =>
          outboxPut(
            callOpenedMail(item.email as string, item.fullName as string, facts, appUrl),
            now,
            callMailId(callId, item.expertId as string),
          ).Put.Item,
      );
    await batchPut(mayBeQueued ? await notYetQueued(mails) : mails, { concurrency: 8 });

    const next: JobCursor = page.LastEvaluatedKey
      ? { group: cursor.group, key: page.LastEvaluatedKey }
      : { group: cursor.group + 1, key: null };
    const nextCursor = JSON.stringify(next);
    const done: boolean = next.group >= job.fieldGroups.length;
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key: callJobKey(callId),
          UpdateExpression: 'SET #cursor = :next, queued = queued + :n, done = :done, updatedAt = :now',
          // A concurrent run of the same job that got here first has counted this page.
          ConditionExpression: '#cursor = :read',
          ExpressionAttributeNames: { '#cursor': 'cursor' },
          ExpressionAttributeValues: {
            ':next': nextCursor,
            ':read': job.cursor,
            ':n': mails.length,
            ':done': done,
            ':now': new Date().toISOString(),
          },
        }),
      );
      job = { ...job, cursor: nextCursor, queued: job.queued + mails.length, done };
      mayBeQueued = false;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      job = (await readJob(callId)) ?? job;
      mayBeQueued = true;
    }
  }
  return { queued: job.queued, done: job.done };
}

/** The mail items whose id is not in the outbox yet. */
async function notYetQueued(mails: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const found = await batchGet(
    mails.map(({ PK, SK }) => ({ PK, SK })),
    { attributes: ['PK'] },
  );
  const queued = new Set(found.map((item) => item.PK as string));
  return mails.filter((mail) => !queued.has(mail.PK as string));
}
