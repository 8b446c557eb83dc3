/**
 * Recount jobs: RECOUNT#<id> / JOB, `type: 'recountJob'`, with status, progress, the checkpoint of
 * a run in progress (where the scan is, what it has counted so far) and, once done, the
 * differences found. STATS / RECOUNT is the lock: the one job that may run (`jobId`), the run that
 * holds it (`runId`, `pending` until the job function takes it) and its heartbeat. A run whose
 * heartbeat is older than `staleAfterMs` has died (a crash, a timeout): a later request or the
 * weekly run takes the lock over and resumes the job from its checkpoint. Every checkpoint is
 * written with the heartbeat in one transaction, conditioned on the run still holding the lock,
 * so a run that lost it stops at its next page and never overwrites its successor's work.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CounterScope, Counters } from '../domain/statistics.ts';
import { dynamo, tableName } from './client.ts';
import { cancelledConditions, isConditionalCheckFailed } from './errors.ts';
import { ttlAt } from './keys.ts';

/** Where a scan goes on (DynamoDB's LastEvaluatedKey). */
type ScanKey = Record<string, unknown>;

export const recountJobKeys = {
  job: (id: string) => ({ PK: `RECOUNT#${id}`, SK: 'JOB' }),
  lock: { PK: 'STATS', SK: 'RECOUNT' },
};

/** A run writes its heartbeat at every page (seconds apart); two minutes without one is a dead run. */
export const staleAfterMs = 2 * 60 * 1000;
const pendingRun = 'pending';
/** Jobs are kept a year, then expire (TTL). */
const keepDays = 366;

export type RecountJobStatus = 'queued' | 'running' | 'paused' | 'done' | 'failed';

export interface RecountDifference {
  scope: CounterScope;
  name: string;
  /** What the counter said. */
  counted: number;
  /** What the table holds. */
  actual: number;
}

export interface RecountCheckpoint {
  /** 1 for the first full scan; another scan follows if a counter changed during this one. */
  attempt: number;
  /** The counter items this scan compares (all at first; those that were busy after). */
  scopes: CounterScope[];
  /** Each counter item's `rev` when the scan started: a replacement is conditioned on it. */
  revs: Partial<Record<CounterScope, number>>;
  /** Where the scan goes on (absent: from the start). */
  startKey?: ScanKey;
  /** What the scan has counted so far. */
  totals: Partial<Record<CounterScope, Counters>>;
}

export interface RecountJob {
  id: string;
  status: RecountJobStatus;
  trigger: 'admin' | 'schedule';
  /** The administrator's id (staff `sub`) for an on-demand run. */
  requestedBy?: string;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Items counted so far, of about `expected` (the counters' own totals when the scan started). */
  progress: { counted: number; expected: number };
  differences: RecountDifference[];
  repaired: CounterScope[];
  busy: CounterScope[];
  /** How many times a later run took over from a dead one. */
  resumed: number;
  error?: string;
  checkpoint?: RecountCheckpoint;
}

export interface RecountLock {
  jobId: string;
  runId: string;
  heartbeatAt: string;
}

const jobFields = (item: Record<string, unknown>): RecountJob => {
  const { PK: _pk, SK: _sk, type: _type, ttl: _ttl, ...job } = item;
  return job as unknown as RecountJob;
};

export async function getRecountJob(id: string): Promise<RecountJob | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: recountJobKeys.job(id), ConsistentRead: true }),
  );
  return Item && jobFields(Item);
}

export async function readRecountLock(): Promise<RecountLock | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: recountJobKeys.lock, ConsistentRead: true }),
  );
  return (
    Item && { jobId: String(Item.jobId), runId: String(Item.runId), heartbeatAt: String(Item.heartbeatAt) }
  );
}

export const isStale = (lock: RecountLock, now: Date) =>
  lock.heartbeatAt < new Date(now.getTime() - staleAfterMs).toISOString();

/**
 * Creates a job and takes the lock for it, in one transaction; false if another job holds the
 * lock (stale or not: a stale one is resumed, not replaced, see `takeOverStaleLock`).
 */
export async function createRecountJob(job: RecountJob, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...recountJobKeys.lock,
                type: 'recountLock',
                jobId: job.id,
                runId: pendingRun,
                heartbeatAt: now.toISOString(),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...recountJobKeys.job(job.id),
                type: 'recountJob',
                ...job,
                ttl: ttlAt(new Date(now.getTime() + keepDays * 86_400_000)),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledConditions(error)?.includes(0)) return false;
    throw error;
  }
}

/** Hands a dead run's lock to the next run (pending), if nobody else did meanwhile. */
export async function takeOverStaleLock(lock: RecountLock, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: recountJobKeys.lock,
        UpdateExpression: 'SET runId = :pending, heartbeatAt = :now',
        ConditionExpression: 'jobId = :job AND heartbeatAt = :seen',
        ExpressionAttributeValues: {
          ':pending': pendingRun,
          ':now': now.toISOString(),
          ':job': lock.jobId,
          ':seen': lock.heartbeatAt,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/**
 * The job function's run takes the lock: only if it is this job's, and pending (just requested or
 * handed over) or stale (its run died). Marks the job running; false if another run holds it.
 */
export async function claimRecountRun(jobId: string, runId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: recountJobKeys.lock,
              UpdateExpression: 'SET runId = :run, heartbeatAt = :now',
              ConditionExpression: 'jobId = :job AND (runId = :pending OR heartbeatAt < :stale)',
              ExpressionAttributeValues: {
                ':run': runId,
                ':now': at,
                ':job': jobId,
                ':pending': pendingRun,
                ':stale': new Date(now.getTime() - staleAfterMs).toISOString(),
              },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: recountJobKeys.job(jobId),
              UpdateExpression:
                'SET #status = :running, updatedAt = :now, startedAt = if_not_exists(startedAt, :now)',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':running': 'running', ':now': at },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledConditions(error)?.length) return false;
    throw error;
  }
}

/** Counts a take-over in the job (how often a run died and another went on). */
export async function countResumption(jobId: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: recountJobKeys.job(jobId),
      UpdateExpression: 'ADD resumed :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

/** What a run writes as it goes: always with its heartbeat, and only while it holds the lock. */
export type RecountJobUpdate = Partial<
  Pick<
    RecountJob,
    'status' | 'progress' | 'differences' | 'repaired' | 'busy' | 'finishedAt' | 'error' | 'checkpoint'
  >
>;

/**
 * Writes the run's state and heartbeat in one transaction; `release` ends the run: the lock is
 * deleted (`'delete'`: the job is over) or handed back as stale (`'pause'`: the next run resumes).
 * False if this run no longer holds the lock (another run took over): stop.
 */
export async function saveRecountRun(
  jobId: string,
  runId: string,
  update: RecountJobUpdate,
  now: Date,
  release?: 'delete' | 'pause',
): Promise<boolean> {
  const at = now.toISOString();
  const names: Record<string, string> = { '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':now': at };
  const sets = ['#updatedAt = :now'];
  const removes: string[] = [];
  for (const [i, [name, value]] of Object.entries(update).entries()) {
    names[`#f${i}`] = name;
    if (value === undefined) removes.push(`#f${i}`);
    else {
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    }
  }
  const held = { ConditionExpression: 'runId = :run', ExpressionAttributeValues: { ':run': runId } };
  const lockWrite =
    release === 'delete'
      ? { Delete: { TableName: tableName, Key: recountJobKeys.lock, ...held } }
      : {
          Update: {
            TableName: tableName,
            Key: recountJobKeys.lock,
            UpdateExpression: 'SET heartbeatAt = :beat, runId = :next',
            ...held,
            ExpressionAttributeValues: {
              ':run': runId,
              // A paused run leaves a heartbeat that is stale at once: the next run takes over.
              ':beat': release === 'pause' ? new Date(0).toISOString() : at,
              ':next': release === 'pause' ? pendingRun : runId,
            },
          },
        };
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          lockWrite,
          {
            Update: {
              TableName: tableName,
              Key: recountJobKeys.job(jobId),
              UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledConditions(error)?.includes(0)) return false;
    throw error;
  }
}
